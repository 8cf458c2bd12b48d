import { emptyQuery, type SupplierQuery } from '../../search/engine.js';
import type { Sql } from '../../src/db/client.js';
import type { SupplierSeed } from '../../src/seed/demo-suppliers.js';
import { loadSupplierSeeds } from '../../src/seed/load.js';
import { syntheticSuppliers } from '../../src/seed/synthetic.js';

/** The fixed "today" of the search tests (WIB). Seeds may leave descriptionId null, as profiles do. */
export const TODAY = '2026-11-22';
export const NOW = new Date('2026-11-22T03:00:00Z');
export const SMARTPOLITAN = { lat: -6.46, lon: 107.63 };

let nib = 9_100_000_000_000;

export function seed(
  over: Omit<Partial<SupplierSeed>, 'descriptionId'> &
    Pick<SupplierSeed, 'legalName'> & { descriptionId?: string | null },
): SupplierSeed {
  return {
    tradingName: null,
    nib: String(++nib),
    kbli: [],
    yearFounded: 2010,
    employees: 12,
    descriptionId: null,
    descriptionEn: null,
    regencyCode: '32.13',
    provinceCode: '32',
    address: 'Jl. Uji No. 1',
    lat: -6.57,
    lon: 107.76,
    processes: [],
    materials: [],
    productCategories: [],
    sectors: [],
    products: '',
    machines: [],
    capacity: null,
    maxPart: null,
    certifications: [],
    contacts: [],
    status: 'verified',
    ...over,
  } as SupplierSeed;
}

const cert = (type: string, validUntil: string, tkdnPercent: number | null = null) => ({
  type,
  number: `${type.toUpperCase()}-1`,
  issuer: 'Lembaga Uji',
  validUntil,
  tkdnPercent,
});

/** Hand-written suppliers whose matches the tests name, plus synthetic ones for the counts. */
export const NAMED = {
  bubut: seed({
    legalName: 'CV Presisi Kencana',
    descriptionId: 'Jasa bubut baja tahan karat untuk poros pompa.',
    processes: ['turning'],
    materials: ['stainless-steel'],
    certifications: [cert('iso-9001', '2027-05-01'), cert('sni', '2026-11-22')],
    employees: 25,
  }),
  lathe: seed({
    legalName: 'PT Eastern Lathe Works',
    descriptionEn: 'CNC turning of stainless steel shafts and flanges.',
    regencyCode: '35.15',
    provinceCode: '35',
    lat: -7.45,
    lon: 112.72,
    processes: ['cnc-turning'],
    materials: ['stainless-304'],
    certifications: [cert('sni', '2026-11-21'), cert('tkdn', '2028-01-01', 45.5)],
    employees: 60,
  }),
  las: seed({
    legalName: 'UD Sinar Mataram',
    descriptionId: 'Bengkel las dan fabrikasi pagar, kanopi, rangka baja karbon.',
    regencyCode: '52.71',
    provinceCode: '52',
    lat: -8.58,
    lon: 116.12,
    processes: ['welding', 'fabrication'],
    materials: ['carbon-steel'],
    certifications: [cert('tkdn', '2027-03-01', 40), cert('tkdn', '2026-01-01', 70)],
    employees: 8,
  }),
  cor: seed({
    legalName: 'CV Cor Logam Pasundan',
    descriptionId: 'Pengecoran besi cor dan kuningan.',
    lat: -6.3,
    lon: 107.15,
    regencyCode: '32.16',
    processes: ['casting'],
    materials: ['cast-iron', 'brass'],
    certifications: [cert('halal', '2027-12-31')],
    status: 'submitted',
  }),
  draft: seed({
    legalName: 'CV Bubut Draf',
    descriptionId: 'Bubut baja tahan karat.',
    status: 'draft',
    processes: ['turning'],
  }),
  suspended: seed({
    legalName: 'CV Bubut Ditangguhkan',
    descriptionId: 'Bubut baja tahan karat.',
    status: 'suspended',
    processes: ['turning'],
  }),
} satisfies Record<string, SupplierSeed>;

export type Named = keyof typeof NAMED;

/** Loads the named suppliers and `synthetic` generated ones; returns the named ids. */
export async function seedSearchData(sql: Sql, synthetic = 120): Promise<Record<Named, string>> {
  await loadSupplierSeeds(sql, [...Object.values(NAMED), ...syntheticSuppliers(synthetic, 7)]);
  const rows = await sql<{ id: string; legalName: string }[]>`
    select organization_id as id, legal_name from suppliers
    where legal_name in ${sql(Object.values(NAMED).map((s) => s.legalName))}`;
  const byName = new Map(rows.map((r) => [r.legalName, r.id]));
  return Object.fromEntries(Object.entries(NAMED).map(([k, s]) => [k, byName.get(s.legalName)!])) as Record<
    Named,
    string
  >;
}

/** A query as the staff see it (verified and submitted), on the fixed day. */
export function q(
  over: Partial<SupplierQuery> = {},
  filters: Partial<SupplierQuery['filters']> = {},
): SupplierQuery {
  const base = emptyQuery({ today: TODAY, perPage: 100, ...over });
  return { ...base, filters: { ...base.filters, ...filters } };
}

/** Great-circle distance with the usual mean Earth radius (independent of the engines' own). */
export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * r) / 2) ** 2 +
    Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}
