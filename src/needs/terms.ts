import { normalizePhrase } from '../../search/synonyms.js';
import type { Db } from '../db/client.js';
import type { Vocabulary } from '../matching/vocabulary.js';
import type { TermKind } from '../taxonomy/dictionary.js';
import { findEstateBySlug, type NeedWrite } from './repo.js';
import { crossFieldErrors, type NeedInput } from './schema.js';

/**
 * One term as typed: a slug, or a label or synonym in either language ("bubut", "Turning (lathe)",
 * "lathe work" all give `turning`). Null when the taxonomy does not know it.
 */
export function resolveTerm(v: Vocabulary, kind: TermKind, term: string): string | null {
  if (v.taxonomy.has(kind, term)) return term;
  const keys = v.synonyms.phraseTerms.get(normalizePhrase(term)) ?? [];
  const key = keys.find((k) => k.startsWith(`${kind}:`));
  return key ? key.slice(kind.length + 1) : null;
}

const LISTS: [keyof NeedInput & keyof NeedWrite, string, TermKind][] = [
  ['processes', 'processes', 'process'],
  ['materials', 'materials', 'material'],
  ['requiredCerts', 'required_certs', 'certification'],
  ['preferredCerts', 'preferred_certs', 'certification'],
];

/**
 * Turns validated input into the columns to store: terms resolved to slugs, the estate to its id,
 * the price to exact text. Returns field errors (API names → message keys) instead when any.
 */
export async function toWrite(
  db: Db,
  v: Vocabulary,
  n: NeedInput,
): Promise<{ ok: true; write: NeedWrite } | { ok: false; errors: Record<string, string> }> {
  const errors: Record<string, string> = {};
  const lists: Partial<Record<keyof NeedWrite, string[]>> = {};
  for (const [key, field, kind] of LISTS) {
    const slugs: string[] = [];
    for (const term of n[key] as string[]) {
      const slug = resolveTerm(v, kind, term);
      if (slug === null) errors[field] ??= 'v.needs.unknown_term';
      else if (!slugs.includes(slug)) slugs.push(slug);
    }
    lists[key] = slugs;
  }
  const single = (field: string, kind: TermKind, term: string | null) => {
    if (term === null) return null;
    const slug = resolveTerm(v, kind, term);
    if (slug === null) errors[field] = 'v.needs.unknown_term';
    return slug;
  };
  const sector = single('sector', 'sector', n.sector);
  const productCategory = single('product_category', 'product_category', n.productCategory);
  const resolved = {
    ...n,
    requiredCerts: lists.requiredCerts ?? [],
    preferredCerts: lists.preferredCerts ?? [],
  };
  for (const [k, m] of Object.entries(crossFieldErrors(resolved))) errors[k] ??= m;
  const estate = n.estate ? await findEstateBySlug(db, n.estate) : null;
  if (n.estate && !estate) errors.estate = 'v.needs.unknown_estate';
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    write: {
      titleId: n.titleId,
      titleEn: n.titleEn,
      descriptionId: n.descriptionId,
      descriptionEn: n.descriptionEn,
      sector,
      productCategory,
      processes: lists.processes ?? [],
      materials: lists.materials ?? [],
      requiredCerts: lists.requiredCerts ?? [],
      preferredCerts: lists.preferredCerts ?? [],
      minTkdn: n.minTkdn,
      quantity: n.quantity,
      unit: n.quantity === null ? null : n.unit,
      frequency: n.quantity === null ? null : (n.frequency ?? 'once'),
      targetPriceIdr: n.targetPriceIdr === null ? null : n.targetPriceIdr.toString(),
      estateId: estate?.id ?? null,
      deliveryLat: estate ? null : (n.location?.lat ?? null),
      deliveryLon: estate ? null : (n.location?.lon ?? null),
      maxDistanceKm: n.maxDistanceKm,
      responseDeadline: n.responseDeadline,
      visibility: n.visibility,
    },
  };
}
