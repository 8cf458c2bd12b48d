import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQueuedImports } from '../../src/imports/runner.js';
import { api, createTestApp, ORIGIN, type TestApp, type TestClient } from '../helpers/app.js';
import { makeUser, makeUserWithToken } from '../helpers/factories.js';

let t: TestApp;
let dataDir: string;
type U = Awaited<ReturnType<typeof makeUserWithToken>>;
let fac: U;
let otherFac: U;
let buyer: U;
let ikm: U;
let facClient: TestClient;

const HEADERS = [
  'No',
  'Nama IKM',
  'NIB',
  'Alamat',
  'Kab/Kota',
  'Provinsi',
  'Produk',
  'Proses',
  'Tenaga Kerja',
  'No. HP',
  'Koordinat',
  'Sertifikat',
];

/** Realistic IKM rows: three of them bad (NIB, unknown regency, missing name). */
const ROWS: (string | number)[][] = [
  [
    1,
    'CV Sinar Logam Presisi',
    '3201 0000 0000 1',
    'Jl. Otista 12',
    'Kab. Subang',
    'Jawa Barat',
    'Poros, bushing',
    'bubut, frais',
    12,
    '0812-3456-7890',
    '-6.57, 107.76',
    'SNI',
  ],
  [
    2,
    'UD Las Barokah',
    5201000000002,
    'Jl. Pejanggik 5',
    'Kota Mataram',
    'NTB',
    'Pagar, kanopi',
    'las argon, las listrik',
    5,
    '81234500001',
    '-8.58, 116.12',
    '',
  ],
  [
    3,
    'CV Cor Logam Pasuruan',
    '3514000000003',
    'Jl. Raya 1',
    'Kabupaten Pasuruan',
    'Jawa Timur',
    'Impeller pompa',
    'cor logam',
    '1.200',
    '',
    '',
    'SNI, Halal',
  ],
  [
    4,
    'Bengkel Bubut Jaya',
    '',
    'Desa Taliwang',
    'Sumbawa Barat',
    '',
    'Suku cadang',
    'bubut, sablon kaos',
    3,
    '',
    '',
    '',
  ],
  [
    5,
    'PT Presisi Otoparts',
    '3213000000005',
    'Kawasan Smartpolitan',
    'SUBANG',
    '',
    'Bracket',
    'potong laser, tekuk',
    40,
    '+62 813 0000 0005',
    '-6.46, 107.63',
    'ISO 9001',
  ],
  [6, 'Koperasi Logam Sidoarjo', '', 'Jl. Waru', 'kab sidoarjo', '', 'Mur baut', 'bubut cnc', 25, '', '', ''],
  [7, 'CV NIB Salah', '12345', 'Jl. A', 'Kab. Subang', '', '', 'bubut', 2, '', '', ''],
  [8, 'UD Atlantis', '3201000000008', 'Jl. B', 'Kab. Atlantis', '', '', 'las', 2, '', '', ''],
  [9, '', '3201000000009', 'Jl. C', 'Kab. Subang', '', '', 'las', 2, '', '', ''],
];

async function xlsx(headers: string[], rows: (string | number)[][], title?: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('IKM Binaan');
  if (title) ws.addRow([title]);
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A multipart form post the way a same-origin browser sends it, with the client's cookies. */
async function upload(client: TestClient, bytes: Uint8Array, name = 'ikm.xlsx'): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return t.app.request('/imports', {
    method: 'POST',
    body: form,
    headers: { origin: ORIGIN, cookie, 'x-forwarded-for': client.ip },
  });
}

async function uploadOk(client: TestClient, bytes: Uint8Array, name?: string): Promise<string> {
  const res = await upload(client, bytes, name);
  expect(res.status, await res.clone().text()).toBe(303);
  const id = /^\/imports\/([0-9a-f-]{36})$/.exec(res.headers.get('location') ?? '')?.[1];
  expect(id).toBeTruthy();
  return id!;
}

