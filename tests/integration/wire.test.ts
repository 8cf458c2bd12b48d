import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetSizes } from '../../src/http/assets.js';
import { negotiateCoding } from '../../src/http/encoding.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { makeUser, makeUserWithToken } from '../helpers/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());
const linked = (html: string, re: RegExp) => re.exec(html)?.[1] ?? '';

describe('compression', () => {
  it('sends brotli HTML when the browser accepts it, gzip when only that, and varies on Accept-Encoding', async () => {
    const plain = await t.app.request('/login');
    const plainBody = await bytes(plain);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toMatch(/Accept-Encoding/);

    const br = await t.app.request('/login', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/Accept-Encoding/);
    expect(br.headers.get('vary')).toMatch(/HX-Request/);
    const brBody = await bytes(br);
    expect(brBody.length).toBeLessThan(plainBody.length / 2);
    expect(brotliDecompressSync(brBody).toString()).toContain('<form method="post" action="/login"');

    const gz = await t.app.request('/login', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(gz)).toString()).toContain('action="/login"');
  });

  it('compresses JSON from the API', async () => {
    const { token } = await makeUserWithToken(t.db.sql);
    const res = await t.app.request('/api/v1/taxonomy', {
      headers: { 'accept-encoding': 'br', authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(JSON.parse(brotliDecompressSync(await bytes(res)).toString())).toBeTruthy();
  });

  it('leaves tiny bodies alone', async () => {
    const res = await t.app.request('/healthz', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.headers.get('content-encoding')).toBeNull();
  });

  it('leaves CSV exports uncompressed and streaming', async () => {
    const u = await makeUser(t.db.sql, { platformRole: 'facilitator' });
    const c = t.client();
    await c.login(u.email, u.password);
    const res = await c.get('/imports/export.csv', { 'accept-encoding': 'br, gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.text()).toContain(',');
  });

  it('honours q=0 and prefers brotli over gzip', () => {
    expect(negotiateCoding('gzip, br;q=0')).toBe('gzip');
    expect(negotiateCoding('br;q=0, gzip;q=0')).toBeNull();
    expect(negotiateCoding('identity')).toBeNull();
    expect(negotiateCoding('*')).toBe('br');
    expect(negotiateCoding(undefined)).toBeNull();
  });
});

describe('fingerprinted assets', () => {
  it('links the stylesheet and scripts by content hash and serves them immutable, precompressed', async () => {
    const html = await (await t.app.request('/login')).text();
    const css = linked(html, /<link rel="stylesheet" href="(\/assets\/app\.[0-9a-f]{10}\.css)"/);
    const htmx = linked(html, /<script src="(\/assets\/htmx\.min\.[0-9a-f]{10}\.js)"/);
    expect(css).not.toBe('');
    expect(htmx).not.toBe('');
    expect(html).not.toContain('pico.min.css');
    for (const url of [css, htmx]) {
      const res = await t.app.request(url, { headers: { 'accept-encoding': 'gzip, br' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('content-encoding')).toBe('br');
      expect(res.headers.get('vary')).toMatch(/Accept-Encoding/);
      const size = assetSizes().find((a) => a.url === url);
      expect((await bytes(res)).length).toBe(size?.br);
    }
  });

  it('keeps the old unfingerprinted URLs working with a short cache', async () => {
    for (const url of ['/assets/app.css', '/assets/htmx.min.js', '/assets/app.js', '/assets/pico.min.css']) {
      const res = await t.app.request(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('cache-control'), url).toBe('public, max-age=300');
      expect(res.headers.get('content-encoding'), url).toBeNull();
    }
  });

  it('serves a stale fingerprint (a page from before a deploy) with the current file, not for a year', async () => {
    const res = await t.app.request('/assets/app.0000000000.css');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await res.text()).toContain('.skip-link');
  });

  it('answers 304 to a revalidation with the same ETag for the same coding', async () => {
    const first = await t.app.request('/assets/app.css', { headers: { 'accept-encoding': 'gzip' } });
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/-gzip"$/);
    const again = await t.app.request('/assets/app.css', {
      headers: { 'accept-encoding': 'gzip', 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
  });

  it('ships a stylesheet far smaller than Pico, and htmx under 20 KB on the wire', () => {
    const css = assetSizes().find((a) => a.name === 'app.css');
    const htmx = assetSizes().find((a) => a.name === 'htmx.min.js');
    expect(css?.raw).toBeLessThan(40_000);
    expect(css?.br).toBeLessThan(8_000);
    expect(htmx?.br).toBeLessThan(20_000);
  });
});
