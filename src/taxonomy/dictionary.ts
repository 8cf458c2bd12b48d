import { CERTIFICATIONS, PRODUCT_CATEGORIES, SECTORS } from './data/classes.js';
import { EQUIPMENT } from './data/equipment.js';
import { KBLI } from './data/kbli.js';
import { MATERIALS } from './data/materials.js';
import { PROCESSES } from './data/processes.js';
import { PRODUCTS } from './data/products.js';

export type TermKind =
  | 'process'
  | 'material'
  | 'product'
  | 'equipment'
  | 'product_category'
  | 'sector'
  | 'certification'
  | 'kbli';

export interface TermSeed {
  kind: TermKind;
  /** kebab-case English, unique per kind; for kbli the five-digit code. */
  slug: string;
  labelId: string;
  labelEn: string;
  /** Lower case, trimmed; informal spellings and abbreviations included. */
  synonymsId: string[];
  synonymsEn: string[];
  /** Slug of a broader term of the same kind. */
  parent?: string;
}

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
