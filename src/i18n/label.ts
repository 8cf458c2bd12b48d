import type { Locale } from './index.js';

/** Something named in both languages (a taxonomy term, a region, a report group), possibly unnamed. */
export interface BilingualLabel {
  readonly key: string | null;
  readonly labelId: string | null;
  readonly labelEn: string | null;
}

/**
 * The label in the reader's language, falling back to the key, then to `none`: pages and the
 * workbook export name a report group the same way.
 */
export function localLabel(g: BilingualLabel, locale: Locale, none: string): string {
  return (locale === 'en' ? g.labelEn : g.labelId) ?? g.key ?? none;
}
