import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createTestApp, ORIGIN, type TestApp } from '../helpers/app.js';

let t: TestApp;
let production: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await createTestApp();
  // The same database and dependencies, with the configuration a production deployment has.
  production = createApp({ ...t.deps, config: { ...t.deps.config, env: 'production' } });
});
afterAll(() => t.close());

const LAN = 'http://192.168.1.20:3000';

/** A browser's form post to /lang, sent to `host` from a page at `origin`. */
function postLang(
  app: ReturnType<typeof createApp>,
  host: string,
  origin: string,
  extra: Record<string, string> = {},
) {
  return app.request(`http://${host}/lang`, {
    method: 'POST',
    body: new URLSearchParams({ lang: 'en', next: '/' }),
    headers: { 'content-type': 'application/x-www-form-urlencoded', host, origin, ...extra },
  });
}

describe('origin checks outside production', () => {
  it('accepts forms from the host the app is reached on: localhost, 127.0.0.1, a LAN address', async () => {
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:3000', LAN]) {
      const res = await postLang(t.app, new URL(origin).host, origin);
      expect(res.status, origin).toBe(303);
    }
  });

  it('accepts the configured APP_ORIGIN whatever host the request names', async () => {
    expect((await postLang(t.app, '127.0.0.1:3000', ORIGIN)).status).toBe(303);
  });

  it('refuses a foreign origin and names it on the page', async () => {
    const res = await postLang(t.app, '192.168.1.20:3000', 'https://evil.example');
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain('asal (Origin) tidak dikenal (https://evil.example)');
    expect(html).not.toContain('APP_ORIGIN');
  });

  it('refuses a cross-site fetch that sends no Origin but Sec-Fetch-Site', async () => {
    const res = await t.app.request('http://localhost:3000/lang', {
      method: 'POST',
      body: new URLSearchParams({ lang: 'en' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
    });
    expect(res.status).toBe(403);
  });
});

describe('origin checks in production', () => {
  it('refuses a form from another address of this server with a page that says which APP_ORIGIN to set', async () => {
    const res = await postLang(production, '192.168.1.20:3000', LAN);
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain('<html');
    expect(html).toContain(`APP_ORIGIN=${LAN}`);
    expect(html).toContain(`hanya menerima formulir dari ${ORIGIN}`);
  });

  it('says the same in English, and in the htmx fragment the page script shows', async () => {
    const res = await postLang(production, '192.168.1.20:3000', LAN, {
      'hx-request': 'true',
      cookie: 'lang=en',
    });
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).not.toContain('<html');
    expect(/<article id="error">.*?<\/h1><p>(.*?)<\/p>/s.exec(html)?.[1]).toMatch(
      /APP_ORIGIN=http:\/\/192\.168\.1\.20:3000/,
    );
  });

  it('answers the API with a JSON error naming the origin to set', async () => {
    const res = await production.request('http://192.168.1.20:3000/api/v1/me', {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json', host: '192.168.1.20:3000', origin: LAN },
    });
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('origin_mismatch');
    expect(body.error.message).toContain(`APP_ORIGIN=${LAN}`);
  });

  it('still accepts APP_ORIGIN itself', async () => {
    expect((await postLang(production, 'pasok.test', ORIGIN)).status).toBe(303);
  });
});
