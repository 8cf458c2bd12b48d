import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('organisations', () => {
  it("answers 404 for another organisation's page, as for one that does not exist", async () => {
    const owner = await makeUser(t.db.sql, { org: { name: 'CV Rahasia', kind: 'supplier' } });
    const outsider = await makeUser(t.db.sql);
    const c = t.client();
    await c.login(outsider.email, outsider.password);
    const res = await c.get(`/orgs/${owner.orgId}`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('CV Rahasia');
    expect((await c.get('/orgs/00000000-0000-0000-0000-000000000000')).status).toBe(404);
    expect((await c.get('/orgs/not-a-uuid')).status).toBe(404);
    expect((await c.post(`/orgs/${owner.orgId}/invites`, { role: 'owner' })).status).toBe(404);
  });

  it('creates an organisation with the creator as owner, and validates the form (422)', async () => {
    const u = await makeUser(t.db.sql);
    const c = t.client();
    await c.login(u.email, u.password);
    const bad = await c.post('/orgs', { name: '', kind: 'pirate' });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Pilih salah satu pilihan yang tersedia.');
    const ok = await c.post('/orgs', { name: 'PT Baja Subang', kind: 'buyer' });
    expect(ok.status).toBe(303);
    const page = await c.get(ok.headers.get('location')!);
    expect(await page.text()).toContain('PT Baja Subang');
  });

  it('lets an owner invite a member with a one-time link', async () => {
    const owner = await makeUser(t.db.sql, { org: { name: 'CV Undangan', kind: 'supplier' } });
    const invitee = await makeUser(t.db.sql, { name: 'Rina' });
    const oc = t.client();
    await oc.login(owner.email, owner.password);
    const res = await oc.post(`/orgs/${owner.orgId}/invites`, { role: 'member' });
    const link = /(http:\/\/pasok\.test\/invites\/[A-Za-z0-9_-]+)/.exec(await res.text())?.[1];
    expect(link).toBeTruthy();
    const path = new URL(link!).pathname;

    const anon = await t.client().get(path);
    expect(await anon.text()).toContain('CV Undangan');

    const ic = t.client();
    await ic.login(invitee.email, invitee.password);
    const accepted = await ic.post(path);
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe(`/orgs/${owner.orgId}`);
    expect((await ic.get(`/orgs/${owner.orgId}`)).status).toBe(200);

    const third = await makeUser(t.db.sql);
    const tc = t.client();
    await tc.login(third.email, third.password);
    expect((await tc.post(path)).status).toBe(404);
    expect((await tc.get(`/orgs/${owner.orgId}`)).status).toBe(404);
  });

  it('does not let a plain member create invites (403)', async () => {
    const owner = await makeUser(t.db.sql, { org: { name: 'CV Anggota', kind: 'supplier' } });
    const member = await makeUser(t.db.sql);
    await t.db
      .sql`insert into memberships (organization_id, user_id, role) values (${owner.orgId}, ${member.user.id}, 'member')`;
    const c = t.client();
    await c.login(member.email, member.password);
    expect((await c.get(`/orgs/${owner.orgId}`)).status).toBe(200);
    expect((await c.post(`/orgs/${owner.orgId}/invites`, { role: 'member' })).status).toBe(403);
  });

  it('sends anonymous visitors of private pages to the login form', async () => {
    const res = await t.client().get('/orgs');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?next=%2Forgs');
  });
});
