import { CERTIFICATIONS, PRODUCT_CATEGORIES, SECTORS } from './data/classes.js';
import { EQUIPMENT } from './data/equipment.js';
import { KBLI } from './data/kbli-2020.js';
import { MATERIALS } from './data/materials.js';
import { PROCESSES } from './data/processes.js';
import { PRODUCTS } from './data/products.js';
import type { TermKind, TermSeed } from './types.js';

/** Re-exported so callers keep one import for the taxonomy; the data files import types.ts directly. */
export type { TermKind, TermSeed } from './types.js';

export const TERM_KINDS: readonly TermKind[] = [
  'process',
  'material',
  'product',
  'equipment',
  'product_category',
  'sector',
  'certification',
  'kbli',
];

export const TAXONOMY: readonly TermSeed[] = [
  ...PROCESSES,
  ...MATERIALS,
  ...PRODUCTS,
  ...EQUIPMENT,
  ...PRODUCT_CATEGORIES,
  ...SECTORS,
  ...CERTIFICATIONS,
  ...KBLI,
];

const byKind = new Map<TermKind, TermSeed[]>(TERM_KINDS.map((kind) => [kind, []]));
const bySlug = new Map<string, TermSeed>();
for (const term of TAXONOMY) {
  byKind.get(term.kind)?.push(term);
  bySlug.set(`${term.kind}:${term.slug}`, term);
}

/** Lists one facet's vocabulary, e.g. for a filter form or for picking seed values, without rescanning. */
export function termsOfKind(kind: TermKind): readonly TermSeed[] {
  return byKind.get(kind) ?? [];
}

/** Resolves a stored slug to its labels; null when the slug is unknown, as after a taxonomy edit. */
export function findTerm(kind: TermKind, slug: string): TermSeed | null {
  return bySlug.get(`${kind}:${slug}`) ?? null;
}
