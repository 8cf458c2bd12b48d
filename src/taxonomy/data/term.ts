import type { TermKind, TermSeed } from '../types.js';

/** [slug, labelId, labelEn, synonymsId, synonymsEn, parent?] */
export type TermRow = readonly [string, string, string, readonly string[], readonly string[], string?];

/**
 * Expands compact rows into TermSeeds: the data files hold hundreds of terms, and one row per line keeps
 * them reviewable by someone who knows the trade rather than the code.
 */
export function defineTerms(kind: TermKind, rows: readonly TermRow[]): TermSeed[] {
  return rows.map(([slug, labelId, labelEn, synonymsId, synonymsEn, parent]) => {
    const term: TermSeed = {
      kind,
      slug,
      labelId,
      labelEn,
      synonymsId: [...synonymsId],
      synonymsEn: [...synonymsEn],
    };
    if (parent !== undefined) term.parent = parent;
    return term;
  });
}
