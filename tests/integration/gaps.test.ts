import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/seed/demo.js';
import { api, createTestApp, type TestApp } from '../helpers/app.js';
import { makeUser, makeUserWithToken } from '../helpers/factories.js';
import { oracleGapMap, rowKey } from './gaps-oracle.js';

/**
 * The supply-chain gap map on the demo data (plus one hand-made supplier), checked against an
 * independent SQL computation, with its authorization, error shape and exports.
 */

const NOW = new Date('2026-11-22T04:00:00Z');
const TODAY = '2026-11-22';
let t: TestApp;
let staff: string;
let tenant: { token: string; email: string };

interface ApiGap {
  capability: { kind: string; slug: string; label: string };
  materials_any_of: string[];
  certificates: string[];
  min_tkdn: number | null;
  demand: { needs: number; open_needs: number; unmatched_needs: number; tenants: number };
  qualified_suppliers: number;
  level: 'none' | 'thin' | 'covered';
  nearest_partial: {
    supplier_id: string;
    name: string;
    distance_km: number;
    lacks: Record<string, unknown>[];
  }[];
}
interface ApiMap {
  estate: { slug: string };
  radius_km: number;
  suppliers_in_reach: number;
  gaps: ApiGap[];
}

async function gapMap(estate: string, radius: number): Promise<ApiMap> {
  const res = await api(t.app, 'GET', `/api/v1/reports/gaps?estate=${estate}&radius_km=${radius}`, {
    token: staff,
  });
  expect(res.status).toBe(200);
  return (await res.json()) as ApiMap;
}

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  await seedDemo(t.db.sql);
  staff = (await makeUserWithToken(t.db.sql, { platformRole: 'facilitator' })).token;
  const buyer = await makeUserWithToken(t.db.sql, { org: { name: 'PT Tenant Uji', kind: 'buyer' } });
  await t.db.sql`
    insert into estate_tenants (estate_id, organization_id, sectors)
    select id, ${buyer.orgId!}, '{automotive}' from estates where slug = 'smartpolitan-subang'`;
  tenant = { token: buyer.token, email: buyer.email };
  // A moulder at the estate's gate whose ISO 9001 lapsed: it should head the partial suppliers.
  const [org] = await t.db.sql<{ id: string }[]>`
    insert into organizations (name, kind) values ('CV Cetak Plastik Uji', 'supplier') returning id`;
  await t.db.sql`
    insert into suppliers (organization_id, legal_name, name_norm, status, verified_at, lat, lon, processes, materials)
    select ${org!.id}, 'CV Cetak Plastik Uji', 'cv cetak plastik uji', 'verified', now(), lat, lon,
      '{injection-moulding}', '{polypropylene}' from estates where slug = 'smartpolitan-subang'`;
  await t.db.sql`
    insert into supplier_certifications (supplier_id, type, valid_until, tkdn_percent) values
      (${org!.id}, 'iso-9001', '2026-11-21', null), (${org!.id}, 'tkdn', '2027-12-31', 45)`;
}, 300_000);

afterAll(() => t?.close());

describe('gap map figures', () => {
  for (const [estate, radius] of [
    ['amman-smelter-sumbawa-barat', 100],
    ['amman-smelter-sumbawa-barat', 30],
    ['smartpolitan-subang', 60],
    ['kih-safe-and-lock-sidoarjo', 40],
  ] as const) {
    it(`match an independent computation over the raw tables (${estate}, ${radius} km)`, async () => {
      const [map, oracle] = await Promise.all([
        gapMap(estate, radius),
        oracleGapMap(t.db.sql, estate, radius, TODAY),
      ]);
      const got = new Map(
        map.gaps.map((g) => [
          rowKey(g.capability.kind, g.capability.slug, g.materials_any_of, g.certificates, g.min_tkdn),
          {
            needs: g.demand.needs,
            openNeeds: g.demand.open_needs,
            unmatchedNeeds: g.demand.unmatched_needs,
            tenants: g.demand.tenants,
            qualified: g.qualified_suppliers,
          },
        ]),
      );
      expect(got.size).toBeGreaterThan(0);
      expect(Object.fromEntries(got)).toEqual(Object.fromEntries(oracle));
    });
  }

  it('ranks gaps with no qualified supplier first, then those with one or two', async () => {
    const map = await gapMap('amman-smelter-sumbawa-barat', 100);
    const order = { none: 0, thin: 1, covered: 2 } as const;
    const levels = map.gaps.map((g) => order[g.level]);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    for (const g of map.gaps)
      expect(g.level).toBe(
        g.qualified_suppliers === 0 ? 'none' : g.qualified_suppliers <= 2 ? 'thin' : 'covered',
      );
    // The demo smelter has real gaps: something its tenants need that nobody in reach qualifies for.
    expect(map.gaps.some((g) => g.level === 'none' && g.demand.needs > 0)).toBe(true);
  });

  it('lists the nearest partial suppliers with what they lack, within the radius', async () => {
    const map = await gapMap('smartpolitan-subang', 60);
    const row = map.gaps.find(
      (g) =>
        g.capability.slug === 'injection-moulding' &&
        g.certificates.includes('iso-9001') &&
        g.min_tkdn === 40,
    );
    expect(row).toBeDefined();
    const first = row!.nearest_partial[0]!;
    expect(first.name).toBe('CV Cetak Plastik Uji');
    expect(first.lacks).toEqual([{ kind: 'cert', slug: 'iso-9001' }]);
    for (const g of map.gaps)
      for (const p of g.nearest_partial) {
        expect(p.distance_km).toBeLessThanOrEqual(60);
        expect(p.lacks.length).toBeGreaterThan(0);
      }
  });
});