async function commit(client: TestClient, id: string) {
  const res = await client.post(`/imports/${id}/commit`);
  expect(res.status).toBe(303);
  await runQueuedImports(t.deps);
  const json = await (await api(t.app, 'GET', `/api/v1/imports/${id}`, { token: fac.token })).json();
  return json as Record<string, unknown> & { errors: { row: number; field: string; message: string }[] };
}

const count = async (where = t.db.sql`true`) =>
  Number((await t.db.sql`select count(*)::int as n from suppliers where ${where}`)[0]!.n);

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pasok-imports-'));
  t = await createTestApp({ env: { DATA_DIR: dataDir } });
  fac = await makeUserWithToken(t.db.sql, {
    platformRole: 'facilitator',
    org: { name: 'Disperin NTB', kind: 'facilitator' },
  });
  otherFac = await makeUserWithToken(t.db.sql, {
    platformRole: 'facilitator',
    org: { name: 'Disperindag Jatim', kind: 'facilitator' },
  });
  buyer = await makeUserWithToken(t.db.sql, { org: { name: 'PT Pembeli', kind: 'buyer' } });
  ikm = await makeUserWithToken(t.db.sql, { org: { name: 'CV IKM Mandiri', kind: 'supplier' } });
  facClient = t.client();
  await facClient.login(fac.email, fac.password);
});

