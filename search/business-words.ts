import { type SynonymTable, withDescendants } from './synonyms.js';

/**
 * Words that describe a business rather than a capability, in both languages: what a shop is
 * (bengkel, workshop, toko), what it sells (jasa, service, trading) and its legal form (CV, PT,
 * UD, Tbk). Most suppliers never wrote them, so a query word from this list may only boost a
 * result, never exclude one. Taxonomy phrases that contain them ("jasa bubut", "servis mesin")
 * are matched as phrases before this list is consulted.
 */
export const BUSINESS_WORDS: ReadonlySet<string> = new Set([
  // Kind of place
  'bengkel',
  'workshop',
  'toko',
  'store',
  'shop',
  'pabrik',
  'factory',
  'plant',
  'sentra',
  'gudang',
  // What is offered
  'jasa',
  'layanan',
  'pelayanan',
  'service',
  'services',
  'servis',
  'servise',
  'trading',
  'dagang',
  'perdagangan',
  'usaha',
  'industri',
  'industry',
  'industries',
  'industrial',
  'supplier',
  'suppliers',
  'pemasok',
  'vendor',
  'kontraktor',
  'contractor',
  'manufaktur',
  'manufacturing',
  'manufacturer',
  'produsen',
  'pengrajin',
  'perajin',
  'spesialis',
  'specialist',
  'terima',
  'menerima',
  'melayani',
  'ikm',
  'ukm',
  'umkm',
  'home',
  'rumahan',
  'perusahaan',
  'company',
  'enterprise',
  'enterprises',
  // Legal forms
  'cv',
  'pt',
  'ud',
  'tbk',
  'pd',
  'fa',
  'firma',
  'koperasi',
  'persero',
  'co',
  'ltd',
  'inc',
  'corp',
  'llc',
  'group',
  'grup',
]);

/**
 * Taxonomy terms that name a kind of premises ("bengkel bubut" is the equipment term machine
 * shop): in a query they are read as their words, so "bengkel bubut" is bubut plus a business word.
 */
export const BUSINESS_TERM_ROOTS = ['equipment:workshop'] as const;

/** A phrase-match predicate that refuses premises terms (and their narrower ones). */
export function notPremises(table: SynonymTable): (terms: readonly string[]) => boolean {
  const premises = new Set(withDescendants(table, BUSINESS_TERM_ROOTS));
  return (terms) => !terms.every((t) => premises.has(t));
}

/** True for a single query word that names a kind of business, not a capability. */
export function isBusinessWord(word: string): boolean {
  return BUSINESS_WORDS.has(word);
}
