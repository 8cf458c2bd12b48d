import { describe, expect, it } from 'vitest';
import { detectUploadType, isInlineType } from '../../../src/files/content-type.js';
import { HTML, JPEG, PDF, PNG, SVG, WEBP } from './fixtures.js';

describe('detectUploadType', () => {
  it.each([
    ['PNG', PNG, 'image/png', 'png'],
    ['JPEG', JPEG, 'image/jpeg', 'jpg'],
    ['WebP', WEBP, 'image/webp', 'webp'],
  ])('accepts a %s as a photo, a portfolio image and evidence', async (_name, bytes, mime, ext) => {
    for (const purpose of ['photo', 'portfolio', 'evidence'] as const) {
      expect(await detectUploadType(bytes, purpose)).toEqual({ ok: true, mime, ext });
    }
  });

  it('accepts a PDF as evidence only', async () => {
    expect(await detectUploadType(PDF, 'evidence')).toEqual({
      ok: true,
      mime: 'application/pdf',
      ext: 'pdf',
    });
    expect(await detectUploadType(PDF, 'photo')).toEqual({ ok: false, reason: 'not_allowed' });
    expect(await detectUploadType(PDF, 'portfolio')).toEqual({ ok: false, reason: 'not_allowed' });
  });

  it('rejects HTML whatever it was called, because only the bytes are looked at', async () => {
    expect((await detectUploadType(HTML, 'photo')).ok).toBe(false);
    expect((await detectUploadType(HTML, 'evidence')).ok).toBe(false);
  });

  it('rejects SVG, which can carry script', async () => {
    expect((await detectUploadType(SVG, 'photo')).ok).toBe(false);
    expect((await detectUploadType(SVG, 'evidence')).ok).toBe(false);
  });

  it('rejects an empty file with its own reason', async () => {
    expect(await detectUploadType(new Uint8Array(0), 'evidence')).toEqual({ ok: false, reason: 'empty' });
  });

  it('rejects bytes it cannot identify', async () => {
    expect(await detectUploadType(Buffer.from('just some text'), 'evidence')).toEqual({
      ok: false,
      reason: 'unknown',
    });
  });

  it('rejects a truncated PNG signature', async () => {
    expect((await detectUploadType(PNG.subarray(0, 4), 'photo')).ok).toBe(false);
  });
});

describe('isInlineType', () => {
  it('shows images and PDFs in the browser and downloads anything else', () => {
    expect(isInlineType('image/png')).toBe(true);
    expect(isInlineType('application/pdf')).toBe(true);
    expect(isInlineType('text/html')).toBe(false);
    expect(isInlineType('image/svg+xml')).toBe(false);
  });
});
