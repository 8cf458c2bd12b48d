import type { Db } from '../src/db/client.js';
import { editDistance } from './analyze.js';
import type { Suggestion } from './engine.js';
import { listSpellingCandidates } from './pg-repo.js';
import { tokenize } from './synonyms.js';

/**
 * "Did you mean": each query word the vocabulary does not know is replaced by its most similar
 * known word (pg_trgm), whatever the number of typos. Null when every word is known.
 */
export async function spellingSuggestion(sql: Db, q: string): Promise<Suggestion | null> {
  const words = [...new Set(tokenize(q).filter((w) => w.length >= 3 && !/^\d+$/.test(w)))].slice(0, 10);
  if (words.length === 0) return null;
  const rows = await listSpellingCandidates(sql, words);
  const replacements: Record<string, string> = {};
  for (const r of rows) {
    // Fewest edits first, then taxonomy words (the trade's own vocabulary), then similarity.
    const ranked = r.candidates
      .map((word, i) => ({ word, i, edits: editDistance(r.w, word), taxonomy: r.taxonomy[i] }))
      .sort((a, b) => a.edits - b.edits || Number(b.taxonomy) - Number(a.taxonomy) || a.i - b.i);
    if (ranked[0]) replacements[r.w] = ranked[0].word;
  }
  if (Object.keys(replacements).length === 0) return null;
  const query = tokenize(q)
    .map((w) => replacements[w] ?? w)
    .join(' ');
  return { kind: 'spelling', query, replacements };
}
