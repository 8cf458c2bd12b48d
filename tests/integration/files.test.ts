import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_MEDIA_PER_SUPPLIER, MAX_UPLOAD_BYTES } from '../../src/files/limits.js';
import { listEvidenceByCertification, listSupplierMedia } from '../../src/files/service.js';
import { blobStore, readBlob } from '../../src/files/storage.js';
import { decide, submitForReview } from '../../src/suppliers/verification.js';
import { api, createTestApp, ORIGIN, type TestApp, type TestClient } from '../helpers/app.js';
import { makeUserWithToken } from '../helpers/factories.js';
import { HTML, JPEG, PDF, PNG, SVG, WEBP } from '../unit/files/fixtures.js';

type Maker = Awaited<ReturnType<typeof makeUserWithToken>>;

let t: TestApp;
let dataDir: string;
let facilitator: Maker;
let ikm: Maker;
let other: Maker;
let drafter: Maker;
let supplierId: string;
let draftSupplierId: string;
let certId: string;
let otherCertId: string;
const clients: Record<'ikm' | 'other' | 'drafter' | 'facilitator' | 'anon', TestClient> = {} as never;

let nibCounter = 2000000000000;
async function createProfile(user: Maker, name: string): Promise<{ id: string; certIds: string[] }> {
  const res = await api(t.app, 'POST', '/api/v1/suppliers', {
    token: user.token,
    body: {
      legal_name: name,
      nib: String(++nibCounter),
      regency_code: '32.13',
      location: { lat: -6.57, lon: 107.76 },
      certifications: [
        { type: 'iso-9001', number: `QMS-${nibCounter}`, issuer: 'TUV', valid_until: '2030-01-01' },
      ],
    },
  });
  expect(res.status).toBe(201);
  const json = (await res.json()) as { id: string; certifications: { id: string }[] };
  return { id: json.id, certIds: json.certifications.map((c) => c.id) };
}

