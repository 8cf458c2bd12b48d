/*
 * Presentation helpers of the report pages: pure functions over view models, kept beside the
 * views so that the views import no function from src/reports.
 */
import type { GroupView } from './models.js';

/** The page shows the largest groups and folds the rest into one "other" row; exports keep all. */
export function topGroups<G extends GroupView>(groups: G[], limit: number, otherLabel: string): GroupView[] {
  if (groups.length <= limit) return groups;
  const rest = groups.slice(limit - 1);
  const other = {
    key: '__other',
    labelId: otherLabel,
    labelEn: otherLabel,
    meetings: 0,
    held: 0,
    deals: 0,
    mous: 0,
    valueIdr: 0n,
  };
  for (const g of rest) {
    other.meetings += g.meetings;
    other.held += g.held;
    other.deals += g.deals;
    other.mous += g.mous;
    other.valueIdr += g.valueIdr;
  }
  return [...groups.slice(0, limit - 1), other];
}

/** The filter as query-string pairs (for export links that keep the page's filters). */
export function filterToQuery(f: Readonly<Record<string, string | number | undefined>>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}
