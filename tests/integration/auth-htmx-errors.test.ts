import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ORIGIN, type TestApp } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** What public/app.js reads from an error fragment: the first paragraph of #error. */
const messageOf = (html: string) => /<article id="error">.*?<\/h1><p>(.*?)<\/p>/s.exec(html)?.[1];
const hx = { 'hx-request': 'true' };

describe('htmx error display', () => {
  it('serves the error-display script from our origin and loads it on every page', async () => {
    const js = await t.client().get('/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('javascript');
    const body = await js.text();
    for (const event of ['htmx:responseError', 'htmx:sendError', 'htmx:timeout'])
      expect(body).toContain(event);
    const html = await (await t.client().get('/login')).text();
    expect(html).toMatch(/<script src="\/assets\/app\.[0-9a-f]{10}\.js" defer="">/);
    expect(html).toMatch(/<p id="htmx-alert" class="flash error" role="alert" hidden=""/);
    expect(html).toContain('data-offline="Tidak dapat terhubung ke server.');
    expect(html).toContain(
      '&quot;code&quot;:&quot;[45]..&quot;,&quot;swap&quot;:false,&quot;error&quot;:true',
    );
  });

  it('answers htmx requests that fail with 403, 404 and 429 with a fragment carrying the message', async () => {
    const u = await makeUser(t.db.sql);
    const c = t.client();
    await c.login(u.email, u.password);
    const csrf = await c.post(
      '/orgs',
      { name: 'X', kind: 'buyer' },
      { ...hx, origin: 'https://evil.example' },
    );
    expect(csrf.status).toBe(403);
    expect(messageOf(await csrf.text())).toContain('asal (Origin) tidak dikenal');
    const missing = await c.get('/orgs/00000000-0000-0000-0000-000000000000', hx);
    expect(missing.status).toBe(404);
    expect(messageOf(await missing.text())).toBeTruthy();
    for (let i = 0; i < 5; i++) await t.client().login('korban@example.test', `salah-${i}`);
    const limited = await t.client().post('/login', { email: 'korban@example.test', password: 'x' }, hx);
    expect(limited.status).toBe(429);
    const text = await limited.text();
    expect(text).not.toContain('<html');
    expect(messageOf(text)).toContain('Terlalu banyak percobaan masuk');
  });

  it('shows the English texts to English visitors', async () => {
    const c = t.client();
    await c.post('/lang', { lang: 'en', next: '/' }, { origin: ORIGIN });
    const html = await (await c.get('/login')).text();
    expect(html).toContain('data-offline="Cannot reach the server.');
  });
});
