import type { TermKind } from '../src/taxonomy/dictionary.js';
import type { Taxonomy } from '../src/taxonomy/service.js';
import { distanceKm, type GeoPoint, type SearchHit } from './engine.js';

/** How many TKDN certificates per supplier the Meilisearch document can carry (each in its own fields). */
export const MAX_TKDN_CERTS = 5;
/** valid_until as a yyyymmdd number; certificates with no stated expiry. */
export const NO_EXPIRY_DAY = 99_991_231;

/** The Meilisearch document of a supplier. Field names are snake_case, as in the API. */
export interface MeiliDocument {
  id: string;
  status: string;
  verified: boolean;
  /** Ranking rule tie-break: verified suppliers first. */
  verified_rank: number;
  name: string;
  trading_name: string | null;
  name_sort: string;
  province_code: string | null;
  regency_code: string | null;
  processes: string[];
  materials: string[];
  product_categories: string[];
  sectors: string[];
  /** Labels of the supplier's terms in both languages (searchable; synonyms widen them). */
  capabilities: string[];
  /**
   * Labels of the broader terms above the supplier's own (piping → fabrication): searchable after
   * every other attribute, so a broad query finds narrower suppliers and the attribute rule ranks
   * them below direct matches. Meilisearch caps a word's synonyms at 50 phrases, too few for a
   * broad term's descendants, so the expansion lives in the document instead.
   */
  broader: string[];
  products: string | null;
  description_id: string | null;
  description_en: string | null;
  employees: number | null;
  _geo: { lat: number; lng: number } | null;
  cert_types: string[];
  /** Certificate type (dashes as underscores) → latest valid-until day as yyyymmdd. */
  cert_until: Record<string, number>;
  /** Best TKDN % when the document was written (for sorting; filters use the per-certificate fields). */
  tkdn_max: number | null;
  updated_at: number;
  [tkdnField: `tkdn_${number}_${'pct' | 'until'}`]: number | null;
}

/** The facts a document is made from: the search row, its certificates and the profile texts. */
export interface DocumentSource {
  supplierId: string;
  searchable: boolean;
  deleted: boolean;
  status: string;
  verified: boolean;
  name: string;
  tradingName: string | null;
  nameNorm: string;
  provinceCode: string | null;
  regencyCode: string | null;
  processes: string[];
  materials: string[];
  productCategories: string[];
  sectors: string[];
  employees: number | null;
  lat: number | null;
  lon: number | null;
  updatedMs: string;
  certTypes: string[] | null;
  certUntil: string[] | null;
  tkdnPercent: number[] | null;
  tkdnUntil: string[] | null;
  products: string | null;
  descriptionId: string | null;
  descriptionEn: string | null;
  machineTypes: string[] | null;
}

/** `2027-05-01` → 20270501; 'infinity' → NO_EXPIRY_DAY. */
export function dayInt(date: string): number {
  return date === 'infinity' ? NO_EXPIRY_DAY : Number(date.replaceAll('-', ''));
}

/** Certificate slug as a Meilisearch field name (no dashes in nested filter paths). */
export const certField = (type: string) => type.replaceAll('-', '_');

