import type { Db } from '../db/client.js';
import type { Locale } from '../i18n/index.js';
import type { TermKind } from './dictionary.js';
import { listTerms, type TermRow } from './repo.js';

/** The taxonomy as one in-memory value: slug sets for validation and labels for display. */
export interface Taxonomy {
  terms: TermRow[];
  has(kind: TermKind, slug: string): boolean;
  label(kind: TermKind, slug: string, locale: Locale): string;
  ofKind(kind: TermKind): TermRow[];
}

/** Loads the active taxonomy once per request or job (a few hundred rows). */
export async function loadTaxonomy(db: Db): Promise<Taxonomy> {
  const terms = await listTerms(db, { activeOnly: true });
  const byKey = new Map(terms.map((t) => [`${t.kind}:${t.slug}`, t]));
  return {
    terms,
    has: (kind, slug) => byKey.has(`${kind}:${slug}`),
    label: (kind, slug, locale) => {
      const t = byKey.get(`${kind}:${slug}`);
      return t ? (locale === 'en' ? t.labelEn : t.labelId) : slug;
    },
    ofKind: (kind) => terms.filter((t) => t.kind === kind),
  };
}

/** `GET /api/v1/taxonomy` shape: facet kinds keyed by their API names. */
export function taxonomyToJson(tax: Taxonomy) {
  const shape = (kind: TermKind) =>
    tax.ofKind(kind).map((t) => ({
      slug: t.slug,
      label: { id: t.labelId, en: t.labelEn },
      synonyms: { id: t.synonymsId, en: t.synonymsEn },
      ...(t.parentSlug ? { parent: t.parentSlug } : {}),
    }));
  return {
    processes: shape('process'),
    materials: shape('material'),
    product_categories: shape('product_category'),
    sectors: shape('sector'),
    certifications: shape('certification'),
    kbli: shape('kbli'),
    products: shape('product'),
    equipment: shape('equipment'),
  };
}
