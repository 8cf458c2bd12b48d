import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepOneAdmin } from '../../src/admin/users-service.js';
import { api, createTestApp, type TestApp } from '../helpers/app.js';
import { makeUser, makeUserWithToken } from '../helpers/factories.js';

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeUserWithToken>>;
let officeId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await makeUserWithToken(t.db.sql, { platformRole: 'admin', name: 'Admin Ani' });
  const office = await makeUser(t.db.sql, { org: { name: 'Disperin NTB', kind: 'facilitator' } });
  officeId = office.orgId!;
});
afterAll(() => t.close());

async function as(u: { email: string; password: string }) {
  const c = t.client();
  await c.login(u.email, u.password);
  return c;
}

const stateOf = async (id: string) =>
  (
    await t.db.sql<{ platformRole: string | null; deactivatedAt: Date | null }[]>`
      select platform_role, deactivated_at from users where id = ${id}`
  )[0]!;

describe('admin user list', () => {
  it('searches by name, e-mail and organisation, and pages', async () => {
    await makeUser(t.db.sql, {
      name: 'Budi Bengkel Bubut',
      org: { name: 'CV Logam Sumbawa', kind: 'supplier' },
    });
    const c = await as(admin);
    const byName = await (await c.get('/admin/users?q=bengkel%20bubut')).text();
    expect(byName).toContain('Budi Bengkel Bubut');
    expect(byName).not.toContain('Admin Ani');
    expect(await (await c.get('/admin/users?q=logam%20sumbawa')).text()).toContain('Budi Bengkel Bubut');
    expect(await (await c.get(`/admin/users?q=${encodeURIComponent(admin.email)}`)).text()).toContain(
      'Admin Ani',
    );
    for (let i = 0; i < 26; i++) await makeUser(t.db.sql, { name: `Peserta ${i}` });
    const first = await (await c.get('/admin/users')).text();
    expect(first).toContain('page=2');
    const second = await (await c.get('/admin/users?page=2')).text();
    expect(second).toContain('page=1');
  });

  it('is refused to facilitators (403), anonymous visitors (login) and on the API to non-admins', async () => {
    const fac = await makeUserWithToken(t.db.sql, { platformRole: 'facilitator' });
    expect((await (await as(fac)).get('/admin/users')).status).toBe(403);
    expect((await t.client().get('/admin/users')).status).toBe(303);
    const res = await api(t.app, 'GET', '/api/v1/admin/users', { token: fac.token });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    expect(
      (await api(t.app, 'POST', `/api/v1/admin/users/${fac.user.id}/deactivate`, { token: fac.token }))
        .status,
    ).toBe(403);
    expect((await stateOf(fac.user.id)).deactivatedAt).toBeNull();
  });
});

describe('roles', () => {
  it('grants the facilitator role with an office, revokes it, and audits both readably', async () => {
    const u = await makeUser(t.db.sql, { name: 'Citra Calon Fasilitator' });
    const c = await as(admin);
    const refused = await c.post(`/admin/users/${u.user.id}/role`, { role: 'facilitator', office_id: '' });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Fasilitator harus tergabung dalam satu kantor');
    const granted = await c.post(`/admin/users/${u.user.id}/role`, {
      role: 'facilitator',
      office_id: officeId,
    });
    expect(granted.status).toBe(303);
    expect((await stateOf(u.user.id)).platformRole).toBe('facilitator');
    const [m] = await t.db
      .sql`select role from memberships where user_id = ${u.user.id} and organization_id = ${officeId}`;
    expect(m?.role).toBe('member');
    expect((await c.post(`/admin/users/${u.user.id}/role`, { role: 'none' })).status).toBe(303);
    expect((await stateOf(u.user.id)).platformRole).toBeNull();
    const page = await (await c.get(`/admin/users/${u.user.id}`)).text();
    expect(page).toContain('Admin Ani mengubah peran dari Tanpa peran platform menjadi Fasilitator.');
    expect(page).toContain('Admin Ani mencabut peran Fasilitator.');
  });

  it('grants and revokes through the API with the standard error shape', async () => {
    const u = await makeUser(t.db.sql);
    const bad = await api(t.app, 'POST', `/api/v1/admin/users/${u.user.id}/role`, {
      token: admin.token,
      body: { role: 'superuser' },
    });
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as {
      error: { code: string; message: string; fields: Record<string, string> };
    };
    expect(body.error.code).toBe('invalid');
    expect(body.error.fields.role).toBeTruthy();
    const ok = await api(t.app, 'POST', `/api/v1/admin/users/${u.user.id}/role`, {
      token: admin.token,
      body: { role: 'admin' },
    });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { platform_role: string }).platform_role).toBe('admin');
    const got = await api(t.app, 'GET', `/api/v1/admin/users/${u.user.id}`, { token: admin.token });
    expect(((await got.json()) as { active: boolean }).active).toBe(true);
    await api(t.app, 'POST', `/api/v1/admin/users/${u.user.id}/role`, {
      token: admin.token,
      body: { role: 'none' },
    });
    expect((await stateOf(u.user.id)).platformRole).toBeNull();
    expect((await api(t.app, 'GET', '/api/v1/admin/users/not-a-uuid', { token: admin.token })).status).toBe(
      404,
    );
  });
});

