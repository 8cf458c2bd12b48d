import { describe, expect, it } from 'vitest';
import {
  contentDisposition,
  downloadFilename,
  MAX_FILENAME_LENGTH,
  sanitizeFilename,
} from '../../../src/files/filename.js';
import { isSafeNext } from '../../../src/files/schema.js';

describe('sanitizeFilename', () => {
  it('keeps an ordinary name, including non-ASCII letters', () => {
    expect(sanitizeFilename('Sertifikat Halal – Café.pdf')).toBe('Sertifikat Halal – Café.pdf');
  });

  it('strips directories sent by old browsers or crafted requests', () => {
    expect(sanitizeFilename('C:\\fakepath\\foto.jpg')).toBe('foto.jpg');
    expect(sanitizeFilename('../../etc/passwd')).toBe('passwd');
  });

  it('removes control characters, newlines and direction overrides', () => {
    expect(sanitizeFilename('a\r\nb\u0000c.png')).toBe('abc.png');
    expect(sanitizeFilename('invoice\u202Egpj.exe')).toBe('invoicegpj.exe');
  });

  it('removes leading dots and surrounding space', () => {
    expect(sanitizeFilename('  ..htaccess ')).toBe('htaccess');
  });

  it('falls back when nothing is left', () => {
    expect(sanitizeFilename('', 'berkas.png')).toBe('berkas.png');
    expect(sanitizeFilename('/\u0007/', 'berkas.png')).toBe('berkas.png');
  });

  it('shortens long names but keeps the extension', () => {
    const out = sanitizeFilename(`${'a'.repeat(300)}.jpeg`);
    expect(Array.from(out)).toHaveLength(MAX_FILENAME_LENGTH);
    expect(out.endsWith('.jpeg')).toBe(true);
  });

  it('counts code points, so emoji are never cut in half', () => {
    const out = sanitizeFilename('😀'.repeat(200));
    expect(Array.from(out)).toHaveLength(MAX_FILENAME_LENGTH);
    expect(out).toBe('😀'.repeat(MAX_FILENAME_LENGTH));
  });
});

describe('downloadFilename', () => {
  it('keeps a matching extension and appends the real one otherwise', () => {
    expect(downloadFilename('foto.JPEG', 'jpg')).toBe('foto.JPEG');
    expect(downloadFilename('foto.png', 'jpg')).toBe('foto.png.jpg');
    expect(downloadFilename('scan', 'pdf')).toBe('scan.pdf');
  });
});

describe('contentDisposition', () => {
  it('quotes an ASCII fallback and carries the UTF-8 name', () => {
    expect(contentDisposition('inline', 'Café "x".pdf')).toBe(
      `inline; filename="Caf_ _x_.pdf"; filename*=UTF-8''Caf%C3%A9%20%22x%22.pdf`,
    );
  });
});

describe('isSafeNext', () => {
  it('accepts same-site paths and refuses other hosts', () => {
    expect(isSafeNext('/suppliers/abc?tab=media')).toBe(true);
    expect(isSafeNext('//evil.test/x')).toBe(false);
    expect(isSafeNext('/\\evil.test')).toBe(false);
    expect(isSafeNext('https://evil.test')).toBe(false);
    expect(isSafeNext('javascript:alert(1)')).toBe(false);
  });
});
