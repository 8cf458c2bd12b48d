import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQueuedImports } from '../../src/imports/runner.js';
import { PRIVACY_NOTICE_VERSION } from '../../src/privacy/notice.js';
import { api, createTestApp, ORIGIN, type TestApp, type TestClient } from '../helpers/app.js';
import { makeUserWithToken } from '../helpers/factories.js';

type U = Awaited<ReturnType<typeof makeUserWithToken>>;
let t: TestApp;
let officeA: U;
let officeB: U;
let admin: U;
let facA: TestClient;
let importId: string;
let supplierId: string;
let owner: U;
let ownerClient: TestClient;

const CSV = [
  'Nama IKM,NIB,Alamat,Kab/Kota,Provinsi,Proses,No. HP',
  'CV Tembaga Benete,5207000000001,Jl. Raya Maluk 7,Kab. Sumbawa Barat,NTB,"las, bubut",0812-3700-0001',
].join('\r\n');

async function as(u: { email: string; password: string }) {
  const c = t.client();
  await c.login(u.email, u.password);
  return c;
}

async function uploadCsv(client: TestClient): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([CSV], { type: 'text/csv' }), 'binaan-ksb-2026.csv');
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await t.app.request('/imports', {
    method: 'POST',
    body: form,
    headers: { origin: ORIGIN, cookie, 'x-forwarded-for': client.ip },
  });
  expect(res.status, await res.clone().text()).toBe(303);
  return /\/imports\/([0-9a-f-]{36})$/.exec(res.headers.get('location') ?? '')![1]!;
}

beforeAll(async () => {
  t = await createTestApp();
  const sql = t.db.sql;
  officeA = await makeUserWithToken(sql, {
    platformRole: 'facilitator',
    name: 'Fasilitator Disperin NTB',
    org: { name: 'Disperin NTB', kind: 'facilitator' },
  });
  officeB = await makeUserWithToken(sql, {
    platformRole: 'facilitator',
    org: { name: 'Disperindag Jatim', kind: 'facilitator' },
  });
  admin = await makeUserWithToken(sql, { platformRole: 'admin' });
  facA = await as(officeA);
  importId = await uploadCsv(facA);
}, 60_000);
afterAll(() => t.close());

describe('imported records', () => {
  it('store their source and the legal basis chosen on commit', async () => {
    const page = await (await facA.get(`/imports/${importId}`)).text();
    expect(page).toContain('Dasar hukum pemrosesan data daftar ini');
    expect(page).toContain('Tugas pembinaan instansi (kepentingan umum)');
    const bad = await facA.post(`/imports/${importId}/commit`, { legal_basis: 'because' });
    expect(bad.status).toBe(422);
    expect((await facA.post(`/imports/${importId}/commit`, { legal_basis: 'consent' })).status).toBe(303);
    await runQueuedImports(t.deps);
    const [imp] = await t.db.sql`
      select i.legal_basis, i.filename, i.created_by, i.created_at, r.supplier_id
      from imports i join import_rows r on r.import_id = i.id where i.id = ${importId} and r.supplier_id is not null`;
    expect(imp).toMatchObject({
      legalBasis: 'consent',
      filename: 'binaan-ksb-2026.csv',
      createdBy: officeA.user.id,
    });
    supplierId = imp!.supplierId as string;
  });

  it('default to the office public task when the basis was never chosen (API imports, older rows)', async () => {
    const [row] = await t.db.sql`
      insert into imports (organization_id, filename) values (${officeA.orgId}, 'lama.xlsx') returning legal_basis`;
    expect(row!.legalBasis).toBe('public_task');
  });
});

describe('claiming a profile', () => {
  it("requires and records the owner's consent to the current privacy notice", async () => {
    const res = await facA.post(`/imports/${importId}/claims`, { supplier_id: supplierId });
    const token = /\/imports\/claim\/([A-Za-z0-9_-]+)/.exec(await res.text())![1]!;
    owner = await makeUserWithToken(t.db.sql, { name: 'Bu Sari Tembaga' });
    ownerClient = await as(owner);
    const form = await (await ownerClient.get(`/imports/claim/${token}`)).text();
    expect(form).toContain('href="/privasi"');
    const refused = await ownerClient.post(`/imports/claim/${token}`, {});
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Centang persetujuan');
    expect((await t.db.sql`select 1 from memberships where user_id = ${owner.user.id}`).length).toBe(0);
    expect((await ownerClient.post(`/imports/claim/${token}`, { consent: 'on' })).status).toBe(303);
    const [consent] = await t.db.sql`
      select purpose, supplier_id, notice_version from privacy_consents where user_id = ${owner.user.id}`;
    expect(consent).toMatchObject({ purpose: 'claim', supplierId, noticeVersion: PRIVACY_NOTICE_VERSION });
  });
});

