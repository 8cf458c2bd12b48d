/*
 * The taxonomy's shapes on their own, so the data files and dictionary.ts (which imports the
 * data) share them without importing each other.
 */

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
