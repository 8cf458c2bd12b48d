import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type TestApp } from '../helpers/app.js';
import { makeUser, makeUserWithToken } from '../helpers/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('Cache-Control: no-store', () => {
  it('is sent on every page and export for a logged-in user', async () => {
    const staff = await makeUser(t.db.sql, { platformRole: 'facilitator' });
    const c = t.client();
    await c.login(staff.email, staff.password);
    for (const path of [
      '/account',
      '/',
      '/orgs',
      '/reports/export.csv',
      '/imports/export.csv',
      '/no-such-page',
    ]) {
      const res = await c.get(path);
      expect(res.status, path).toBeLessThan(500);
      expect(res.headers.get('cache-control'), path).toMatch(/\bno-store\b/);
    }
    const fragment = await c.get('/account', { 'hx-request': 'true' });
    expect(fragment.headers.get('cache-control')).toBe('no-store');
  });

  it('is sent on API answers to a bearer token, including errors', async () => {
    const u = await makeUserWithToken(t.db.sql);
    const me = await api(t.app, 'GET', '/api/v1/me', { token: u.token });
    expect(me.status).toBe(200);
    expect(me.headers.get('cache-control')).toBe('no-store');
    const bad = await api(t.app, 'GET', '/api/v1/me', { token: 'pasok_nope' });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('cache-control')).toBe('no-store');
  });

  it('leaves anonymous pages and asset caching alone', async () => {
    const anon = await t.client().get('/login');
    expect(anon.headers.get('cache-control')).toBeNull();
    const u = await makeUser(t.db.sql);
    const c = t.client();
    await c.login(u.email, u.password);
    const css = await c.get('/assets/app.css');
    expect(css.headers.get('cache-control')).toMatch(/max-age/);
  });
});
