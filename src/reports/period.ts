import { formatDate } from '../i18n/format.js';
import type { Locale, T } from '../i18n/index.js';
import type { ReportFilter } from './schema.js';
import type { Report } from './service.js';

const day = (iso: string, locale: Locale) => formatDate(new Date(`${iso}T12:00:00Z`), locale);

/** The report's period in words: the filter's dates, or the data's first and last day where open. */
export function periodText(t: T, locale: Locale, f: ReportFilter, span: Report['span']): string {
  const from = f.from ?? span.first;
  const to = f.to ?? span.last;
  if (!from && !to) return t('reports.period_all');
  return `${from ? day(from, locale) : '…'} – ${to ? day(to, locale) : '…'}`;
}
