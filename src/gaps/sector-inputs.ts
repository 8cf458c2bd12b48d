/**
 * The typical inputs a large tenant of each sector buys locally, as taxonomy slugs, so that the gap
 * map can count demand that nobody has posted as a need yet. Curated by hand, kept small, and
 * limited to capabilities the taxonomy can describe (supply is matched against it). Sources:
 * - Mining and smelting: the Sumbawa Barat article (Disperin NTB, Kemenperin, PT AMMAN, March 2024:
 *   "derivative industries" around the copper smelter) and the usual maintenance spend of a
 *   concentrator/smelter: heavy steel structures and chutes, machined spare parts (shafts, bushes,
 *   impellers), rubber lining of chutes and pipes, hard-facing of wear parts, and the repair and
 *   rewinding of electric motors and pumps. Industrial cleaning and PPE have no taxonomy term yet,
 *   so they are left out rather than mapped to a wrong one.
 * - Automotive and electronics: the Subang BBSPJILM forum (linking metal and machine IKM of Subang,
 *   Majalengka and Sumedang into the automotive supply chain of Smartpolitan's factories): plastic
 *   injection moulding, metal stamping, CNC machining and packaging, with SNI where parts are
 *   regulated and ISO 9001 as the tier-2 entry ticket.
 * - Halal food: KIH Safe and Lock Sidoarjo (East Java × NTB partnership, February 2023): packaging
 *   that must carry a halal certificate, food-grade stainless fabrication, and machine maintenance.
 * - Textile, logistics and tobacco products: spare parts and maintenance of production machines
 *   and racks, from the Smartpolitan and KIHT Probolinggo descriptions in seed/places.ts.
 */
export interface SectorInput {
  /** `process` or `product_category`: which supplier field must hold the capability. */
  kind: 'process' | 'product_category';
  slug: string;
  /** Any one of these materials (or a narrower one) will do; empty means any material. */
  materials: readonly string[];
  /** Every one of these certificates, valid today. */
  certs: readonly string[];
  minTkdn: number | null;
}

const i = (
  kind: SectorInput['kind'],
  slug: string,
  materials: string[] = [],
  certs: string[] = [],
  minTkdn: number | null = null,
): SectorInput => ({ kind, slug, materials, certs, minTkdn });

/** Sector slug → typical local inputs of a tenant in that sector. */
export const SECTOR_INPUTS: Readonly<Record<string, readonly SectorInput[]>> = {
  'mining-smelter': [
    i('process', 'structural-steel-fabrication', ['carbon-steel'], ['welder-qualification']),
    i('process', 'machining', [], [], 25),
    i('process', 'rubber-moulding', ['rubber']),
    i('process', 'hardfacing', ['wear-plate']),
    i('process', 'repair-overhaul'),
  ],
  automotive: [
    i('process', 'injection-moulding', ['plastic'], ['iso-9001']),
    i('process', 'stamping', ['cold-rolled-sheet'], ['iso-9001']),
    i('process', 'cnc-machining', [], ['iso-9001']),
    i('product_category', 'packaging'),
  ],
  electronics: [
    i('process', 'injection-moulding', ['plastic']),
    i('process', 'stamping'),
    i('product_category', 'packaging'),
  ],
  'halal-food': [
    i('product_category', 'packaging', [], ['halal']),
    i('process', 'fabrication', ['stainless-steel']),
    i('process', 'repair-overhaul'),
  ],
  'textile-garment': [i('product_category', 'textile-machinery-parts'), i('process', 'repair-overhaul')],
  logistics: [i('process', 'fabrication', ['steel-plate']), i('process', 'repair-overhaul')],
  'tobacco-products': [i('process', 'machining'), i('process', 'repair-overhaul')],
};

/** The typical inputs of one sector; an unknown sector has none. */
export function inputsOfSector(sector: string): readonly SectorInput[] {
  return SECTOR_INPUTS[sector] ?? [];
}
