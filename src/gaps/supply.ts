import type { TermKind } from '../taxonomy/dictionary.js';
import type { SupplyRow } from './repo.js';

/** What a demand line asks of a supplier. */
export interface Requirement {
  kind: 'process' | 'product_category';
  slug: string;
  materials: string[];
  certs: string[];
  minTkdn: number | null;
}

/** One thing a supplier lacks for a requirement: the capability, a material, a certificate or TKDN. */
export type Lack =
  | { kind: 'process' | 'product_category' | 'cert'; slug: string }
  | { kind: 'material'; anyOf: string[] }
  | { kind: 'tkdn'; min: number; has: number | null };

/** Slug → itself and every narrower term, per taxonomy kind (a CNC-turning shop does machining). */
export type Narrower = (kind: TermKind, slug: string) => ReadonlySet<string>;

/** Builds `Narrower` from the taxonomy's parent links, once per request. */
export function narrowerTerms(terms: { kind: string; slug: string; parentSlug: string | null }[]): Narrower {
  const children = new Map<string, string[]>();
  for (const t of terms) {
    if (!t.parentSlug) continue;
    const key = `${t.kind}:${t.parentSlug}`;
    children.set(key, [...(children.get(key) ?? []), t.slug]);
  }
  const memo = new Map<string, Set<string>>();
  const walk = (kind: string, slug: string): Set<string> => {
    const key = `${kind}:${slug}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const out = new Set<string>([slug]);
    memo.set(key, out);
    for (const c of children.get(key) ?? []) for (const s of walk(kind, c)) out.add(s);
    return out;
  };
  return walk;
}

const offers = (held: string[], wanted: ReadonlySet<string>) => held.some((s) => wanted.has(s));

/** Highest TKDN % among the supplier's valid TKDN certificates. */
function bestTkdn(s: SupplyRow, today: string): number | null {
  let best: number | null = null;
  for (const c of s.certs)
    if (c.type === 'tkdn' && c.tkdn !== null && (c.validUntil === null || c.validUntil >= today))
      best = best === null ? c.tkdn : Math.max(best, c.tkdn);
  return best;
}

/**
 * Everything the supplier lacks for the requirement, judged on `today` (WIB, as certificate expiry
 * is everywhere else). An empty list means the supplier qualifies. `shares` says whether it has the
 * capability or one of the materials: only those count as partial suppliers worth training.
 */
export function assess(s: SupplyRow, r: Requirement, narrower: Narrower, today: string) {
  const lacks: Lack[] = [];
  const field = r.kind === 'process' ? s.processes : s.productCategories;
  const hasCapability = offers(field, narrower(r.kind, r.slug));
  if (!hasCapability) lacks.push({ kind: r.kind, slug: r.slug });
  const materialOk = r.materials.some((m) => offers(s.materials, narrower('material', m)));
  if (r.materials.length > 0 && !materialOk) lacks.push({ kind: 'material', anyOf: r.materials });
  for (const cert of r.certs) {
    const valid = s.certs.some((c) => c.type === cert && (c.validUntil === null || c.validUntil >= today));
    if (!valid) lacks.push({ kind: 'cert', slug: cert });
  }
  if (r.minTkdn !== null) {
    const has = bestTkdn(s, today);
    if (has === null || has < r.minTkdn) lacks.push({ kind: 'tkdn', min: r.minTkdn, has });
  }
  return { lacks, shares: hasCapability || (r.materials.length > 0 && materialOk) };
}
