import { formatNumber } from '../i18n/format.js';
import type { Locale } from '../i18n/index.js';
import type { VersionRow } from './repo.js';

/**
 * Form values from the side's latest version, so a new version starts from what was said last.
 * Rupiah are written with the locale's grouping, the way the form's parser reads them back.
 */
export function valuesFromVersion(v: VersionRow | null, locale: Locale): Record<string, string> {
  if (!v) return { status: 'pending' };
  return {
    attendance: v.attendance ?? '',
    status: v.status,
    value_idr: v.valueIdr === null ? '' : formatNumber(BigInt(v.valueIdr), locale),
    products: v.products ?? '',
    volume: v.volume ?? '',
    next_steps: v.nextSteps ?? '',
    notes: v.notes ?? '',
    follow_up_on: v.followUpOn ?? '',
    no_deal_reason: v.noDealReason ?? '',
    share_names: v.shareNames ? '1' : '',
  };
}
