import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyApiToken } from '../../src/tokens/service.js';
import { api, createTestApp, type TestApp } from '../helpers/app.js';
import { makeUser, makeUserWithToken } from '../helpers/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type ErrorBody = { error: { code: string; message: string; fields: Record<string, string> } };

describe('API v1 authentication', () => {
  it('returns the token owner and their organisations from GET /api/v1/me', async () => {
    const u = await makeUserWithToken(t.db.sql, {
      name: 'Made',
      org: { name: 'PT Tenant', kind: 'buyer' },
      platformRole: 'facilitator',
    });
    const res = await api(t.app, 'GET', '/api/v1/me', { token: u.token });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id: u.user.id,
      email: u.email,
      name: 'Made',
      platform_role: 'facilitator',
      locale: 'id',
      organizations: [{ id: u.orgId, name: 'PT Tenant', kind: 'buyer', role: 'owner' }],
    });
  });

  it('records when a token was last used, at most once a minute, without a write on every request', async () => {
    const u = await makeUserWithToken(t.db.sql, {});
    const lastUsed = async () =>
      (
        await t.db.sql<
          { at: Date | null }[]
        >`select last_used_at as at from api_tokens where user_id = ${u.user.id}`
      )[0]!.at;
    const t0 = new Date('2026-12-05T03:00:00Z');
    expect(await verifyApiToken(t.db.sql, u.token, t0)).toMatchObject({ userId: u.user.id });
    expect(await lastUsed()).toEqual(t0);
    await verifyApiToken(t.db.sql, u.token, new Date(t0.getTime() + 30_000));
    expect(await lastUsed()).toEqual(t0);
    const later = new Date(t0.getTime() + 61_000);
    expect(await verifyApiToken(t.db.sql, u.token, later)).toMatchObject({ userId: u.user.id });
    expect(await lastUsed()).toEqual(later);
  });

  it('answers 401 with the JSON error shape when the token is missing or unknown', async () => {
    for (const token of [undefined, 'pasok_not-a-real-token', 'garbage']) {
      const res = await api(t.app, 'GET', '/api/v1/me', token ? { token } : {});
      expect(res.status).toBe(401);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.code).toBe('unauthorized');
      expect(body.error.message).toBeTruthy();
      expect(body.error.fields).toEqual({});
    }
  });

  it('does not accept a session cookie in place of a token', async () => {
    const u = await makeUser(t.db.sql);
    const c = t.client();
    await c.login(u.email, u.password);
    const res = await c.get('/api/v1/me');
    expect(res.status).toBe(401);
  });

  it('stops accepting a token once it is revoked in the UI', async () => {
    const u = await makeUserWithToken(t.db.sql);
    expect((await api(t.app, 'GET', '/api/v1/me', { token: u.token })).status).toBe(200);
    const c = t.client();
    await c.login(u.email, u.password);
    const res = await c.post(`/account/tokens/${u.tokenId}/revoke`);
    expect(res.status).toBe(303);
    expect((await api(t.app, 'GET', '/api/v1/me', { token: u.token })).status).toBe(401);
  });

  it('creates a token in the UI, shows it once, and stores only its hash', async () => {
    const u = await makeUser(t.db.sql);
    const c = t.client();
    await c.login(u.email, u.password);
    const res = await c.post('/account/tokens', { token_name: 'laptop' });
    const html = await res.text();
    const token = /<code class="token">(pasok_[A-Za-z0-9_-]+)<\/code>/.exec(html)?.[1];
    expect(token).toBeTruthy();
    const rows = await t.db.sql`select token_hash from api_tokens where user_id = ${u.user.id}`;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toContain(token!);
    expect((await api(t.app, 'GET', '/api/v1/me', { token: token! })).status).toBe(200);
    expect(await (await c.get('/account')).text()).not.toContain(token!);
  });

  it("cannot revoke another user's token (404)", async () => {
    const victim = await makeUserWithToken(t.db.sql);
    const attacker = await makeUser(t.db.sql);
    const c = t.client();
    await c.login(attacker.email, attacker.password);
    const res = await c.post(`/account/tokens/${victim.tokenId}/revoke`);
    expect(res.status).toBe(404);
    expect((await api(t.app, 'GET', '/api/v1/me', { token: victim.token })).status).toBe(200);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const u = await makeUserWithToken(t.db.sql);
    const res = await api(t.app, 'GET', '/api/v1/nothing-here', { token: u.token });
    expect(res.status).toBe(404);
    expect(((await res.json()) as ErrorBody).error.code).toBe('not_found');
  });
});

describe('token revocation with the account', () => {
  const STRONG = 'kapal-layar menuju Rinjani 2026';

  it('revokes every API token on a password change and says so on the page', async () => {
    const u = await makeUserWithToken(t.db.sql);
    const second = await makeUserWithToken(t.db.sql, { email: `other-${Date.now()}@example.test` });
    const c = t.client();
    await c.login(u.email, u.password);
    expect((await api(t.app, 'GET', '/api/v1/me', { token: u.token })).status).toBe(200);
    const res = await c.post('/account/password', { current_password: u.password, new_password: STRONG });
    expect(res.status).toBe(303);
    expect((await api(t.app, 'GET', '/api/v1/me', { token: u.token })).status).toBe(401);
    expect(await (await c.get('/account')).text()).toContain('semua token API dicabut');
    expect((await api(t.app, 'GET', '/api/v1/me', { token: second.token })).status).toBe(200);
  });

  it('keeps the tokens when the current password is wrong', async () => {
    const u = await makeUserWithToken(t.db.sql);
    const c = t.client();
    await c.login(u.email, u.password);
    const res = await c.post('/account/password', {
      current_password: 'not-the-password',
      new_password: STRONG,
    });
    expect(res.status).toBe(422);
    expect((await api(t.app, 'GET', '/api/v1/me', { token: u.token })).status).toBe(200);
  });

  it('revokes every API token with "log out of all devices"', async () => {
    const u = await makeUserWithToken(t.db.sql);
    const c = t.client();
    await c.login(u.email, u.password);
    const res = await c.post('/account/sessions/revoke-all');
    expect(res.status).toBe(303);
    expect((await api(t.app, 'GET', '/api/v1/me', { token: u.token })).status).toBe(401);
    expect(await (await c.get('/login')).text()).toContain('Semua token API dicabut');
  });
});
