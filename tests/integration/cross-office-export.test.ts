import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_HEADERS } from '../../src/imports/export.js';
import { runQueuedImports } from '../../src/imports/runner.js';
import { api, createTestApp, type TestApp, type TestClient } from '../helpers/app.js';
import { makeUserWithToken } from '../helpers/factories.js';

let t: TestApp;
let officeBToken: string;
const clients: Record<'officeA' | 'officeB' | 'admin' | 'buyer', TestClient> = {} as never;

const CONTACT_COLUMNS = ['Nama Pemilik', 'No HP', 'Email', 'Alamat', 'Latitude', 'Longitude'];

const body = (name: string, nib: string) => ({
  legal_name: name,
  nib,
  regency_code: '32.13',
  location: { lat: -6.57, lon: 107.76 },
  address: `Jl. Rumah ${name} No. 7`,
  products: `Produk ${name}`,
  contacts: [{ name: `Pemilik ${name}`, phone: '+62 812 1111 2222', email: `${nib}@example.test` }],
});

async function profile(token: string, name: string, nib: string): Promise<string> {
  const res = await api(t.app, 'POST', '/api/v1/suppliers', { token, body: body(name, nib) });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

beforeAll(async () => {
  t = await createTestApp();
  const sql = t.db.sql;
  const office = (n: string) =>
    makeUserWithToken(sql, {
      platformRole: 'facilitator',
      org: { name: `Disperin ${n}`, kind: 'facilitator' },
    });
  const users = {
    officeA: await office('A'),
    officeB: await office('B'),
    admin: await makeUserWithToken(sql, { platformRole: 'admin' }),
    buyer: await makeUserWithToken(sql, { org: { name: 'PT Pembeli', kind: 'buyer' } }),
  };
  officeBToken = users.officeB.token;
  for (const [k, u] of Object.entries(users)) {
    const c = t.client();
    expect((await c.login(u.email, u.password)).status).toBe(303);
    clients[k as keyof typeof clients] = c;
  }
  await profile(users.officeA.token, 'CV Binaan A', '3300000000001');
  await profile(users.officeB.token, 'CV Binaan B', '3300000000002');
  const claimed = await profile(users.officeB.token, 'CV Diklaim Dari B', '3300000000003');
  const published = await makeUserWithToken(sql, { org: { name: 'CV Terbit Sendiri', kind: 'supplier' } });
  const own = await profile(published.token, 'CV Terbit Sendiri', '3300000000004');
  const draft = await makeUserWithToken(sql, { org: { name: 'CV Draf Sendiri', kind: 'supplier' } });
  await profile(draft.token, 'CV Draf Sendiri', '3300000000005');
  await sql`update suppliers set claimed_at = now() where organization_id = ${claimed}`;
  await sql`update suppliers set status = 'verified', verified_at = now()
    where organization_id in ${sql([claimed, own])}`;
}, 60_000);

afterAll(async () => {
  await t?.close();
});

/** The CSV export as records keyed by header, one per supplier name. */
async function csvByName(c: TestClient): Promise<Map<string, Record<string, string>>> {
  const res = await c.get('/imports/export.csv');
  expect(res.status).toBe(200);
  const rows: Record<string, string>[] = parse((await res.text()).replace(/^\uFEFF/, ''), { columns: true });
  return new Map(rows.map((r) => [r['Nama IKM']!, r]));
}

const contacts = (r: Record<string, string> | undefined) => CONTACT_COLUMNS.map((k) => r?.[k] ?? '<missing>');
const hasContacts = (r: Record<string, string> | undefined) => contacts(r).every((v) => v !== '');
const noContacts = (r: Record<string, string> | undefined) => contacts(r).every((v) => v === '');

describe('exports of personal contact data across offices', () => {
  it("gives an office its own binaan's contacts and only the public fields of another office's", async () => {
    const rows = await csvByName(clients.officeA);
    expect(rows.size).toBe(5);
    expect(hasContacts(rows.get('CV Binaan A'))).toBe(true);
    expect(rows.get('CV Binaan A')).toMatchObject({
      'Nama Pemilik': 'Pemilik CV Binaan A',
      'No HP': "'+62 812 1111 2222", // CSV-injection guard
    });
    const foreign = rows.get('CV Binaan B');
    expect(noContacts(foreign), JSON.stringify(foreign)).toBe(true);
    expect(foreign).toMatchObject({
      NIB: '3300000000002',
      Produk: 'Produk CV Binaan B',
      'Kabupaten/Kota': 'Kabupaten Subang',
    });
  });

  it('includes what self-managed verified profiles publish, but not drafts', async () => {
    const rows = await csvByName(clients.officeA);
    expect(hasContacts(rows.get('CV Terbit Sendiri'))).toBe(true);
    expect(hasContacts(rows.get('CV Diklaim Dari B'))).toBe(true);
    expect(noContacts(rows.get('CV Draf Sendiri'))).toBe(true);
  });

  it('mirrors the rule for the other office', async () => {
    const rows = await csvByName(clients.officeB);
    expect(noContacts(rows.get('CV Binaan A'))).toBe(true);
    expect(hasContacts(rows.get('CV Binaan B'))).toBe(true);
  });

  it('gives admins every contact', async () => {
    const rows = await csvByName(clients.admin);
    for (const name of ['CV Binaan A', 'CV Binaan B', 'CV Draf Sendiri'])
      expect(hasContacts(rows.get(name)), name).toBe(true);
  });

  it('applies the same rule to XLSX and keeps the columns unchanged', async () => {
    const res = await clients.officeB.get('/imports/export.xlsx');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(EXPORT_HEADERS);
    const col = (h: string) => EXPORT_HEADERS.indexOf(h) + 1;
    const values = new Map<string, ExcelJS.Row>();
    ws.eachRow((row, n) => {
      if (n > 1) values.set(String(row.getCell(1).value), row);
    });
    expect(values.get('CV Binaan A')!.getCell(col('No HP')).value ?? null).toBeNull();
    expect(values.get('CV Binaan B')!.getCell(col('No HP')).value).toBe('+62 812 1111 2222');
  });

  it('still refuses exports to anyone but facilitators', async () => {
    expect((await clients.buyer.get('/imports/export.csv')).status).toBe(403);
  });
});

describe('imports across offices', () => {
  it("leave another office's binaan unchanged", async () => {
    const form = new FormData();
    const csv =
      'Nama IKM,NIB,Kabupaten/Kota,Nama Pemilik\nCV Nama Dari B,3300000000001,Kab. Subang,Orang B\n';
    form.append('file', new Blob([csv]), 'ikm-b.csv');
    form.append('commit', 'true');
    const res = await t.app.request('/api/v1/imports', {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${officeBToken}` },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    // Imports commit as pg-boss jobs: run the queued one here, then read its state through the API.
    await runQueuedImports(t.deps);
    const poll = await api(t.app, 'GET', `/api/v1/imports/${id}`, { token: officeBToken });
    const status = ((await poll.json()) as { status: string }).status;
    expect(status).toBe('done');
    const [s] = await t.db.sql`select legal_name from suppliers where nib = '3300000000001'`;
    expect(s!.legalName).toBe('CV Binaan A');
    const [c] = await t.db.sql`
      select c.name from supplier_contacts c join suppliers s on s.organization_id = c.supplier_id
      where s.nib = '3300000000001'`;
    expect(c!.name).toBe('Pemilik CV Binaan A');
    const [row] = await t.db.sql`select outcome, note from import_rows where import_id = ${id}`;
    expect(row).toMatchObject({ outcome: 'unchanged', note: 'other_office' });
  });
});
