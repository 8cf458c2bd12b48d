import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LimitExceeded } from '../../src/errors.js';
import { ORG_UPLOAD_QUOTA_BYTES } from '../../src/files/limits.js';
import { quotaUsage, reserveQuota } from '../../src/files/quota.js';
import { api, createTestApp, ORIGIN, type TestApp, type TestClient } from '../helpers/app.js';
import { makeUserWithToken } from '../helpers/factories.js';
import { PDF, PNG } from '../unit/files/fixtures.js';

type Maker = Awaited<ReturnType<typeof makeUserWithToken>>;

let t: TestApp;
let ikm: Maker;
let client: TestClient;
let supplierId: string;
let certId: string;
let nib = 3000000000000;

async function createProfile(user: Maker, name: string): Promise<{ id: string; certId: string }> {
  const res = await api(t.app, 'POST', '/api/v1/suppliers', {
    token: user.token,
    body: {
      legal_name: name,
      nib: String(++nib),
      regency_code: '32.13',
      location: { lat: -6.57, lon: 107.76 },
      certifications: [{ type: 'iso-9001', number: `QMS-${nib}`, issuer: 'TUV', valid_until: '2030-01-01' }],
    },
  });
  expect(res.status).toBe(201);
  const json = (await res.json()) as { id: string; certifications: { id: string }[] };
  return { id: json.id, certId: json.certifications[0]!.id };
}

beforeAll(async () => {
  t = await createTestApp();
  ikm = await makeUserWithToken(t.db.sql, { org: { name: 'CV Kuota Bubut', kind: 'supplier' } });
  ({ id: supplierId, certId } = await createProfile(ikm, 'CV Kuota Bubut'));
  client = t.client();
  expect((await client.login(ikm.email, ikm.password)).status).toBe(303);
});
afterAll(() => t.close());

async function upload(fields: Record<string, string>, bytes: Uint8Array, name: string, headers = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new File([bytes], name));
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return t.app.request('/files', {
    method: 'POST',
    body: form,
    headers: { origin: ORIGIN, 'x-forwarded-for': client.ip, cookie, ...headers },
  });
}

const photo = (bytes: Uint8Array = PNG, headers = {}) =>
  upload({ purpose: 'photo', supplier_id: supplierId, next: `/s/${supplierId}` }, bytes, 'foto.png', headers);
const evidence = (bytes: Uint8Array = PDF) =>
  upload(
    { purpose: 'evidence', supplier_id: supplierId, certification_id: certId, next: `/s/${supplierId}` },
    bytes,
    'bukti.pdf',
  );

/** Sets the organisation's usage to exactly `bytes` with one padding row (an old import sheet). */
async function setUsage(bytes: number): Promise<void> {
  await t.db.sql`delete from files where organization_id = ${supplierId} and purpose = 'import'`;
  const { usedBytes } = await quotaUsage(t.db.sql, supplierId);
  await t.db.sql`
    insert into files (organization_id, purpose, filename, mime, size_bytes, sha256, storage_key)
    values (${supplierId}, 'import', 'lama.xlsx', 'application/octet-stream', ${bytes - usedBytes}, 'x',
      ${`pad-${Date.now()}-${Math.random()}`})`;
}

async function rowsAndBlobs(): Promise<[number, number]> {
  const [row] = await t.db.sql<{ n: number }[]>`
    select count(*)::int as n from files where organization_id = ${supplierId} and purpose <> 'import'`;
  const [blobs] = await t.db.sql<{ n: number }[]>`select count(*)::int as n from blobs`;
  return [row!.n, blobs!.n];
}

/** A real PNG header followed by zeros: detected as PNG, `mb` megabytes long. */
const bigPng = (mb: number) => {
  const b = new Uint8Array(mb * 1024 * 1024);
  b.set(PNG);
  return b;
};

