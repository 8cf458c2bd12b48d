import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CompressedCache } from '../../../src/http/encoding.js';

const body = (seed: string, size = 4000) =>
  new TextEncoder().encode(seed.repeat(Math.ceil(size / seed.length)).slice(0, size));

describe('CompressedCache', () => {
  it('gives bytes that decode to the body, the same bytes again for the same body, and per coding', async () => {
    const cache = new CompressedCache();
    const a = body('{"nama":"CV Logam Jaya","kota":"Sumbawa Barat"},');
    const br = await cache.compress(a, 'br');
    expect(new Uint8Array(zlib.brotliDecompressSync(br))).toEqual(a);
    expect(await cache.compress(Uint8Array.from(a), 'br')).toBe(br);
    const gz = await cache.compress(a, 'gzip');
    expect(new Uint8Array(zlib.gunzipSync(gz))).toEqual(a);
    expect(cache.size.entries).toBe(2);
    // One byte different is another body.
    const b = Uint8Array.from(a);
    b[10] = 0x41;
    const other = await cache.compress(b, 'br');
    expect(other).not.toBe(br);
    expect(new Uint8Array(zlib.brotliDecompressSync(other))).toEqual(b);
  });

  it('stays within its byte budget, dropping the least recently used first', async () => {
    const probe = await new CompressedCache().compress(body('x0'), 'gzip');
    // Room for about three entries of this size.
    const cache = new CompressedCache(probe.byteLength * 3 + 10);
    const bodies = ['a1', 'b2', 'c3', 'd4'].map((s) => body(s));
    const first = await cache.compress(bodies[0] as Uint8Array, 'gzip');
    await cache.compress(bodies[1] as Uint8Array, 'gzip');
    await cache.compress(bodies[2] as Uint8Array, 'gzip');
    expect(await cache.compress(bodies[0] as Uint8Array, 'gzip')).toBe(first); // used again: newest
    await cache.compress(bodies[3] as Uint8Array, 'gzip'); // evicts b2, the oldest
    expect(cache.size.entries).toBe(3);
    expect(cache.size.bytes).toBeLessThanOrEqual(probe.byteLength * 3 + 10);
    expect(await cache.compress(bodies[0] as Uint8Array, 'gzip')).toBe(first);
  });

  it('does not keep bodies over the entry limit', async () => {
    const cache = new CompressedCache(1024 * 1024, 1000);
    const big = body('zz', 2000);
    const one = await cache.compress(big, 'br');
    expect(await cache.compress(big, 'br')).not.toBe(one);
    expect(cache.size.entries).toBe(0);
  });
});