async function loggedIn(user: Maker): Promise<TestClient> {
  const c = t.client();
  expect((await c.login(user.email, user.password)).status).toBe(303);
  return c;
}

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pasok-files-'));
  t = await createTestApp({ env: { DATA_DIR: dataDir } });
  facilitator = await makeUserWithToken(t.db.sql, {
    platformRole: 'facilitator',
    org: { name: 'Disperin Jabar', kind: 'facilitator' },
  });
  ikm = await makeUserWithToken(t.db.sql, { org: { name: 'CV Sinar Bubut', kind: 'supplier' } });
  other = await makeUserWithToken(t.db.sql, { org: { name: 'CV Tetangga', kind: 'supplier' } });
  drafter = await makeUserWithToken(t.db.sql, { org: { name: 'UD Draf', kind: 'supplier' } });
  const verified = await createProfile(ikm, 'CV Sinar Bubut');
  supplierId = verified.id;
  certId = verified.certIds[0]!;
  const draft = await createProfile(drafter, 'UD Draf');
  draftSupplierId = draft.id;
  otherCertId = draft.certIds[0]!;
  await submitForReview(t.db.sql, { userId: ikm.user.id, platformRole: null }, supplierId);
  await decide(
    t.db.sql,
    { userId: facilitator.user.id, platformRole: 'facilitator' },
    supplierId,
    'verify',
    null,
    new Date(),
  );
  clients.ikm = await loggedIn(ikm);
  clients.other = await loggedIn(other);
  clients.drafter = await loggedIn(drafter);
  clients.facilitator = await loggedIn(facilitator);
  clients.anon = t.client();
});
afterAll(async () => {
  await t.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

interface Part {
  bytes: Uint8Array;
  name: string;
  type: string;
}

/** Posts a multipart form the way a same-origin browser does, with the client's cookies. */
async function upload(
  client: TestClient,
  fields: Record<string, string>,
  file: Part | null,
  headers: Record<string, string> = {},
): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('file', new File([file.bytes], file.name, { type: file.type }));
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return t.app.request('/files', {
    method: 'POST',
    body: form,
    headers: { origin: ORIGIN, 'x-forwarded-for': client.ip, ...(cookie ? { cookie } : {}), ...headers },
  });
}

const evidence = (bytes: Uint8Array = PDF, name = 'sertifikat.pdf', type = 'application/pdf') => ({
  fields: {
    purpose: 'evidence',
    supplier_id: supplierId,
    certification_id: certId,
    next: `/s/${supplierId}`,
  },
  file: { bytes, name, type },
});

const photo = (bytes: Uint8Array = PNG, name = 'bengkel.png', type = 'image/png', sid = supplierId) => ({
  fields: { purpose: 'photo', supplier_id: sid, caption: 'Mesin bubut CNC', next: `/s/${sid}` },
  file: { bytes, name, type },
});

async function fileCount(): Promise<number> {
  const [row] = await t.db.sql<{ n: number }[]>`select count(*)::int as n from files`;
  return row!.n;
}

async function blobCount(): Promise<number> {
  const [row] = await t.db.sql<{ n: number }[]>`select count(*)::int as n from blobs`;
  return row!.n;
}

async function evidenceFileId(id = certId): Promise<string | null> {
  const [row] = await t.db.sql<{ evidenceFileId: string | null }[]>`
    select evidence_file_id from supplier_certifications where id = ${id}`;
  return row!.evidenceFileId;
}

describe('evidence files', () => {
  let fileId: string;

  it('lets the owner upload a PDF for a certification, stored privately under its real type', async () => {
    const e = evidence(PDF, 'C:\\fakepath\\Sertifikat\u0000 ISO.png', 'image/png');
    const res = await upload(clients.ikm, e.fields, e.file);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/s/${supplierId}`);
    fileId = (await evidenceFileId())!;
    expect(fileId).toBeTruthy();
    const [row] = await t.db.sql`select * from files where id = ${fileId}`;
    expect(row).toMatchObject({
      organizationId: supplierId,
      purpose: 'evidence',
      mime: 'application/pdf',
      filename: 'Sertifikat ISO.png',
      sizeBytes: PDF.byteLength,
      isPublic: false,
      createdBy: ikm.user.id,
    });
    const stored = await readBlob(t.db.sql, row!.storageKey);
    expect(stored.equals(PDF)).toBe(true);
    const [audit] = await t.db.sql`
      select action, organization_id, actor_user_id from audit_log where entity = 'file' and entity_id = ${fileId}`;
    expect(audit).toMatchObject({ action: 'upload', organizationId: supplierId, actorUserId: ikm.user.id });
    const byCert = await listEvidenceByCertification(t.db.sql, supplierId);
    expect(byCert.get(certId)?.id).toBe(fileId);
  });

  it('serves it to the owner with its stored type, safe headers and a sandboxing CSP', async () => {
    const res = await clients.ikm.get(`/files/${fileId}`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^inline; filename="Sertifikat ISO\.png\.pdf"/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
  });

  it('serves it to a facilitator', async () => {
    expect((await clients.facilitator.get(`/files/${fileId}`)).status).toBe(200);
  });

  it("hides it (404) from another supplier's user and from anonymous visitors", async () => {
    expect((await clients.other.get(`/files/${fileId}`)).status).toBe(404);
    expect((await clients.anon.get(`/files/${fileId}`)).status).toBe(404);
  });

  it('replaces the evidence: the old row and blob go, the audit keeps its name and hash', async () => {
    const [before] = await t.db.sql<{ storageKey: string; sha256: string }[]>`
      select storage_key, sha256 from files where id = ${fileId}`;
    const e = evidence(JPEG, 'scan.jpg', 'image/jpeg');
    expect((await upload(clients.ikm, e.fields, e.file)).status).toBe(303);
    const replaced = await evidenceFileId();
    expect(replaced).not.toBe(fileId);
    const [old] = await t.db.sql`select id from files where id = ${fileId}`;
    expect(old).toBeUndefined();
    expect(await blobStore(t.db.sql).stat(before!.storageKey)).toBeNull();
    expect((await clients.facilitator.get(`/files/${fileId}`)).status).toBe(404);
    const [audit] = await t.db.sql`
      select changes from audit_log where entity = 'file' and entity_id = ${replaced!} and action = 'upload'`;
    expect(audit?.changes.replacedFileId).toBe(fileId);
    expect(audit?.changes.replaced).toEqual({ filename: 'Sertifikat ISO.png', sha256: before!.sha256 });
  });

  it('answers 404 for a certification of another supplier, storing nothing', async () => {
    const before = [await fileCount(), await blobCount()];
    const e = evidence();
    const res = await upload(clients.ikm, { ...e.fields, certification_id: otherCertId }, e.file);
    expect(res.status).toBe(404);
    expect([await fileCount(), await blobCount()]).toEqual(before);
  });

  it('requires a certification for evidence (422)', async () => {
    const e = evidence();
    const res = await upload(clients.ikm, { ...e.fields, certification_id: '' }, e.file);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Sertifikat: Wajib diisi.');
  });

  it('unlinks evidence when it is deleted', async () => {
    const current = (await evidenceFileId())!;
    const res = await clients.ikm.post(`/files/${current}/delete`, { next: `/s/${supplierId}` });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/s/${supplierId}`);
    expect(await evidenceFileId()).toBeNull();
    expect((await clients.ikm.get(`/files/${current}`)).status).toBe(404);
  });
});

