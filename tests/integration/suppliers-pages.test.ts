import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';

let t: TestApp;
let owner: Awaited<ReturnType<typeof makeUser>>;
let facilitator: Awaited<ReturnType<typeof makeUser>>;
let stranger: Awaited<ReturnType<typeof makeUser>>;
const NOW = new Date('2026-11-22T03:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  owner = await makeUser(t.db.sql, { name: 'Asep', org: { name: 'CV Bubut Jaya', kind: 'supplier' } });
  facilitator = await makeUser(t.db.sql, {
    name: 'Baiq',
    platformRole: 'facilitator',
    org: { name: 'Disperin NTB', kind: 'facilitator' },
  });
  stranger = await makeUser(t.db.sql, { org: { name: 'CV Lain', kind: 'supplier' } });
});
afterAll(() => t.close());

async function loggedIn(u: { email: string; password: string }) {
  const c = t.client();
  await c.login(u.email, u.password);
  return c;
}

describe('supplier profile pages', () => {
  it('creates a profile from the form, re-rendering field errors first (422)', async () => {
    const c = await loggedIn(owner);
    const bad = await c.post('/suppliers/new', {
      organization_id: owner.orgId!,
      legal_name: 'CV Bubut Jaya',
      nib: '123',
      regency_code: '32.13',
      lat: '52.5',
      lon: '13.4',
    });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('NIB harus 13 digit angka.');
    expect(html).toContain('Lintang harus di dalam wilayah Indonesia');
    expect(html).toContain('value="52.5"');
    const ok = await c.post('/suppliers/new', {
      organization_id: owner.orgId!,
      legal_name: 'CV Bubut Jaya',
      nib: '3201000000001',
      regency_code: '32.13',
      lat: '-6.57',
      lon: '107.76',
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/suppliers/${owner.orgId}/edit`);
  });

  it('edits capabilities by section and shows them on the profile in both languages', async () => {
    const c = await loggedIn(owner);
    const res = await c.post(`/suppliers/${owner.orgId}/edit/capabilities`, {
      processes: ['turning', 'milling'],
      materials: ['stainless-steel'],
      products: 'poros, flange',
      capacity_amount: '20',
      capacity_unit: 'ton/bulan',
      'machines.0.type': 'Mesin bubut CNC',
      'machines.0.count': '3',
      'machines.0.notes': '',
      'machines.1.type': '',
      'machines.1.count': '',
      'machines.1.notes': '',
    });
    expect(res.status).toBe(303);
    const page = await (await c.get(`/suppliers/${owner.orgId}`)).text();
    expect(page).toContain('Bubut');
    expect(page).toContain('3 × Mesin bubut CNC');
    await c.post('/lang', { lang: 'en' });
    const en = await (await c.get(`/suppliers/${owner.orgId}`)).text();
    expect(en).toMatch(/Turning/);
    await c.post('/lang', { lang: 'id' });
  });

  it('flags expired certificates and shows the completeness checklist to the owner only', async () => {
    const c = await loggedIn(owner);
    const res = await c.post(`/suppliers/${owner.orgId}/edit/certifications`, {
      'certifications.0.type': 'sni',
      'certifications.0.number': 'SNI-1',
      'certifications.0.issuer': 'LSPro',
      'certifications.0.valid_until': '2025-12-31',
      'certifications.0.tkdn_percent': '',
      'certifications.1.type': 'iso-9001',
      'certifications.1.number': 'Q-9',
      'certifications.1.issuer': 'TUV',
      'certifications.1.valid_until': '2027-12-31',
      'certifications.1.tkdn_percent': '',
    });
    expect(res.status).toBe(303);
    const html = await (await c.get(`/suppliers/${owner.orgId}`)).text();
    expect(html).toContain('Kedaluwarsa');
    expect(html).toContain('id="completeness"');
    const fc = await loggedIn(facilitator);
    const asFacilitator = await (await fc.get(`/suppliers/${owner.orgId}`)).text();
    expect(asFacilitator).not.toContain('id="completeness"');
    expect(asFacilitator).toContain('id="decision"');
  });

  it('re-renders a section with its errors and typed values (422) without saving', async () => {
    const c = await loggedIn(owner);
    const res = await c.post(`/suppliers/${owner.orgId}/edit/contacts`, {
      'contacts.0.name': 'Asep',
      'contacts.0.role': 'Pemilik',
      'contacts.0.phone': 'call me maybe',
      'contacts.0.email': 'not-an-email',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Nomor telepon tidak valid.');
    expect(html).toContain('value="call me maybe"');
    const [{ n }] = (await t.db
      .sql`select count(*)::int as n from supplier_contacts where supplier_id = ${owner.orgId!}`) as unknown as [
      { n: number },
    ];
    expect(n).toBe(0);
  });

  it('checks the NIB while typing (htmx fragment)', async () => {
    const c = await loggedIn(owner);
    const bad = await c.post(
      `/suppliers/${owner.orgId}/validate/nib`,
      { nib: '12' },
      { 'hx-request': 'true' },
    );
    expect(await bad.text()).toContain('NIB harus 13 digit angka.');
    const good = await c.post(
      `/suppliers/${owner.orgId}/validate/nib`,
      { nib: '3201000000009' },
      { 'hx-request': 'true' },
    );
    expect(await good.text()).toContain('belum dipakai');
  });

  it('hides a draft from other organisations and anonymous visitors (404), and forbids their edits', async () => {
    const sc = await loggedIn(stranger);
    expect((await sc.get(`/suppliers/${owner.orgId}`)).status).toBe(404);
    expect((await sc.get(`/suppliers/${owner.orgId}/edit`)).status).toBe(404);
    expect(
      (
        await sc.post(`/suppliers/${owner.orgId}/edit/identity`, {
          legal_name: 'Hacked',
          nib: '3201000000001',
        })
      ).status,
    ).toBe(404);
    expect((await t.client().get(`/suppliers/${owner.orgId}`)).status).toBe(404);
    const probe = await sc.post(
      `/suppliers/${owner.orgId}/validate/nib`,
      { nib: '3201000000001' },
      { 'hx-request': 'true' },
    );
    expect(probe.status).toBe(404);
    expect((await sc.post('/suppliers/------------------------------------/submit')).status).toBe(404);
  });

  it('runs the verification flow: submit, queue, verify with badge, audit trail', async () => {
    const c = await loggedIn(owner);
    expect((await c.post(`/suppliers/${owner.orgId}/submit`)).status).toBe(303);
    const fc = await loggedIn(facilitator);
    const queue = await (await fc.get('/review')).text();
    expect(queue).toContain('CV Bubut Jaya');
    expect((await c.get('/review')).status).toBe(403);
    const rejectWithoutReason = await fc.post(`/suppliers/${owner.orgId}/decision`, {
      decision: 'reject',
      reason: '',
    });
    expect(rejectWithoutReason.status).toBe(422);
    expect((await fc.post(`/suppliers/${owner.orgId}/decision`, { decision: 'verify' })).status).toBe(303);
    const publicPage = await (await t.client().get(`/suppliers/${owner.orgId}`)).text();
    expect(publicPage).toContain('Terverifikasi');
    expect(publicPage).toContain('oleh Baiq');
    expect(publicPage).not.toContain('0812');
    const audit = await (await fc.get(`/suppliers/${owner.orgId}/audit`)).text();
    expect(audit).toContain('Profil IKM · diverifikasi');
    expect(audit).toContain('Profil IKM · diajukan');
    expect(audit).toContain('Diajukan</del> → <ins>Terverifikasi');
    expect((await t.client().get(`/suppliers/${owner.orgId}/audit`)).status).toBe(303);
    const sc = await loggedIn(stranger);
    expect((await sc.get(`/suppliers/${owner.orgId}/audit`)).status).toBe(404);
    expect(
      (await sc.post(`/suppliers/${owner.orgId}/decision`, { decision: 'suspend', reason: 'x' })).status,
    ).toBe(403);
  });
});
