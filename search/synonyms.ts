/**
 * Taxonomy-driven synonyms. Every term's labels and synonyms, in both languages, are one
 * equivalence class: "bubut" ↔ "turning" ↔ "lathe work". Both engines read the same table:
 * the PostgreSQL engine expands query phrases with it, Meilisearch gets it as index settings.
 */

/** Taxonomy kinds whose words users type in a search box (KBLI titles are too generic to expand). */
export const SYNONYM_KINDS = [
  'process',
  'material',
  'product',
  'equipment',
  'product_category',
  'sector',
  'certification',
] as const;

export interface SynonymTerm {
  kind: string;
  slug: string;
  labelId: string;
  labelEn: string;
  synonymsId: readonly string[];
  synonymsEn: readonly string[];
  /** The broader term of the same kind, when the taxonomy has one. */
  parentSlug?: string | null;
}

export interface SynonymTable {
  /** Normalised phrase → keys (`kind:slug`) of the terms it names. */
  phraseTerms: ReadonlyMap<string, readonly string[]>;
  /** Term key → all its normalised phrases (labels first). */
  termPhrases: ReadonlyMap<string, readonly string[]>;
  /** Term key → keys of every narrower term below it (children, grandchildren, …). */
  descendants: ReadonlyMap<string, readonly string[]>;
  /** Longest phrase, in words: the window for phrase detection in queries. */
  maxWords: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Splits text into lower-case words the way search compares them (letters and digits; the rest separates). */
export function tokenize(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(WORD) ?? [];
}

/** "Turning (lathe)" → "turning lathe": the form phrases are compared in. */
export function normalizePhrase(text: string): string {
  return tokenize(text).join(' ');
}

/** Builds the table once per taxonomy version; a few hundred terms, a few thousand phrases. */
export function buildSynonymTable(terms: readonly SynonymTerm[]): SynonymTable {
  const phraseTerms = new Map<string, string[]>();
  const termPhrases = new Map<string, string[]>();
  const kinds = new Set<string>(SYNONYM_KINDS);
  let maxWords = 1;
  for (const t of terms) {
    if (!kinds.has(t.kind)) continue;
    const key = `${t.kind}:${t.slug}`;
    const phrases = [
      ...new Set(
        [t.labelId, t.labelEn, ...t.synonymsId, ...t.synonymsEn].map(normalizePhrase).filter(Boolean),
      ),
    ];
    termPhrases.set(key, phrases);
    for (const p of phrases) {
      const list = phraseTerms.get(p) ?? [];
      if (!list.includes(key)) list.push(key);
      phraseTerms.set(p, list);
      maxWords = Math.max(maxWords, p.split(' ').length);
    }
  }
  return { phraseTerms, termPhrases, descendants: descendantsOf(terms, kinds), maxWords };
}

/**
 * A search for a broad term also finds its narrower ones (fabrication → piping, sheet-metal
 * work, bending, …): every descendant, transitively, within the same kind. Cycles are ignored.
 */
function descendantsOf(terms: readonly SynonymTerm[], kinds: ReadonlySet<string>) {
  const children = new Map<string, string[]>();
  for (const t of terms) {
    if (!kinds.has(t.kind) || !t.parentSlug) continue;
    const parent = `${t.kind}:${t.parentSlug}`;
    children.set(parent, [...(children.get(parent) ?? []), `${t.kind}:${t.slug}`]);
  }
  const out = new Map<string, string[]>();
  for (const root of children.keys()) {
    const seen = new Set([root]);
    const list: string[] = [];
    for (let i = -1; i < list.length; i++)
      for (const c of children.get(i < 0 ? root : list[i]!) ?? [])
        if (!seen.has(c)) {
          seen.add(c);
          list.push(c);
        }
    out.set(root, list);
  }
  return out;
}

/** Every term key a phrase's terms stand for, narrower ones included (for oracles and highlighting). */
export function withDescendants(table: SynonymTable, keys: readonly string[]): string[] {
  return [...new Set(keys.flatMap((k) => [k, ...(table.descendants.get(k) ?? [])]))];
}

/** All distinct phrases of the table (for computing their lexemes once). */
export function allPhrases(table: SynonymTable): string[] {
  return [...table.phraseTerms.keys()];
}

export interface PhraseMatch {
  /** Index of the first word and number of words covered. */
  start: number;
  length: number;
  phrase: string;
  terms: readonly string[];
}

/**
 * Greedy longest-match of taxonomy phrases over query words, left to right: "bubut cnc stainless"
 * → [bubut cnc → cnc-turning] [stainless → stainless-steel]. A word that starts no phrase stands alone, with no terms.
 * `accept` can refuse a phrase's terms; shorter phrases are then tried.
 */
export function matchPhrases(
  words: readonly string[],
  table: SynonymTable,
  accept: (terms: readonly string[]) => boolean = () => true,
): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  let i = 0;
  while (i < words.length) {
    let found: PhraseMatch | null = null;
    for (let n = Math.min(table.maxWords, words.length - i); n >= 1; n--) {
      const phrase = words.slice(i, i + n).join(' ');
      const terms = table.phraseTerms.get(phrase);
      if (terms && accept(terms)) {
        found = { start: i, length: n, phrase, terms };
        break;
      }
    }
    out.push(found ?? { start: i, length: 1, phrase: words[i]!, terms: [] });
    i += found ? found.length : 1;
  }
  return out;
}

/**
 * Meilisearch `synonyms` setting: each phrase maps to every other phrase of its terms, so the
 * relation holds both ways and across languages.
 */
export function meiliSynonyms(table: SynonymTable): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [phrase, terms] of [...table.phraseTerms].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const others = new Set<string>();
    for (const key of terms)
      for (const p of table.termPhrases.get(key) ?? []) if (p !== phrase) others.add(p);
    if (others.size) out[phrase] = [...others].sort();
  }
  return out;
}