afterAll(async () => {
  await t?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('importing an IKM list from XLSX', () => {
  let file: Uint8Array;
  let firstId: string;

  it('stores the upload privately and previews row errors before writing anything', async () => {
    file = await xlsx(HEADERS, ROWS, 'DAFTAR IKM BINAAN DISPERIN NTB 2026');
    firstId = await uploadOk(facClient, file);
    const [f] = await t.db.sql`
      select f.purpose, f.is_public, f.organization_id, f.mime from imports i join files f on f.id = i.file_id
      where i.id = ${firstId}`;
    expect(f).toMatchObject({ purpose: 'import', isPublic: false, organizationId: fac.orgId });

    const page = await (await facClient.get(`/imports/${firstId}`)).text();
    expect(page).toContain('9 baris data: 6 siap diimpor (1 di antaranya dengan catatan), 3 akan ditolak.');
    expect(page).toContain('NIB &quot;12345&quot; tidak valid: harus 13 digit angka.');
    expect(page).toContain('Kabupaten/kota &quot;Kab. Atlantis&quot; tidak dikenal.');
    expect(page).toContain('Nama IKM kosong.');
    expect(page).toContain('Tidak ada di taksonomi, diabaikan: sablon kaos.');
    expect(page).toMatch(/<select id="f-col_4" name="col_4"[^>]*>[\s\S]*?<option value="regency" selected/);
    expect(await count()).toBe(0);
  });

  it('commits: creates binaan drafts of the office and reports rejected rows by sheet row number', async () => {
    const res = await commit(facClient, firstId);
    expect(res).toMatchObject({ status: 'done', created: 6, updated: 0, unchanged: 0, rejected: 3 });
    // Title on row 1, header on row 2: the bad rows are sheet rows 9, 10 and 11.
    expect(res.errors.map((e) => [e.row, e.field])).toEqual([
      [9, 'nib'],
      [10, 'regency'],
      [11, 'legal_name'],
    ]);
    expect(await count()).toBe(6);
    expect(await count(t.db.sql`binaan_of = ${fac.orgId!} and status = 'draft' and claimed_at is null`)).toBe(
      6,
    );
    const [sinar] = await t.db.sql`
      select s.*, (select array_agg(type) from supplier_certifications where supplier_id = s.organization_id) as certs,
        (select phone from supplier_contacts where supplier_id = s.organization_id) as phone,
        o.kind from suppliers s join organizations o on o.id = s.organization_id where s.nib = '3201000000001'`;
    expect(sinar).toMatchObject({
      legalName: 'CV Sinar Logam Presisi',
      regencyCode: '32.13',
      provinceCode: '32',
      processes: ['turning', 'milling'],
      employees: 12,
      lat: -6.57,
      lon: 107.76,
      certs: ['sni'],
      phone: '0812-3456-7890',
      kind: 'supplier',
    });
    const [las] = await t.db
      .sql`select s.*, c.phone from suppliers s join supplier_contacts c on c.supplier_id = s.organization_id
      where s.nib = '5201000000002'`;
    expect(las).toMatchObject({ regencyCode: '52.71', processes: ['tig', 'smaw'], phone: '081234500001' });
    const audit = await t.db
      .sql`select entity, action from audit_log where entity in ('import', 'supplier') order by id`;
    expect(audit.filter((a) => a.action === 'import_create')).toHaveLength(6);
    expect(audit.filter((a) => a.entity === 'import' && a.action === 'commit')).toHaveLength(1);

    const page = await (await facClient.get(`/imports/${firstId}`)).text();
    expect(page).toMatch(/data-count="created">6</);
    expect(page).toContain('Buat tautan klaim');
  });

  it('re-imports the same file without duplicates: everything unchanged', async () => {
    const id = await uploadOk(facClient, file);
    const res = await commit(facClient, id);
    expect(res).toMatchObject({ created: 0, updated: 0, unchanged: 6, rejected: 3 });
    expect(await count()).toBe(6);
    expect(
      Number((await t.db.sql`select count(*)::int as n from organizations where kind = 'supplier'`)[0]!.n),
    ).toBe(7);
  });

  it('updates exactly the supplier whose cell changed, and audits the change', async () => {
    const changed = ROWS.map((r) => [...r]);
    changed[0]![8] = 15;
    const id = await uploadOk(facClient, await xlsx(HEADERS, changed, 'DAFTAR IKM'));
    const res = await commit(facClient, id);
    expect(res).toMatchObject({ created: 0, updated: 1, unchanged: 5, rejected: 3 });
    const [row] = await t.db.sql`select employees from suppliers where nib = '3201000000001'`;
    expect(row!.employees).toBe(15);
    const [a] = await t.db.sql`select changes from audit_log where action = 'import_update'`;
    expect(a!.changes).toMatchObject({ employees: [12, 15] });
  });

  it('never blanks out existing data with empty cells', async () => {
    const blanks = ROWS.slice(0, 1).map((r) => r.map((v, i) => (i === 1 || i === 2 ? v : '')));
    const id = await uploadOk(facClient, await xlsx(HEADERS, blanks));
    expect(await commit(facClient, id)).toMatchObject({ unchanged: 1, updated: 0 });
    const [row] = await t.db.sql`select address, employees from suppliers where nib = '3201000000001'`;
    expect(row).toMatchObject({ address: 'Jl. Otista 12', employees: 15 });
  });
});

describe('CSV and mappings', () => {
  it('imports a semicolon CSV with a BOM and decimal commas', async () => {
    const csv =
      '\uFEFFNama Usaha;NIB;Kabupaten/Kota;Latitude;Longitude;Jumlah Karyawan;Bahan\r\n' +
      'CV Baja Majalengka;3210000000101;Kab. Majalengka;-6,84;108,23;7;besi cor, stainless\r\n' +
      '"UD Tempa; Sumedang";;Sumedang;-6,86;107,92;4;\r\n';
    const id = await uploadOk(facClient, new TextEncoder().encode(csv), 'daftar.csv');
    const res = await commit(facClient, id);
    expect(res).toMatchObject({ created: 2, rejected: 0 });
    const [row] = await t.db
      .sql`select lat, lon, materials, employees from suppliers where nib = '3210000000101'`;
    expect(row).toMatchObject({
      lat: -6.84,
      lon: 108.23,
      materials: ['cast-iron', 'stainless-steel'],
      employees: 7,
    });
    expect(await count(t.db.sql`legal_name = 'UD Tempa; Sumedang' and regency_code = '32.11'`)).toBe(1);
  });

  it('rejects a mapping without a name column with 422 and the form re-rendered', async () => {
    const id = await uploadOk(facClient, await xlsx(['Nama IKM', 'Kontak Person WA'], [['CV A', '0812']]));
    const res = await facClient.post(`/imports/${id}/mapping`, { col_0: 'ignore', col_1: 'contact_phone' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Pilih kolom yang berisi nama IKM.');
    expect(html).toMatch(/name="col_1"[^>]*>[\s\S]*?<option value="contact_phone" selected/);
  });

  it('remembers the mapping for the uploader and the same header layout', async () => {
    const headers = ['Nama IKM', 'Komoditas Unggulan Daerah'];
    const first = await uploadOk(facClient, await xlsx(headers, [['CV Rotan', 'Kursi']]));
    const before = (await (
      await api(t.app, 'GET', `/api/v1/imports/${first}`, { token: fac.token })
    ).json()) as {
      mapping: Record<string, string>;
    };
    expect(before.mapping['Komoditas Unggulan Daerah']).toBe('ignore');
    const res = await facClient.post(`/imports/${first}/mapping`, { col_0: 'legal_name', col_1: 'products' });
    expect(res.status).toBe(303);

    const second = await uploadOk(
      facClient,
      await xlsx(['NAMA IKM', 'Komoditas unggulan daerah'], [['CV X', 'Meja']]),
    );
    const after = (await (
      await api(t.app, 'GET', `/api/v1/imports/${second}`, { token: fac.token })
    ).json()) as {
      mapping: Record<string, string>;
    };
    expect(after.mapping['Komoditas unggulan daerah']).toBe('products');

    const otherClient = t.client();
    await otherClient.login(otherFac.email, otherFac.password);
    const third = await uploadOk(otherClient, await xlsx(headers, [['CV Y', 'Lemari']]));
    const theirs = (await (
      await api(t.app, 'GET', `/api/v1/imports/${third}`, { token: otherFac.token })
    ).json()) as {
      mapping: Record<string, string>;
    };
    expect(theirs.mapping['Komoditas Unggulan Daerah']).toBe('ignore');
  });

  it('refuses uploads over 20 MB with 413', async () => {
    const res = await upload(facClient, new Uint8Array(20 * 1024 * 1024 + 1).fill(65), 'besar.csv');
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('File terlalu besar (maksimal 20 MB).');
  });

  it('refuses files that are neither XLSX nor UTF-8 CSV, whatever their name', async () => {
    const res = await upload(facClient, new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2]), 'daftar.xlsx');
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('File harus berupa XLSX atau CSV (teks UTF-8).');
  });
});

describe('authorization', () => {
  let id: string;
  beforeAll(async () => {
    id = await uploadOk(facClient, await xlsx(['Nama IKM'], [['CV Rahasia']]));
  });

  it('refuses buyers and supplier users (403) on pages and API', async () => {
    for (const u of [buyer, ikm]) {
      const c = t.client();
      await c.login(u.email, u.password);
      expect((await c.get('/imports')).status).toBe(403);
      expect((await upload(c, await xlsx(['Nama IKM'], [['CV A']]))).status).toBe(403);
      expect((await c.get('/imports/export.csv')).status).toBe(403);
      expect((await api(t.app, 'GET', `/api/v1/imports/${id}`, { token: u.token })).status).toBe(403);
    }
  });

  it("hides another office's import (404)", async () => {
    const c = t.client();
    await c.login(otherFac.email, otherFac.password);
    expect((await c.get(`/imports/${id}`)).status).toBe(404);
    expect((await c.post(`/imports/${id}/commit`)).status).toBe(404);
    expect((await api(t.app, 'GET', `/api/v1/imports/${id}`, { token: otherFac.token })).status).toBe(404);
    expect(await (await c.get('/imports')).text()).not.toContain(id);
  });

  it('rejects an upload from a facilitator without an office, with a clear message', async () => {
    const loner = await makeUser(t.db.sql, { platformRole: 'facilitator' });
    const c = t.client();
    await c.login(loner.email, loner.password);
    const res = await upload(c, await xlsx(['Nama IKM'], [['CV A']]));
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('belum tergabung dalam organisasi fasilitator');
  });

  it('sends anonymous visitors to the login page', async () => {
    const res = await t.client().get('/imports');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?next=%2Fimports');
  });
});

describe('API v1', () => {
  async function apiUpload(token: string, bytes: Uint8Array, fields: Record<string, string> = {}) {
    const form = new FormData();
    form.append('file', new Blob([bytes]), 'api.xlsx');
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    // Like curl or a script: a bearer token and no Origin header.
    return t.app.request('/api/v1/imports', {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}` },
    });
  }

  it('uploads with an explicit mapping and commits at once', async () => {
    const bytes = await xlsx(
      ['Perusahaan', 'Nomor OSS', 'Lokasi Kab', 'Karyawan'],
      [
        ['CV API Satu', '3201000000201', 'Kab. Bandung', '8'],
        ['CV API Dua', '3201000000202', 'Bandung', '8'],
        ['CV API Tiga', '3201000000203', 'Kota Bandung', 'dua puluh'],
      ],
    );
    const mapping = JSON.stringify({
      Perusahaan: 'legal_name',
      'Nomor OSS': 'nib',
      'lokasi kab': 'regency',
      Karyawan: 'employees',
    });
    const res = await apiUpload(fac.token, bytes, { mapping, commit: 'true' });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; status: string };
    expect(['running', 'done']).toContain(created.status);
    await runQueuedImports(t.deps);
    const json = (await (
      await api(t.app, 'GET', `/api/v1/imports/${created.id}`, { token: fac.token })
    ).json()) as {
      status: string;
      created: number;
      rejected: number;
      errors: { row: number; field: string; message: string }[];
    };
    expect(json).toMatchObject({ status: 'done', created: 1, updated: 0, unchanged: 0, rejected: 2 });
    expect(json.errors).toEqual([
      { row: 3, field: 'regency', message: expect.stringContaining('Kabupaten Bandung, Kota Bandung') },
      { row: 4, field: 'employees', message: expect.stringContaining('dua puluh') },
    ]);
  });

  it('uses auto-recognition without a mapping and leaves the import pending without commit', async () => {
    const res = await apiUpload(
      fac.token,
      await xlsx(['Company name', 'Regency'], [['PT English Co', 'Kab. Subang']]),
    );
    expect(res.status).toBe(201);
    const json = (await res.json()) as { status: string; mapping: Record<string, string> };
    expect(json).toMatchObject({
      status: 'pending',
      mapping: { 'Company name': 'legal_name', Regency: 'regency' },
    });
  });

  it('answers an unknown header or field in the mapping with 422', async () => {
    const res = await apiUpload(fac.token, await xlsx(['Nama IKM'], [['CV A']]), {
      mapping: JSON.stringify({ 'Nama IKM': 'legal_name', Tidak: 'nib' }),
    });
    expect(res.status).toBe(422);
    const bad = await apiUpload(fac.token, await xlsx(['Nama IKM'], [['CV A']]), { mapping: '{oops' });
    expect(bad.status).toBe(422);
  });

  it('refuses an immediate commit with an unusable mapping, before storing anything', async () => {
    const before = Number((await t.db.sql`select count(*)::int as n from imports`)[0]!.n);
    const res = await apiUpload(fac.token, await xlsx(['Kolom Aneh'], [['CV A']]), { commit: 'true' });
    expect(res.status).toBe(422);
    expect(Number((await t.db.sql`select count(*)::int as n from imports`)[0]!.n)).toBe(before);
  });

  it('refuses non-facilitators with 403', async () => {
    expect((await apiUpload(buyer.token, await xlsx(['Nama IKM'], [['CV A']]))).status).toBe(403);
  });
});

describe('export and round trip', () => {
  async function download(client: TestClient, p: string): Promise<Uint8Array> {
    const res = await client.get(p);
    expect(res.status).toBe(200);
    return new Uint8Array(await res.arrayBuffer());
  }

  it('exports the office binaan as XLSX that re-imports all unchanged', async () => {
    const bytes = await download(facClient, '/imports/export.xlsx?binaan=mine');
    const mine = await count(t.db.sql`binaan_of = ${fac.orgId!}`);
    const id = await uploadOk(facClient, bytes, 'ekspor.xlsx');
    const res = await commit(facClient, id);
    expect(res).toMatchObject({ created: 0, updated: 0, rejected: 0, unchanged: mine });
  });

  it('exports CSV with filters that re-imports all unchanged', async () => {
    const res = await facClient.get('/imports/export.csv?province=Jawa+Barat&status=draft');
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('Nama IKM,Nama Merek,NIB')).toBe(true);
    expect(text).toContain('CV Sinar Logam Presisi');
    expect(text).not.toContain('UD Las Barokah');
    const id = await uploadOk(facClient, bytes, 'ekspor.csv');
    const result = await commit(facClient, id);
    expect(result).toMatchObject({ created: 0, updated: 0, rejected: 0 });
    expect(result.unchanged).toBeGreaterThan(2);
  });

  it('filters by name and regency', async () => {
    const text = await (await facClient.get('/imports/export.csv?q=sinar&regency=Kab.+Subang')).text();
    expect(text.trim().split('\r\n')).toHaveLength(2);
  });
});

describe('claim links', () => {
  it('lets an IKM user claim a binaan profile exactly once, after which imports leave it alone', async () => {
    const [s] = await t.db.sql`select organization_id from suppliers where nib = '3201000000001'`;
    const supplierId = s!.organizationId as string;
    const [imp] = await t.db.sql`select import_id from import_rows where supplier_id = ${supplierId} limit 1`;
    const res = await facClient.post(`/imports/${imp!.importId}/claims`, { supplier_id: supplierId });
    expect(res.status).toBe(201);
    const token = /\/imports\/claim\/([A-Za-z0-9_-]+)/.exec(await res.text())?.[1];
    expect(token).toBeTruthy();
    const [stored] = await t.db
      .sql`select token_hash, expires_at from supplier_claims where supplier_id = ${supplierId}`;
    expect(stored!.tokenHash).not.toBe(token);

    const owner = await makeUser(t.db.sql);
    const c = t.client();
    expect(await (await c.get(`/imports/claim/${token}`)).text()).toContain('Masuk atau daftar dulu');
    await c.login(owner.email, owner.password);
    expect(await (await c.get(`/imports/claim/${token}`)).text()).toContain('CV Sinar Logam Presisi');
    const accepted = await c.post(`/imports/claim/${token}`, { consent: 'on' });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe(`/orgs/${supplierId}`);
    const [m] = await t.db
      .sql`select role from memberships where organization_id = ${supplierId} and user_id = ${owner.user.id}`;
    expect(m!.role).toBe('owner');
    expect((await c.post(`/imports/claim/${token}`)).status).toBe(404);
    expect((await t.client().get(`/imports/claim/${token}`)).status).toBe(404);

    const again = await uploadOk(
      facClient,
      await xlsx(HEADERS, [[1, 'CV Sinar Logam Presisi (baru)', '3201000000001']]),
    );
    expect(await commit(facClient, again)).toMatchObject({ unchanged: 1, updated: 0 });
    const [row] = await t.db.sql`select legal_name from suppliers where organization_id = ${supplierId}`;
    expect(row!.legalName).toBe('CV Sinar Logam Presisi');
    const page = await (await facClient.get(`/imports/${again}`)).text();
    expect(page).toContain('Sudah diklaim oleh IKM; datanya tidak diubah.');
  });

  it('refuses to make a link for a claimed or foreign supplier', async () => {
    const [s] = await t.db.sql`select organization_id from suppliers where claimed_at is not null limit 1`;
    const [imp] = await t.db.sql`select id from imports where organization_id = ${fac.orgId!} limit 1`;
    const res = await facClient.post(`/imports/${imp!.id}/claims`, {
      supplier_id: s!.organizationId as string,
    });
    expect(res.status).toBe(404);
  });
});

describe('robustness', () => {
  it('lets two concurrent imports of the same new list create each supplier once', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => [
      `CV Paralel ${i}`,
      i % 2 ? `35150000${String(1000 + i).padStart(5, '0')}` : '',
      'Kab. Sidoarjo',
    ]);
    const bytes = await xlsx(['Nama IKM', 'NIB', 'Kabupaten'], rows);
    const a = await uploadOk(facClient, bytes);
    const b = await uploadOk(facClient, bytes);
    await Promise.all([facClient.post(`/imports/${a}/commit`), facClient.post(`/imports/${b}/commit`)]);
    await runQueuedImports(t.deps);
    expect(await count(t.db.sql`legal_name like 'CV Paralel %'`)).toBe(40);
    const results = await t.db.sql`select status, created, unchanged from imports where id in (${a}, ${b})`;
    expect(results.every((r) => r.status === 'done')).toBe(true);
    expect(results.reduce((n, r) => n + Number(r.created), 0)).toBe(40);
  });

  it('runs an import once however often "commit" is pressed', async () => {
    const id = await uploadOk(
      facClient,
      await xlsx(['Nama IKM', 'Kabupaten'], [['CV Dua Klik', 'Kab. Gresik']]),
    );
    const [first, second] = await Promise.all([
      facClient.post(`/imports/${id}/commit`),
      facClient.post(`/imports/${id}/commit`),
    ]);
    expect([first.status, second.status]).toEqual([303, 303]);
    await runQueuedImports(t.deps);
    const [row] = await t.db.sql`select created, unchanged, processed_rows from imports where id = ${id}`;
    expect(row).toMatchObject({ created: 1, unchanged: 0, processedRows: 1 });
    expect((await facClient.post(`/imports/${id}/commit`)).status).toBe(303);
    expect(await count(t.db.sql`legal_name = 'CV Dua Klik'`)).toBe(1);
  });

  it('hands a run whose worker died to another worker, which finishes it', async () => {
    const id = await uploadOk(facClient, await xlsx(['Nama IKM'], [['CV Terputus']]));
    await t.db.sql`
      update imports set status = 'running', started_at = now() - interval '11 minutes',
        heartbeat_at = now() - interval '2 minutes', lease_owner = 'dead-worker'
      where id = ${id}`;
    const json = (await (await api(t.app, 'GET', `/api/v1/imports/${id}`, { token: fac.token })).json()) as {
      status: string;
    };
    expect(json.status).toBe('running');
    expect(await runQueuedImports(t.deps)).toBeGreaterThanOrEqual(1);
    const [row] = await t.db.sql`select status, created, lease_owner from imports where id = ${id}`;
    expect(row).toMatchObject({ status: 'done', created: 1, leaseOwner: null });
  });

  it('shows progress while running, with a polling fragment and a reload link', async () => {
    const id = await uploadOk(facClient, await xlsx(['Nama IKM'], [['CV Progres']]));
    await t.db
      .sql`update imports set status = 'running', started_at = now(), processed_rows = 0 where id = ${id}`;
    const html = await (await facClient.get(`/imports/${id}/status`, { 'hx-request': 'true' })).text();
    expect(html).toContain('hx-trigger="every 1s"');
    expect(html).toContain(`href="/imports/${id}"`);
    await t.db.sql`update imports set status = 'done' where id = ${id}`;
    const done = await (await facClient.get(`/imports/${id}/status`, { 'hx-request': 'true' })).text();
    expect(done).not.toContain('hx-trigger');
  });
});
