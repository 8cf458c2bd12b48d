import { editDistance } from './edit-distance.js';
import type { SynonymTable } from './synonyms.js';

/**
 * Typo tolerance against the taxonomy's own vocabulary, with Meilisearch's default budget: no
 * typo below five letters, one in words of five to eight letters, two from nine letters on. A
 * query word that names nothing in the taxonomy and occurs in no document ("bornig", "sekarp")
 * is replaced by the closest taxonomy word, so the query then matches the term's phrase and its
 * synonyms in both languages, and ranks by the capability like a correctly spelled one.
 */

/** Letters a word needs before one (two) typos are forgiven. */
export const ONE_TYPO_FROM = 5;
export const TWO_TYPOS_FROM = 9;

/** How many edits a word of this length may be away from its correction. */
export function typoBudget(word: string): number {
  const n = [...word].length;
  return n >= TWO_TYPOS_FROM ? 2 : n >= ONE_TYPO_FROM ? 1 : 0;
}

interface Vocabulary {
  /** Word → how many taxonomy phrases use it (a tie-break: common words are likelier meant). */
  uses: Map<string, number>;
  byLength: Map<number, string[]>;
}

const vocabularies = new WeakMap<SynonymTable, Vocabulary>();

/** The distinct words of every taxonomy phrase, computed once per table. */
function vocabularyOf(table: SynonymTable): Vocabulary {
  let v = vocabularies.get(table);
  if (v) return v;
  const uses = new Map<string, number>();
  for (const phrase of table.phraseTerms.keys())
    for (const w of phrase.split(' ')) if (/^\p{L}+$/u.test(w)) uses.set(w, (uses.get(w) ?? 0) + 1);
  const byLength = new Map<number, string[]>();
  for (const w of [...uses.keys()].sort()) {
    const n = [...w].length;
    byLength.set(n, [...(byLength.get(n) ?? []), w]);
  }
  v = { uses, byLength };
  vocabularies.set(table, v);
  return v;
}

/** True when the word is itself a word of some taxonomy phrase. */
export function isTaxonomyWord(table: SynonymTable, word: string): boolean {
  return vocabularyOf(table).uses.has(word);
}

/**
 * The taxonomy word closest to `word` within its typo budget, or null. Ties go to the word that
 * keeps the first letter (typos rarely hit it), then to the one more phrases use, then A–Z.
 */
export function correctToTaxonomy(table: SynonymTable, word: string): string | null {
  const budget = typoBudget(word);
  if (budget === 0 || !/^\p{L}+$/u.test(word)) return null;
  const v = vocabularyOf(table);
  if (v.uses.has(word)) return null;
  const n = [...word].length;
  let best: { w: string; d: number; first: number; uses: number } | null = null;
  for (let len = n - budget; len <= n + budget; len++)
    for (const w of v.byLength.get(len) ?? []) {
      const d = editDistance(word, w);
      if (d > budget) continue;
      const c = { w, d, first: w[0] === word[0] ? 0 : 1, uses: v.uses.get(w)! };
      if (
        !best ||
        c.d < best.d ||
        (c.d === best.d && (c.first < best.first || (c.first === best.first && c.uses > best.uses)))
      )
        best = c;
    }
  return best?.w ?? null;
}