describe('deactivation', () => {
  it('revokes every session and API token at once; the user cannot log in (clear message) or use a token', async () => {
    const u = await makeUserWithToken(t.db.sql, { name: 'Dewi Dinonaktifkan' });
    const browser = await as(u);
    expect((await browser.get('/account')).status).toBe(200);
    expect((await api(t.app, 'GET', '/api/v1/me', { token: u.token })).status).toBe(200);
    const res = await (await as(admin)).post(`/admin/users/${u.user.id}/deactivate`);
    expect(res.status).toBe(303);
    const [s] = await t.db.sql`select count(*)::int as n from user_sessions where user_id = ${u.user.id}`;
    expect(s?.n).toBe(0);
    const [tok] = await t.db
      .sql`select count(*)::int as n from api_tokens where user_id = ${u.user.id} and revoked_at is null`;
    expect(tok?.n).toBe(0);
    expect((await browser.get('/account')).status).toBe(303);
    expect((await api(t.app, 'GET', '/api/v1/me', { token: u.token })).status).toBe(401);
    const login = await t.client().login(u.email, u.password);
    expect(login.status).toBe(422);
    expect(await login.text()).toContain('Akun ini telah dinonaktifkan');
    const page = await (await as(admin)).get(`/admin/users/${u.user.id}`);
    expect(await page.text()).toContain('menonaktifkan akun (1 sesi dan 1 token API dicabut)');
  });

  it('reactivates an account so it can log in again (old tokens stay revoked)', async () => {
    const u = await makeUserWithToken(t.db.sql);
    await api(t.app, 'POST', `/api/v1/admin/users/${u.user.id}/deactivate`, { token: admin.token });
    const res = await api(t.app, 'POST', `/api/v1/admin/users/${u.user.id}/reactivate`, {
      token: admin.token,
    });
    expect(((await res.json()) as { active: boolean }).active).toBe(true);
    expect((await t.client().login(u.email, u.password)).status).toBe(303);
    expect((await api(t.app, 'GET', '/api/v1/me', { token: u.token })).status).toBe(401);
  });
});

describe('the last active admin', () => {
  it('cannot deactivate or demote themself, while another admin can be demoted', async () => {
    const sql = t.db.sql;
    await sql`update users set deactivated_at = now() where platform_role = 'admin' and id <> ${admin.user.id}`;
    const c = await as(admin);
    const demote = await c.post(`/admin/users/${admin.user.id}/role`, { role: 'none' });
    expect(demote.status).toBe(409);
    expect(await demote.text()).toContain('admin aktif terakhir');
    const off = await api(t.app, 'POST', `/api/v1/admin/users/${admin.user.id}/deactivate`, {
      token: admin.token,
    });
    expect(off.status).toBe(409);
    expect(((await off.json()) as { error: { code: string } }).error.code).toBe('conflict');
    expect(await stateOf(admin.user.id)).toEqual({ platformRole: 'admin', deactivatedAt: null });
    const second = await makeUserWithToken(sql, { platformRole: 'admin' });
    expect((await c.post(`/admin/users/${second.user.id}/role`, { role: 'none' })).status).toBe(303);
  });

  it('holds when two admins demote each other at the same moment', async () => {
    const sql = t.db.sql;
    const b = await makeUserWithToken(sql, { platformRole: 'admin' });
    const results = await Promise.allSettled([
      sql.begin(async (tx) => {
        await keepOneAdmin(tx, admin.user.id);
        await tx`select pg_sleep(0.2)`;
        await tx`update users set platform_role = null where id = ${admin.user.id}`;
      }),
      api(t.app, 'POST', `/api/v1/admin/users/${b.user.id}/role`, {
        token: admin.token,
        body: { role: 'none' },
      }),
    ]);
    const [active] =
      await sql`select count(*)::int as n from users where platform_role = 'admin' and deactivated_at is null`;
    expect(active?.n).toBe(1);
    const refused = results.filter(
      (r) => r.status === 'rejected' || (r.value instanceof Response && r.value.status === 409),
    );
    expect(refused).toHaveLength(1);
    await sql`update users set platform_role = 'admin' where id = ${admin.user.id}`;
  });
});