describe('photos and portfolio', () => {
  let photoId: string;

  it('makes a photo of a verified supplier public, with its caption in the gallery', async () => {
    const p = photo();
    expect((await upload(clients.ikm, p.fields, p.file)).status).toBe(303);
    const media = await listSupplierMedia(t.db.sql, supplierId);
    expect(media).toHaveLength(1);
    expect(media[0]).toMatchObject({ kind: 'photo', caption: 'Mesin bubut CNC', mime: 'image/png' });
    photoId = media[0]!.id;
    const res = await clients.anon.get(`/files/${photoId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
  });

  it('accepts WebP and JPEG portfolio images', async () => {
    for (const [bytes, name] of [
      [WEBP, 'a.webp'],
      [JPEG, 'b.jpg'],
    ] as const) {
      const p = photo(bytes, name, 'application/octet-stream');
      const res = await upload(clients.ikm, { ...p.fields, purpose: 'portfolio' }, p.file);
      expect(res.status).toBe(303);
    }
    const kinds = (await listSupplierMedia(t.db.sql, supplierId)).map((m) => m.kind);
    expect(kinds).toEqual(['photo', 'portfolio', 'portfolio']);
  });

  it("keeps a draft supplier's photo from anonymous visitors and other organisations", async () => {
    const p = photo(PNG, 'draf.png', 'image/png', draftSupplierId);
    expect((await upload(clients.drafter, p.fields, p.file)).status).toBe(303);
    const [media] = await listSupplierMedia(t.db.sql, draftSupplierId);
    expect((await clients.anon.get(`/files/${media!.id}`)).status).toBe(404);
    expect((await clients.other.get(`/files/${media!.id}`)).status).toBe(404);
    const own = await clients.drafter.get(`/files/${media!.id}`);
    expect(own.status).toBe(200);
    expect(own.headers.get('cache-control')).toBe('private, no-store');
  });

  it('refuses a PDF as a photo (422)', async () => {
    const p = photo(PDF, 'x.pdf', 'application/pdf');
    expect((await upload(clients.ikm, p.fields, p.file)).status).toBe(422);
  });

  it('lets another organisation neither upload to nor delete from the supplier', async () => {
    const before = [await fileCount(), await blobCount()];
    const p = photo();
    expect((await upload(clients.other, p.fields, p.file)).status).toBe(403);
    const d = photo(PNG, 'x.png', 'image/png', draftSupplierId);
    expect((await upload(clients.other, d.fields, d.file)).status).toBe(404);
    expect((await clients.other.post(`/files/${photoId}/delete`)).status).toBe(403);
    expect([await fileCount(), await blobCount()]).toEqual(before);
    expect((await clients.anon.get(`/files/${photoId}`)).status).toBe(200);
  });

  it('deletes a photo: link, row and blob go, the download 404s, and the deletion is audited', async () => {
    const [row] = await t.db.sql<
      { storageKey: string }[]
    >`select storage_key from files where id = ${photoId}`;
    const res = await clients.ikm.post(`/files/${photoId}/delete`, { next: '//evil.test/' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    expect((await clients.anon.get(`/files/${photoId}`)).status).toBe(404);
    expect((await clients.ikm.get(`/files/${photoId}`)).status).toBe(404);
    const media = await listSupplierMedia(t.db.sql, supplierId);
    expect(media.map((m) => m.id)).not.toContain(photoId);
    expect(await blobStore(t.db.sql).stat(row!.storageKey)).toBeNull();
    const [audit] = await t.db.sql`
      select action, organization_id from audit_log where entity = 'file' and entity_id = ${photoId} and action = 'delete'`;
    expect(audit?.organizationId).toBe(supplierId);
  });

  it(`stops at ${MAX_MEDIA_PER_SUPPLIER} images per supplier`, async () => {
    let n = (await listSupplierMedia(t.db.sql, supplierId)).length;
    while (n < MAX_MEDIA_PER_SUPPLIER) {
      const p = photo();
      expect((await upload(clients.ikm, p.fields, p.file)).status).toBe(303);
      n++;
    }
    const before = [await fileCount(), await blobCount()];
    const p = photo();
    const res = await upload(clients.ikm, p.fields, p.file);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('batas maksimal');
    expect([await fileCount(), await blobCount()]).toEqual(before);
  });
});

describe('rejected uploads', () => {
  it('rejects HTML named .png and sent as image/png (422), storing nothing', async () => {
    const before = [await fileCount(), await blobCount()];
    const e = evidence(HTML, 'x.png', 'image/png');
    const res = await upload(clients.ikm, e.fields, e.file);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Jenis diperiksa dari isi berkas');
    expect(html).toContain(`href="/s/${supplierId}"`);
    expect([await fileCount(), await blobCount()]).toEqual(before);
  });

  it('answers htmx with a small error fragment (422)', async () => {
    const p = photo(SVG, 'logo.svg', 'image/svg+xml');
    const res = await upload(clients.ikm, p.fields, p.file, { 'hx-request': 'true' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).not.toContain('<html');
    expect(html).toContain('role="alert"');
    expect(html).toContain('JPEG, PNG, atau WebP');
  });

  it('rejects a file over 10 MB with 413, storing nothing', async () => {
    const before = [await fileCount(), await blobCount()];
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 70 * 1024);
    big.set(PNG);
    const e = evidence(big, 'big.png', 'image/png');
    const res = await upload(clients.ikm, e.fields, e.file);
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('maksimal 10 MB');
    expect([await fileCount(), await blobCount()]).toEqual(before);
  });

  it('rejects a file just over 10 MB that fits the body limit with 422', async () => {
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set(PNG);
    const e = evidence(big, 'big.png', 'image/png');
    const res = await upload(clients.ikm, e.fields, e.file);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('maksimal 10 MB');
  });

  it('rejects an empty file and a missing file with clear messages', async () => {
    const e = evidence(new Uint8Array(0), 'kosong.pdf', 'application/pdf');
    const empty = await upload(clients.ikm, e.fields, e.file);
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Berkas kosong.');
    const missing = await upload(clients.ikm, e.fields, null);
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('Berkas: Wajib diisi.');
  });

  it('sends anonymous uploads to the login page', async () => {
    const e = evidence();
    const res = await upload(clients.anon, e.fields, e.file);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/login/);
  });

  it('refuses a cross-site upload', async () => {
    const e = evidence();
    const res = await upload(clients.ikm, e.fields, e.file, { origin: 'https://evil.test' });
    expect(res.status).toBe(403);
  });
});

describe('GET /files/:id', () => {
  it('answers 404 for malformed and unknown ids', async () => {
    expect((await clients.facilitator.get('/files/not-a-uuid')).status).toBe(404);
    expect((await clients.facilitator.get('/files/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    expect((await clients.facilitator.get('/files/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('never serves files of other purposes, such as spreadsheet imports', async () => {
    const [row] = await t.db.sql<{ id: string }[]>`
      insert into files (organization_id, purpose, filename, mime, size_bytes, sha256, storage_key, is_public)
      values (${supplierId}, 'import', 'data.xlsx', 'application/vnd.ms-excel', 1, 'x', 'ab/import-key', true)
      returning id`;
    expect((await clients.ikm.get(`/files/${row!.id}`)).status).toBe(404);
  });
});
