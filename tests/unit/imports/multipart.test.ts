import { describe, expect, it } from 'vitest';
import { BadMultipart, multipartBoundary, parseMultipart } from '../../../src/imports/multipart.js';

async function encode(form: FormData): Promise<{ body: Buffer; type: string }> {
  const req = new Request('http://x/', { method: 'POST', body: form });
  return { body: Buffer.from(await req.arrayBuffer()), type: req.headers.get('content-type')! };
}

describe('parseMultipart', () => {
  it('reads what the Fetch API writes: a file and text fields', async () => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('Nama IKM\r\n--not a boundary\r\nCV A\n')]), 'daftar ikm.csv');
    form.append('commit', 'true');
    form.append('mapping', '{"Nama IKM":"legal_name"}');
    const { body, type } = await encode(form);
    const parsed = parseMultipart(body, multipartBoundary(type)!);
    expect(parsed.files.file?.filename).toBe('daftar ikm.csv');
    expect(Buffer.from(parsed.files.file!.bytes).toString()).toBe('Nama IKM\r\n--not a boundary\r\nCV A\n');
    expect(parsed.fields).toEqual({ commit: 'true', mapping: '{"Nama IKM":"legal_name"}' });
  });

  it('refuses bodies that are not multipart', () => {
    expect(multipartBoundary('application/json')).toBeNull();
    expect(() => parseMultipart(Buffer.from('hello'), 'xyz')).toThrow(BadMultipart);
    expect(() =>
      parseMultipart(Buffer.from('--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nv'), 'xyz'),
    ).toThrow(BadMultipart);
  });
});
