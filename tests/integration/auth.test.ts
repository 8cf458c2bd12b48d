import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ORIGIN, type TestApp } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('registration', () => {
  it('registers, creates the organisation with the user as owner, then the user logs in', async () => {
    const c = t.client();
    const res = await c.post('/register', {
      name: 'Siti Rahma',
      email: 'Siti@Example.test',
      password: 'a-long-password',
      password_confirm: 'a-long-password',
      org_name: 'CV Maju Teknik',
      org_kind: 'supplier',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login');
    expect((await c.login('siti@example.test', 'a-long-password')).headers.get('location')).toBe('/');
    const home = await c.get('/');
    const html = await home.text();
    expect(html).toContain('Halo, Siti Rahma');
    expect(html).toContain('CV Maju Teknik');
    const [row] = await t.db
      .sql`select m.role from memberships m join users u on u.id = m.user_id where u.email = 'siti@example.test'`;
    expect(row?.role).toBe('owner');
  });

  it('re-renders the form with field errors and the submitted values (422)', async () => {
    const res = await t.client().post('/register', {
      name: 'B',
      email: 'not-an-email',
      password: 'short',
      password_confirm: 'other',
      org_name: '',
      org_kind: 'supplier',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Masukkan alamat email yang valid.');
    expect(html).toContain('Terlalu pendek (minimal 10 karakter).');
    expect(html).toContain('value="not-an-email"');
    expect(html).not.toContain('value="short"');
    expect(html).toContain('aria-invalid="true"');
  });

  it('stores passwords as argon2id hashes', async () => {
    const { user } = await makeUser(t.db.sql);
    const [row] = await t.db.sql`select password_hash from users where id = ${user.id}`;
    expect(row?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe('login and logout', () => {
  it('logs in with 303 and a HttpOnly, SameSite=Lax session cookie, then logs out', async () => {
    const u = await makeUser(t.db.sql, { name: 'Wayan' });
    const c = t.client();
    const res = await c.login(u.email, u.password);
    expect(res.status).toBe(303);
    const cookie = res.headers.getSetCookie().find((l) => l.startsWith('pasok_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    expect(await (await c.get('/')).text()).toContain('Halo, Wayan');

    const out = await c.post('/logout');
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/login');
    const [{ n }] = (await t.db
      .sql`select count(*)::int as n from user_sessions where user_id = ${u.user.id}`) as unknown as [
      { n: number },
    ];
    expect(n).toBe(0);
    expect((await c.get('/account')).status).toBe(303);
  });

  it('rotates the session id on login', async () => {
    const u = await makeUser(t.db.sql);
    const c = t.client();
    await c.login(u.email, u.password);
    const first = c.cookies.get('pasok_session');
    await c.login(u.email, u.password);
    const second = c.cookies.get('pasok_session');
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    const rows = await t.db.sql`select id from user_sessions where user_id = ${u.user.id}`;
    expect(rows.map((r) => r.id)).toEqual([second]);
  });

  it('answers a wrong password with 422 and a generic message', async () => {
    const u = await makeUser(t.db.sql);
    const res = await t.client().login(u.email, 'wrong password!');
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Email atau kata sandi salah.');
    expect(
      res.headers.getSetCookie().some((l) => l.startsWith('pasok_session=') && !l.includes('Max-Age=0')),
    ).toBe(false);
  });

  it('gives an unknown email the same answer as a wrong password', async () => {
    const res = await t.client().login('nobody@example.test', 'whatever-password');
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Email atau kata sandi salah.');
  });

  it('redirects only to same-site paths after login', async () => {
    const u = await makeUser(t.db.sql);
    const res = await t
      .client()
      .post('/login', { email: u.email, password: u.password, next: '//evil.example/x' });
    expect(res.headers.get('location')).toBe('/');
    for (const next of ['/\t/evil.example', '/\\evil.example', 'https://evil.example', '/ok path']) {
      const r = await t.client().post('/login', { email: u.email, password: u.password, next });
      expect(r.headers.get('location'), next).toBe('/');
    }
    const ok = await t.client().post('/login', { email: u.email, password: u.password, next: '/account' });
    expect(ok.headers.get('location')).toBe('/account');
  });

  it('answers htmx form posts with HX-Redirect instead of a 303', async () => {
    const u = await makeUser(t.db.sql);
    const res = await t
      .client()
      .post('/login', { email: u.email, password: u.password }, { 'hx-request': 'true' });
    expect(res.status).toBe(200);
    expect(res.headers.get('hx-redirect')).toBe('/');
  });
});

describe('session revocation', () => {
  it('logs out of all devices', async () => {
    const u = await makeUser(t.db.sql);
    const laptop = t.client();
    const phone = t.client();
    await laptop.login(u.email, u.password);
    await phone.login(u.email, u.password);
    expect((await phone.get('/account')).status).toBe(200);
    const res = await laptop.post('/account/sessions/revoke-all');
    expect(res.status).toBe(303);
    expect((await phone.get('/account')).status).toBe(303);
    expect((await laptop.get('/account')).status).toBe(303);
  });

  it('ends the other sessions when the password changes, and keeps this one', async () => {
    const u = await makeUser(t.db.sql);
    const laptop = t.client();
    const phone = t.client();
    await laptop.login(u.email, u.password);
    await phone.login(u.email, u.password);
    const res = await laptop.post('/account/password', {
      current_password: u.password,
      new_password: 'brand-new-password',
    });
    expect(res.status).toBe(303);
    expect((await laptop.get('/account')).status).toBe(200);
    expect((await phone.get('/account')).status).toBe(303);
    expect((await t.client().login(u.email, u.password)).status).toBe(422);
    expect((await t.client().login(u.email, 'brand-new-password')).status).toBe(303);
  });

  it('refuses a password change with the wrong current password (422)', async () => {
    const u = await makeUser(t.db.sql);
    const c = t.client();
    await c.login(u.email, u.password);
    const res = await c.post('/account/password', {
      current_password: 'not-it-at-all',
      new_password: 'brand-new-password',
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Kata sandi saat ini salah.');
  });

  it('revokes one other session from the sessions list without showing session ids', async () => {
    const u = await makeUser(t.db.sql);
    const laptop = t.client();
    const phone = t.client();
    await laptop.login(u.email, u.password);
    await phone.login(u.email, u.password);
    const html = await (await laptop.get('/account')).text();
    expect(html).not.toContain(phone.cookies.get('pasok_session'));
    const action = [...html.matchAll(/action="(\/account\/sessions\/[0-9a-f]{24}\/revoke)"/g)].map(
      (m) => m[1]!,
    );
    expect(action).toHaveLength(1);
    expect((await laptop.post(action[0]!)).status).toBe(303);
    expect((await phone.get('/account')).status).toBe(303);
    expect((await laptop.get('/account')).status).toBe(200);
  });
});

describe('CSRF', () => {
  it('refuses a form post from a foreign origin', async () => {
    const u = await makeUser(t.db.sql);
    const c = t.client();
    await c.login(u.email, u.password);
    const res = await c.post(
      '/orgs',
      { name: 'Evil Org', kind: 'buyer' },
      { origin: 'https://evil.example' },
    );
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('asal (Origin) tidak dikenal');
    const [{ n }] = (await t.db
      .sql`select count(*)::int as n from organizations where name = 'Evil Org'`) as unknown as [
      { n: number },
    ];
    expect(n).toBe(0);
  });

  it('refuses a form post with neither Origin nor Sec-Fetch-Site', async () => {
    const res = await t.app.request('/login', {
      method: 'POST',
      body: new URLSearchParams({ email: 'a@b.c', password: 'x' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(403);
  });

  it('refuses a JSON request from a foreign origin, even with a token', async () => {
    const res = await t.app.request('/api/v1/me', {
      method: 'POST',
      body: '{}',
      headers: {
        'content-type': 'application/json',
        origin: 'https://evil.example',
        authorization: 'Bearer pasok_x',
      },
    });
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { code: string } };
    expect(body.error.code).toBe('forbidden');
  });

  it('accepts a bearer-token multipart API call without an Origin header (no cookies, nothing to forge)', async () => {
    const form = new FormData();
    form.append('x', '1');
    const res = await t.app.request('/api/v1/me', {
      method: 'POST',
      body: form,
      headers: { authorization: 'Bearer pasok_nope' },
    });
    expect(res.status).toBe(401);
  });

  it('accepts a same-origin form post', async () => {
    const res = await t.client().post('/lang', { lang: 'en', next: '/' }, { origin: ORIGIN });
    expect(res.status).toBe(303);
  });
});
