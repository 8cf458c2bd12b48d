import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/audit/service.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';

let t: TestApp;
let owner: Awaited<ReturnType<typeof makeUser>>;
let facilitator: Awaited<ReturnType<typeof makeUser>>;

const capabilities = (processes: string[]) => ({
  processes,
  materials: ['stainless-steel'],
  products: 'poros',
  capacity_amount: '20',
  capacity_unit: 'ton/bulan',
  'machines.0.type': '',
  'machines.0.count': '',
  'machines.0.notes': '',
});

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-11-22T03:00:00Z') });
  owner = await makeUser(t.db.sql, { name: 'Lalu', org: { name: 'CV Las Taliwang', kind: 'supplier' } });
  facilitator = await makeUser(t.db.sql, {
    name: 'Baiq',
    platformRole: 'facilitator',
    org: { name: 'Disperin NTB', kind: 'facilitator' },
  });
  const c = t.client();
  await c.login(owner.email, owner.password);
  const made = await c.post('/suppliers/new', {
    organization_id: owner.orgId!,
    legal_name: 'CV Las Taliwang',
    nib: '5207000000001',
    regency_code: '52.07',
    lat: '-8.74',
    lon: '116.87',
  });
  expect(made.status).toBe(303);
  expect(
    (await c.post(`/suppliers/${owner.orgId}/edit/capabilities`, capabilities(['welding']))).status,
  ).toBe(303);
  expect(
    (await c.post(`/suppliers/${owner.orgId}/edit/capabilities`, capabilities(['welding', 'turning'])))
      .status,
  ).toBe(303);
  await recordAudit(t.db.sql, {
    actorUserId: facilitator.user.id,
    organizationId: owner.orgId!,
    entity: 'meeting_outcome',
    entityId: owner.orgId!,
    action: 'report.official',
    changes: {
      version: 2,
      side: 'official',
      fields: {
        valueIdr: [null, '1200000000'],
        shareNames: [false, true],
        notes: [null, ''],
        products: [
          ['poros', 'flange'],
          ['flange', 'poros'],
        ],
      },
    },
  });
});
afterAll(() => t.close());

async function auditPage(lang: 'id' | 'en') {
  const c = t.client();
  await c.login(facilitator.email, facilitator.password);
  if (lang === 'en') await c.post('/lang', { lang: 'en' });
  const res = await c.get(`/suppliers/${owner.orgId}/audit`);
  expect(res.status).toBe(200);
  return res.text();
}

describe('the readable audit trail on the supplier history page', () => {
  it('shows each change as "label: before → after" with taxonomy labels, not slugs or JSON', async () => {
    const html = await auditPage('id');
    expect(html).toContain('Profil IKM · diubah');
    expect(html).toMatch(/<strong>Proses<\/strong>: <del>Las[^<]*<\/del> → <ins>Las[^<]*, Bubut[^<]*<\/ins>/);
    expect(html).not.toContain('["welding"');
    expect(html).not.toContain('<code>processes</code>');
    expect(html).toContain('<strong>Produk</strong>: <del>—</del> → <ins>poros</ins>');
  });

  it('formats Rupiah and booleans and skips no-op fields in an entry', async () => {
    const html = await auditPage('id');
    expect(html).toContain('<del>—</del> → <ins>Rp 1,2 miliar</ins>');
    expect(html).toContain('<del>Tidak</del> → <ins>Ya</ins>');
    const start = html.indexOf('Hasil temu usaha · dicatat fasilitator');
    const outcome = html.slice(start, html.indexOf('</tr>', start));
    expect(outcome).not.toContain('data-field="notes"');
    expect(outcome).not.toContain('data-field="products"');
  });

  it('shows the times in the supplier’s zone (WITA for Sumbawa Barat)', async () => {
    const html = await auditPage('id');
    expect(html).toContain('WITA');
    expect(html).not.toMatch(/\d\d\.\d\d WIB/);
  });

  it('speaks English when the reader switched', async () => {
    const html = await auditPage('en');
    expect(html).toContain('SME profile · changed');
    expect(html).toContain('<strong>Processes</strong>');
    expect(html).toContain('<ins>Yes</ins>');
  });
});