describe('gap map access and errors', () => {
  it('refuses anonymous callers, tenants of the estate and suppliers', async () => {
    expect((await api(t.app, 'GET', '/api/v1/reports/gaps?estate=smartpolitan-subang')).status).toBe(401);
    const asTenant = await api(t.app, 'GET', '/api/v1/reports/gaps?estate=smartpolitan-subang', {
      token: tenant.token,
    });
    expect(asTenant.status).toBe(403);
    const supplier = await makeUserWithToken(t.db.sql, { org: { name: 'CV Pemasok Uji', kind: 'supplier' } });
    const asSupplier = await api(t.app, 'GET', '/api/v1/reports/gaps?estate=smartpolitan-subang', {
      token: supplier.token,
    });
    expect(asSupplier.status).toBe(403);
    const page = t.client();
    await page.login(tenant.email, 'correct horse battery');
    expect((await page.get('/reports/gaps?estate=smartpolitan-subang')).status).toBe(403);
    expect((await page.get('/reports/gaps/export.csv?estate=smartpolitan-subang')).status).toBe(403);
  });

  for (const [query, field] of [
    ['estate=smartpolitan-subang&radius_km=0', 'radius_km'],
    ['estate=smartpolitan-subang&radius_km=501', 'radius_km'],
    ['estate=smartpolitan-subang&radius_km=abc', 'radius_km'],
    ['estate=no-such-estate&radius_km=50', 'estate'],
    ['radius_km=50', 'estate'],
  ] as const) {
    it(`answers 422 with the standard error shape for ${query}`, async () => {
      const res = await api(t.app, 'GET', `/api/v1/reports/gaps?${query}`, { token: staff });
      expect(res.status).toBe(422);
      const body = (await res.json()) as {
        error: { code: string; message: string; fields: Record<string, string> };
      };
      expect(body.error.code).toBe('invalid');
      expect(typeof body.error.message).toBe('string');
      expect(Object.keys(body.error.fields)).toEqual([field]);
    });
  }
});

describe('gap map page and exports', () => {
  let client: ReturnType<TestApp['client']>;
  beforeAll(async () => {
    const u = await makeUser(t.db.sql, { platformRole: 'facilitator' });
    client = t.client();
    await client.login(u.email, u.password);
  });

  it('shows a chart and the gaps without JavaScript', async () => {
    const res = await client.get('/reports/gaps?estate=amman-smelter-sumbawa-barat&radius_km=100');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('id="gap-chart"');
    expect(html).toContain('Peta celah rantai pasok');
    expect(html).toContain('Tidak ada pemasok');
    expect(html).not.toContain('rubber-moulding');
  });

  it('re-renders the form with the field error for a bad radius (422)', async () => {
    const res = await client.get('/reports/gaps?estate=amman-smelter-sumbawa-barat&radius_km=9999');
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Radius harus 1–500 km.');
  });

  it('exports a CSV that opens with one row per gap and labels, not slugs', async () => {
    const [res, map] = await Promise.all([
      client.get('/reports/gaps/export.csv?estate=smartpolitan-subang&radius_km=60'),
      gapMap('smartpolitan-subang', 60),
    ]);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const rows = parse(text, { delimiter: ';' }) as string[][];
    expect(rows.length).toBe(map.gaps.length + 1);
    expect(rows[0]![0]).toBe('Kemampuan');
    expect(rows.slice(1).map((r) => r[4])).toContain('Tidak ada pemasok');
    expect(text).not.toContain('injection-moulding');
  });

  it('exports an XLSX workbook that Excel can open', async () => {
    const res = await client.get(
      '/reports/gaps/export.xlsx?estate=amman-smelter-sumbawa-barat&radius_km=100',
    );
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const map = await gapMap('amman-smelter-sumbawa-barat', 100);
    // Two heading lines, a blank line, the header row, then one row per gap.
    expect(sheet.rowCount).toBe(map.gaps.length + 4);
    expect(sheet.getRow(4).getCell(1).value).toBe('Kemampuan');
  });
});
