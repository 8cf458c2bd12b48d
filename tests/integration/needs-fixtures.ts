import type { Sql } from '../../src/db/client.js';
import { upsertMembership } from '../../src/orgs/repo.js';
import type { SupplierSeed } from '../../src/seed/demo-suppliers.js';
import { loadSupplierSeeds } from '../../src/seed/load.js';
import { syntheticSuppliers } from '../../src/seed/synthetic.js';
import { makeUser, makeUserWithToken } from '../helpers/factories.js';

/** 10:00 WIB on the test day: certificates valid until this day still count. */
export const NOW = new Date('2026-11-22T03:00:00Z');
export const TODAY = '2026-11-22';
export const SMARTPOLITAN = { lat: -6.46, lon: 107.63 };

let nib = 9_200_000_000_000;

function seed(over: Partial<SupplierSeed> & Pick<SupplierSeed, 'legalName'>): SupplierSeed {
  return {
    tradingName: null,
    nib: String(++nib),
    kbli: [],
    yearFounded: 2012,
    employees: 20,
    descriptionId: '',
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
  };
}

const cert = (type: string, validUntil: string, tkdnPercent: number | null = null) => ({
  type,
  number: `${type.toUpperCase()}-${++nib}`,
  issuer: 'Lembaga Uji',
  validUntil,
  tkdnPercent,
});

/** Suppliers the tests name, around Smartpolitan (Subang) unless stated. */
export const NAMED = {
  /** CNC turning (a narrower "turning"), ISO 9001 valid, TKDN 45 %, 20 km away, 20,000 pcs/month. */
  presisi: seed({
    legalName: 'CV Presisi Bubut Subang',
    descriptionId: 'Jasa bubut CNC poros pompa baja tahan karat.',
    processes: ['cnc-turning'],
    materials: ['stainless-steel'],
    certifications: [cert('iso-9001', '2027-06-30'), cert('tkdn', '2027-01-31', 45)],
    capacity: { amount: 20000, unit: 'pcs/bulan' },
  }),
  /** Turning and milling, described only in English; its ISO 9001 expired. Purwakarta, ~26 km. */
  lathe: seed({
    legalName: 'PT Western Lathe Works',
    descriptionId: null as unknown as string,
    descriptionEn: 'Turning and milling of shafts, flanges and bushings for pumps.',
    regencyCode: '32.14',
    lat: -6.56,
    lon: 107.44,
    processes: ['turning', 'milling'],
    materials: ['carbon-steel'],
    certifications: [cert('iso-9001', '2026-01-31'), cert('tkdn', '2026-12-31', 30)],
    capacity: { amount: 2000, unit: 'pcs/bulan' },
  }),
  /** ISO 9001 valid through today only (expires at midnight WIB). */
  lastDay: seed({
    legalName: 'UD Bubut Hari Terakhir',
    descriptionId: 'Bengkel bubut dan frais.',
    lat: -6.5,
    lon: 107.7,
    processes: ['turning'],
    certifications: [cert('iso-9001', TODAY)],
  }),
  /** Welding in Mataram (NTB), far from Smartpolitan. */
  far: seed({
    legalName: 'UD Las Mataram',
    descriptionId: 'Bengkel las dan fabrikasi rangka baja.',
    regencyCode: '52.71',
    provinceCode: '52',
    lat: -8.58,
    lon: 116.12,
    processes: ['welding', 'turning'],
    certifications: [cert('iso-9001', '2028-01-01')],
  }),
  /** Stainless only (no process asked), Karawang. */
  stainless: seed({
    legalName: 'CV Stainless Karawang',
    descriptionId: 'Pabrikasi tangki stainless.',
    regencyCode: '32.15',
    lat: -6.31,
    lon: 107.3,
    processes: ['fabrication'],
    materials: ['stainless-steel'],
  }),
  /** Awaiting verification: facilitators see it matched, buyers do not. */
  submitted: seed({
    legalName: 'CV Bubut Menunggu',
    processes: ['turning'],
    status: 'submitted',
    lat: -6.6,
    lon: 107.8,
  }),
  suspended: seed({ legalName: 'CV Bubut Ditangguhkan', processes: ['turning'], status: 'suspended' }),
  rejected: seed({ legalName: 'CV Bubut Ditolak', processes: ['turning'], status: 'rejected' }),
  draft: seed({ legalName: 'CV Bubut Draf', processes: ['turning'], status: 'draft' }),
  /** Garment sewing: nothing to do with metal turning. */
  unrelated: seed({
    legalName: 'CV Konveksi Subang',
    descriptionId: 'Jahit seragam kerja.',
    processes: [],
    materials: [],
  }),
} satisfies Record<string, SupplierSeed>;

export type Named = keyof typeof NAMED;

/** Loads the named suppliers and `synthetic` generated ones; returns the named ids. */
export async function seedNeedsData(sql: Sql, synthetic = 150): Promise<Record<Named, string>> {
  await loadSupplierSeeds(sql, [...Object.values(NAMED), ...syntheticSuppliers(synthetic, 11)], {
    verifiedAt: new Date('2026-10-01T03:00:00Z'),
  });
  const rows = await sql<{ id: string; legalName: string }[]>`
    select organization_id as id, legal_name from suppliers
    where legal_name in ${sql(Object.values(NAMED).map((s) => s.legalName))}`;
  const byName = new Map(rows.map((r) => [r.legalName, r.id]));
  return Object.fromEntries(Object.entries(NAMED).map(([k, s]) => [k, byName.get(s.legalName)!])) as Record<
    Named,
    string
  >;
}

/** A user with a token who belongs to an existing (supplier) organisation, in the given language. */
export async function memberOf(sql: Sql, orgId: string, locale: 'id' | 'en' = 'id') {
  const u = await makeUserWithToken(sql);
  await upsertMembership(sql, orgId, u.user.id, 'owner');
  await sql`update users set locale = ${locale} where id = ${u.user.id}`;
  return u;
}

/** A buyer organisation's owner (with token) and a second member, in two languages. */
export async function makeBuyer(sql: Sql, name = 'PT Otoparts Uji') {
  const owner = await makeUserWithToken(sql, { org: { name, kind: 'buyer' } });
  await sql`update users set locale = 'en' where id = ${owner.user.id}`;
  const member = await makeUser(sql);
  await upsertMembership(sql, owner.orgId!, member.user.id, 'member');
  return { owner, member, orgId: owner.orgId! };
}

/** A need body for the API, Smartpolitan delivery, overridable. */
export function needBody(over: Record<string, unknown> = {}) {
  return {
    title_id: 'Poros pompa baja tahan karat',
    title_en: 'Stainless pump shafts',
    description_id: 'Kami membutuhkan jasa bubut poros pompa dari baja tahan karat, 5.000 pcs per bulan.',
    processes: ['bubut'],
    materials: ['stainless-steel'],
    estate: 'smartpolitan-subang',
    response_deadline: '2026-12-31',
    ...over,
  };
}