describe('data export', () => {
  it("gives the user their account, organisations, profiles with sources, notifications and consents, and no one else's secrets", async () => {
    const sql = t.db.sql;
    await sql`insert into notifications (user_id, kind, title) values (${owner.user.id}, 'test', 'Halo Bu Sari')`;
    await sql`insert into notifications (user_id, kind, title) values (${officeA.user.id}, 'test', 'Rahasia kantor')`;
    const res = await ownerClient.get('/account/data.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const text = await res.text();
    const data = JSON.parse(text);
    expect(data.account).toMatchObject({ id: owner.user.id, email: owner.email, name: 'Bu Sari Tembaga' });
    expect(data.memberships).toEqual([
      expect.objectContaining({ organization_id: supplierId, role: 'owner' }),
    ]);
    const [profile] = data.supplier_profiles;
    expect(profile.legal_name).toBe('CV Tembaga Benete');
    expect(profile.sources[0]).toMatchObject({
      import_id: importId,
      file: 'binaan-ksb-2026.csv',
      office: 'Disperin NTB',
      uploaded_by: 'Fasilitator Disperin NTB',
      legal_basis: 'consent',
    });
    expect(data.notifications.map((n: { title: string }) => n.title)).toEqual(['Halo Bu Sari']);
    expect(data.consents).toHaveLength(1);
    expect(data.api_tokens[0]).toMatchObject({ prefix: expect.stringMatching(/^pasok_/) });
    expect(text).not.toContain('Rahasia kantor');
    expect(text).not.toContain(officeA.email);
    expect(text).not.toMatch(/password|token_hash|\$argon2/);
    expect(text).not.toContain(owner.token);
  });

  it("is only ever the caller's own: anonymous visitors log in, the API answers for the token holder", async () => {
    expect((await t.client().get('/account/data.json')).status).toBe(303);
    expect((await api(t.app, 'GET', '/api/v1/me/data')).status).toBe(401);
    const mine = (await (await api(t.app, 'GET', '/api/v1/me/data', { token: officeB.token })).json()) as {
      account: { id: string };
      supplier_profiles: unknown[];
    };
    expect(mine.account.id).toBe(officeB.user.id);
    expect(mine.supplier_profiles).toEqual([]);
  });
});

describe('erasure', () => {
  let requestId: string;

  it('is requested once from the account page; a second open request is refused', async () => {
    expect((await ownerClient.post('/account/erasure', { reason: 'Usaha sudah tutup' })).status).toBe(303);
    const again = await api(t.app, 'POST', '/api/v1/me/erasure-request', { token: owner.token, body: {} });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('conflict');
    const page = await (await ownerClient.get('/account')).text();
    expect(page).toContain('Permintaan penghapusan Anda sedang ditinjau.');
    const [r] = await t.db.sql`select id from erasure_requests where user_id = ${owner.user.id}`;
    requestId = r!.id as string;
  });

  it("is reviewed by the relevant office's facilitator or an admin, not by another office", async () => {
    const queueA = await (await facA.get('/privacy/requests')).text();
    expect(queueA).toContain('Bu Sari Tembaga');
    expect(queueA).toContain('Usaha sudah tutup');
    const queueB = (await (
      await api(t.app, 'GET', '/api/v1/privacy/requests', { token: officeB.token })
    ).json()) as {
      requests: unknown[];
    };
    expect(queueB.requests).toEqual([]);
    const byB = await api(t.app, 'POST', `/api/v1/privacy/requests/${requestId}/decide`, {
      token: officeB.token,
      body: { decision: 'erase' },
    });
    expect(byB.status).toBe(404);
    const byOwner = await ownerClient.post(`/privacy/requests/${requestId}/decide`, { decision: 'erase' });
    expect(byOwner.status).toBe(403);
    const queueAdmin = (await (
      await api(t.app, 'GET', '/api/v1/privacy/requests', { token: admin.token })
    ).json()) as {
      requests: { id: string }[];
    };
    expect(queueAdmin.requests.map((r) => r.id)).toContain(requestId);
  });

  it('anonymises personal fields, revokes sessions and tokens and disables login once approved', async () => {
    const sql = t.db.sql;
    const [contactBefore] =
      await sql`select count(*)::int as n from supplier_contacts where supplier_id = ${supplierId} and phone is not null`;
    const res = await facA.post(`/privacy/requests/${requestId}/decide`, {
      decision: 'erase',
      note: 'Sesuai UU PDP',
    });
    expect(res.status).toBe(303);
    const [u] =
      await sql`select name, email, platform_role, deactivated_at, erased_at from users where id = ${owner.user.id}`;
    expect(u!.name).toBe(`Pengguna terhapus #${owner.user.id.slice(0, 8)}`);
    expect(u!.email).toMatch(/@erased\.invalid$/);
    expect(u!.deactivatedAt).not.toBeNull();
    expect(u!.erasedAt).not.toBeNull();
    const contacts =
      await sql`select name, phone, email from supplier_contacts where supplier_id = ${supplierId}`;
    expect(contactBefore!.n + contacts.length).toBeGreaterThan(0);
    for (const c of contacts) expect(c).toEqual({ name: u!.name, phone: null, email: null });
    const [s] = await sql`select address, legal_name from suppliers where organization_id = ${supplierId}`;
    expect(s).toEqual({ address: null, legalName: 'CV Tembaga Benete' });
    expect((await sql`select 1 from user_sessions where user_id = ${owner.user.id}`).length).toBe(0);
    expect((await sql`select 1 from notifications where user_id = ${owner.user.id}`).length).toBe(0);
    expect((await sql`select 1 from memberships where user_id = ${owner.user.id}`).length).toBe(1);
    expect((await api(t.app, 'GET', '/api/v1/me', { token: owner.token })).status).toBe(401);
    expect((await ownerClient.get('/account')).status).toBe(303);
    expect((await t.client().login(owner.email, owner.password)).status).toBe(422);
    const again = await facA.post(`/privacy/requests/${requestId}/decide`, { decision: 'reject' });
    expect(again.status).toBe(409);
    const [audit] =
      await sql`select action, actor_user_id from audit_log where entity = 'user' and entity_id = ${owner.user.id} and action = 'erased'`;
    expect(audit!.actorUserId).toBe(officeA.user.id);
  });

  it('can be rejected, with a note the requester sees', async () => {
    const u = await makeUserWithToken(t.db.sql, { name: 'Pak Joko' });
    const r = await api(t.app, 'POST', '/api/v1/me/erasure-request', {
      token: u.token,
      body: { reason: 'coba' },
    });
    const { id } = (await r.json()) as { id: string };
    const res = await api(t.app, 'POST', `/api/v1/privacy/requests/${id}/decide`, {
      token: admin.token,
      body: { decision: 'reject', note: 'Masih ada kontrak berjalan' },
    });
    expect(await res.json()).toEqual({ id, status: 'rejected' });
    const page = await (await as(u)).get('/account');
    expect(await page.text()).toContain('Masih ada kontrak berjalan');
    const [row] = await t.db.sql`select name from users where id = ${u.user.id}`;
    expect(row!.name).toBe('Pak Joko');
  });
});

describe('privacy notice', () => {
  it('is public, in Indonesian by default and in English on request, and linked from the footer and registration', async () => {
    const id = await (await t.client().get('/privasi')).text();
    expect(id).toContain('Pemberitahuan privasi');
    expect(id).toContain('Undang-Undang Nomor 27 Tahun 2022');
    expect(id).toContain(PRIVACY_NOTICE_VERSION);
    const en = await (await t.client().get('/privacy', { cookie: 'lang=en' })).text();
    expect(en).toContain('Privacy notice');
    expect(en).toContain('UU No. 27 Tahun 2022');
    expect(en).toContain('<html lang="en"');
    expect(await (await t.client().get('/')).text()).toContain('href="/privasi"');
    expect(await (await t.client().get('/register')).text()).toContain('href="/privasi"');
  });
});
