import type { Sql } from '../db/client.js';

/** The sectors of each demo tenant (by organisation name), which drive sector-input demand. */
const TENANT_SECTORS: Record<string, string[]> = {
  'PT Smelter Tembaga Sumbawa (demo)': ['mining-smelter'],
  'PT Otoparts Smartpolitan (demo)': ['automotive'],
  'PT Tekstil Garmen Subang (demo)': ['textile-garment'],
  'PT Teknologi Pendukung Otomotif Smartpolitan (demo)': ['automotive', 'electronics'],
  'PT Logistik Patimban (demo)': ['logistics'],
  'PT Pangan Halal Sidoarjo (demo)': ['halal-food'],
};

interface DemoNeed {
  buyer: string;
  estate: string;
  title: string;
  status: 'open' | 'closed';
  processes: string[];
  productCategory?: string;
  materials: string[];
  certs: string[];
  minTkdn?: number;
  sector: string;
}

/**
 * Needs the smelter and the Smartpolitan tenants posted: what the Sumbawa Barat and Subang
 * articles describe (wear parts, lining, motor repair for the smelter; moulded, stamped and
 * machined parts for the automotive plants), some open and some past, so the gap map has demand.
 */
const NEEDS: DemoNeed[] = [
  {
    buyer: 'PT Smelter Tembaga Sumbawa (demo)',
    estate: 'amman-smelter-sumbawa-barat',
    title: 'Pelapisan karet chute konsentrat',
    status: 'open',
    processes: ['rubber-moulding'],
    materials: ['rubber'],
    certs: [],
    sector: 'mining-smelter',
  },
  {
    buyer: 'PT Smelter Tembaga Sumbawa (demo)',
    estate: 'amman-smelter-sumbawa-barat',
    title: 'Impeler pompa slurry baja mangan',
    status: 'closed',
    processes: ['casting', 'machining'],
    materials: ['manganese-steel'],
    certs: ['iso-9001'],
    sector: 'mining-smelter',
  },
  {
    buyer: 'PT Smelter Tembaga Sumbawa (demo)',
    estate: 'amman-smelter-sumbawa-barat',
    title: 'Rewinding dan overhaul motor listrik 75 kW',
    status: 'open',
    processes: ['repair-overhaul'],
    materials: [],
    certs: ['smk3'],
    sector: 'mining-smelter',
  },
  {
    buyer: 'PT Smelter Tembaga Sumbawa (demo)',
    estate: 'amman-smelter-sumbawa-barat',
    title: 'Rangka baja platform konveyor',
    status: 'open',
    processes: ['structural-steel-fabrication'],
    materials: ['carbon-steel'],
    certs: ['welder-qualification', 'smk3'],
    minTkdn: 40,
    sector: 'mining-smelter',
  },
  {
    buyer: 'PT Otoparts Smartpolitan (demo)',
    estate: 'smartpolitan-subang',
    title: 'Klip plastik PP untuk panel pintu',
    status: 'open',
    processes: ['injection-moulding'],
    materials: ['polypropylene'],
    certs: ['iso-9001'],
    minTkdn: 40,
    sector: 'automotive',
  },
  {
    buyer: 'PT Otoparts Smartpolitan (demo)',
    estate: 'smartpolitan-subang',
    title: 'Bracket stamping pelat CR 2 mm',
    status: 'closed',
    processes: ['stamping'],
    materials: ['cold-rolled-sheet'],
    certs: ['iso-9001'],
    sector: 'automotive',
  },
  {
    buyer: 'PT Teknologi Pendukung Otomotif Smartpolitan (demo)',
    estate: 'smartpolitan-subang',
    title: 'Housing aluminium CNC untuk sensor',
    status: 'open',
    processes: ['cnc-machining'],
    materials: ['aluminium'],
    certs: ['iatf-16949'],
    sector: 'automotive',
  },
  {
    buyer: 'PT Teknologi Pendukung Otomotif Smartpolitan (demo)',
    estate: 'smartpolitan-subang',
    title: 'Kardus dan tray kemasan komponen',
    status: 'open',
    processes: [],
    productCategory: 'packaging',
    materials: [],
    certs: [],
    sector: 'electronics',
  },
];

/** Tenant sectors and the demo needs behind the gap maps of the AMMAN smelter and Smartpolitan. */
export async function seedDemoGaps(sql: Sql, now: Date = new Date()): Promise<void> {
  for (const [name, sectors] of Object.entries(TENANT_SECTORS)) {
    await sql`
      update estate_tenants set sectors = ${sectors}
      where organization_id = (select id from organizations where name = ${name})`;
  }
  for (const n of NEEDS) {
    const closed = n.status === 'closed';
    await sql`
      insert into needs (buyer_org_id, title_id, sector, product_category, processes, materials, required_certs,
        min_tkdn, estate_id, status, close_reason, opened_at, closed_at)
      select o.id, ${n.title}, ${n.sector}, ${n.productCategory ?? null}, ${n.processes}, ${n.materials}, ${n.certs},
        ${n.minTkdn ?? null}, e.id, ${n.status}, ${closed ? 'awarded' : null}, ${now}, ${closed ? now : null}
      from organizations o, estates e where o.name = ${n.buyer} and e.slug = ${n.estate}`;
  }
}