describe('per-organisation upload quota', () => {
  it('accepts uploads while they fit and counts them as usage', async () => {
    expect((await photo()).status).toBe(303);
    const usage = await quotaUsage(t.db.sql, supplierId);
    expect(usage).toEqual({ usedBytes: PNG.byteLength, quotaBytes: ORG_UPLOAD_QUOTA_BYTES });
  });

  it('refuses an upload over the quota with a 422 naming quota and usage, storing nothing', async () => {
    await setUsage(ORG_UPLOAD_QUOTA_BYTES - 1024 * 1024);
    const before = await rowsAndBlobs();
    const res = await photo(bigPng(2));
    expect(res.status).toBe(422);
    expect(await res.text()).toContain(
      'Kuota unggahan organisasi ini 200 MB dan sudah terpakai 199 MB, jadi berkas ini (2 MB) tidak muat.',
    );
    expect(await rowsAndBlobs()).toEqual(before);
  });

  it('says the same in English, and as a fragment to htmx', async () => {
    const res = await photo(bigPng(2), { 'hx-request': 'true' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('sudah terpakai 199 MB');
    client.cookies.set('lang', 'en');
    const en = await photo(bigPng(2), { 'hx-request': 'true' });
    client.cookies.delete('lang');
    expect(en.status).toBe(422);
    const html = await en.text();
    expect(html).not.toContain('<html');
    expect(html).toContain('upload quota is 200 MB and 199 MB is in use, so this file (2 MB) does not fit.');
  });

  it('lets exactly one of several concurrent uploads take the last room', async () => {
    await setUsage(ORG_UPLOAD_QUOTA_BYTES - Math.floor(PNG.byteLength * 1.5));
    const before = await rowsAndBlobs();
    const results = await Promise.all(Array.from({ length: 5 }, () => photo()));
    expect(results.map((r) => r.status).sort()).toEqual([303, 422, 422, 422, 422]);
    const after = await rowsAndBlobs();
    expect(after).toEqual([before[0] + 1, before[1] + 1]);
    expect((await quotaUsage(t.db.sql, supplierId)).usedBytes).toBeLessThanOrEqual(ORG_UPLOAD_QUOTA_BYTES);
  });

  it('serialises quota checks of one organisation across transactions (MoU and profile uploads alike)', async () => {
    await setUsage(ORG_UPLOAD_QUOTA_BYTES - 1000);
    const attempt = (n: number) =>
      t.db.sql.begin(async (tx) => {
        await reserveQuota(tx, supplierId, 600);
        await tx`select pg_sleep(0.05)`;
        await tx`
          insert into files (organization_id, purpose, filename, mime, size_bytes, sha256, storage_key)
          values (${supplierId}, 'mou', 'mou.pdf', 'application/pdf', 600, 'x', ${`race-${n}`})`;
      });
    const results = await Promise.allSettled([attempt(1), attempt(2), attempt(3)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(LimitExceeded);
    expect(refused.reason.params).toEqual({ quota: 200, used: 200, size: 1 });
    await t.db.sql`delete from files where storage_key like 'race-%'`;
  });

  it('lets a full organisation replace evidence with a file of the same size (the old one is freed first)', async () => {
    await setUsage(ORG_UPLOAD_QUOTA_BYTES - 2 * PDF.byteLength);
    expect((await evidence()).status).toBe(303);
    expect((await evidence()).status).toBe(303);
    await setUsage(ORG_UPLOAD_QUOTA_BYTES);
    expect((await evidence()).status).toBe(303);
    expect((await quotaUsage(t.db.sql, supplierId)).usedBytes).toBe(ORG_UPLOAD_QUOTA_BYTES);
    const rows = await t.db
      .sql`select id from files where organization_id = ${supplierId} and purpose = 'evidence'`;
    expect(rows).toHaveLength(1);
  });

  it('frees the room again when a file is deleted', async () => {
    await setUsage(ORG_UPLOAD_QUOTA_BYTES);
    expect((await photo()).status).toBe(422);
    const [p] = await t.db.sql<{ id: string }[]>`
      select id from files where organization_id = ${supplierId} and purpose = 'photo' limit 1`;
    expect((await client.post(`/files/${p!.id}/delete`)).status).toBe(303);
    expect((await photo()).status).toBe(303);
  });

  it('shows the usage next to the upload forms', async () => {
    await setUsage(50 * 1024 * 1024);
    const res = await client.get(`/suppliers/${supplierId}/edit`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Penyimpanan terpakai: 50 MB dari 200 MB.');
    expect(html).toContain(`<meter min="0" max="${ORG_UPLOAD_QUOTA_BYTES}" value="${50 * 1024 * 1024}"`);
  });
});