/** Builds the document; `today` only fixes tkdn_max, which is informational. */
export function toDocument(s: DocumentSource, tax: Taxonomy, today: string): MeiliDocument {
  const labels = (kind: TermKind, slugs: readonly string[]) =>
    slugs.flatMap((slug) =>
      tax.has(kind, slug) ? [tax.label(kind, slug, 'id'), tax.label(kind, slug, 'en')] : [],
    );
  const certUntil: Record<string, number> = {};
  (s.certTypes ?? []).forEach((type, i) => {
    const day = dayInt(s.certUntil?.[i] ?? 'infinity');
    const key = certField(type);
    certUntil[key] = Math.max(certUntil[key] ?? 0, day);
  });
  const tkdn = (s.tkdnPercent ?? []).map((p, i) => ({ p, until: dayInt(s.tkdnUntil?.[i] ?? 'infinity') }));
  const doc: MeiliDocument = {
    id: s.supplierId,
    status: s.status,
    verified: s.verified,
    verified_rank: s.verified ? 1 : 0,
    name: s.name,
    trading_name: s.tradingName,
    name_sort: s.nameNorm,
    province_code: s.provinceCode,
    regency_code: s.regencyCode,
    processes: s.processes,
    materials: s.materials,
    product_categories: s.productCategories,
    sectors: s.sectors,
    capabilities: [
      ...new Set([
        ...labels('process', s.processes),
        ...labels('material', s.materials),
        ...labels('product_category', s.productCategories),
        ...labels('sector', s.sectors),
        ...labels('equipment', s.machineTypes ?? []),
      ]),
    ],
    broader: broaderLabels(s, tax),
    products: s.products,
    description_id: s.descriptionId,
    description_en: s.descriptionEn,
    employees: s.employees,
    _geo: s.lat !== null && s.lon !== null ? { lat: s.lat, lng: s.lon } : null,
    cert_types: [...new Set(s.certTypes ?? [])],
    cert_until: certUntil,
    tkdn_max: tkdnMaxOn(tkdn, dayInt(today)),
    updated_at: Number(s.updatedMs),
  };
  for (let i = 0; i < MAX_TKDN_CERTS; i++) {
    doc[`tkdn_${i}_pct`] = tkdn[i]?.p ?? null;
    doc[`tkdn_${i}_until`] = tkdn[i]?.until ?? null;
  }
  return doc;
}

/** Both languages' labels of every ancestor of the supplier's processes, materials, products and sectors. */
const termIndex = new WeakMap<Taxonomy, Map<string, Taxonomy['terms'][number]>>();

function broaderLabels(s: DocumentSource, tax: Taxonomy): string[] {
  let byKey = termIndex.get(tax);
  if (!byKey) {
    byKey = new Map(tax.terms.map((t) => [`${t.kind}:${t.slug}`, t]));
    termIndex.set(tax, byKey);
  }
  const own: [string, readonly string[]][] = [
    ['process', s.processes],
    ['material', s.materials],
    ['product_category', s.productCategories],
    ['sector', s.sectors],
  ];
  const out = new Set<string>();
  for (const [kind, slugs] of own)
    for (const slug of slugs) {
      const seen = new Set([slug]);
      let parent = byKey.get(`${kind}:${slug}`)?.parentSlug ?? null;
      while (parent && !seen.has(parent)) {
        seen.add(parent);
        const t = byKey.get(`${kind}:${parent}`);
        if (!t) break;
        out.add(t.labelId);
        out.add(t.labelEn);
        parent = t.parentSlug;
      }
    }
  return [...out];
}

function tkdnMaxOn(certs: { p: number; until: number }[], day: number): number | null {
  const valid = certs.filter((c) => c.until >= day).map((c) => c.p);
  return valid.length ? Math.max(...valid) : null;
}

/** A Meilisearch hit as a search hit; validity and distance are judged now, not at indexing time. */
export function documentToHit(d: MeiliDocument, today: string, point: GeoPoint | null): SearchHit {
  const day = dayInt(today);
  const tkdn: { p: number; until: number }[] = [];
  for (let i = 0; i < MAX_TKDN_CERTS; i++) {
    const p = d[`tkdn_${i}_pct`];
    const until = d[`tkdn_${i}_until`];
    if (typeof p === 'number' && typeof until === 'number') tkdn.push({ p, until });
  }
  const max = tkdnMaxOn(tkdn, day);
  const location = d._geo ? { lat: d._geo.lat, lon: d._geo.lng } : null;
  return {
    id: d.id,
    name: d.name,
    tradingName: d.trading_name,
    provinceCode: d.province_code,
    regencyCode: d.regency_code,
    processes: d.processes,
    materials: d.materials,
    productCategories: d.product_categories,
    sectors: d.sectors,
    certifications: d.cert_types.filter((t) => (d.cert_until[certField(t)] ?? 0) >= day).sort(),
    verified: d.verified,
    tkdnMax: max === null ? null : Math.round(max * 100) / 100,
    distanceKm: point && location ? Math.round(distanceKm(point, location) * 10) / 10 : null,
    location,
  };
}
