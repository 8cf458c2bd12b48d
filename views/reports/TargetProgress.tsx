import { formatIdr, formatNumber } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';

/** One figure against its target, as the target views show it. */
export interface ProgressView {
  metric: 'meetingsHeld' | 'deals' | 'mous' | 'valueIdr' | 'ikmVerified' | 'ikmCertified';
  target: bigint | null;
  realised: bigint;
  percent: number | null;
}

/**
 * Realisation against target: value, target, percent and a native `<progress>` bar, which
 * renders without JavaScript or inline styles. Over 100 % the bar is full and the text says so.
 */
export function TargetProgress({
  t,
  locale,
  rows,
  id,
}: {
  t: T;
  locale: Locale;
  rows: ProgressView[];
  id?: string;
}) {
  const fmt = (m: ProgressView['metric'], v: bigint) =>
    m === 'valueIdr' ? formatIdr(v, locale) : formatNumber(v, locale);
  return (
    <div class="table-scroll" id={id}>
      <table class="report-table targets">
        <thead>
          <tr>
            <th scope="col">{t('impact.targets.metric')}</th>
            <th scope="col" class="num">
              {t('impact.targets.realised')}
            </th>
            <th scope="col" class="num">
              {t('impact.targets.target')}
            </th>
            <th scope="col">{t('impact.targets.progress')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr>
              <th scope="row">{t(`impact.metric.${p.metric}`)}</th>
              <td class="num">{fmt(p.metric, p.realised)}</td>
              <td class="num">{p.target === null ? '—' : fmt(p.metric, p.target)}</td>
              <td>
                {p.percent === null ? (
                  '—'
                ) : (
                  <>
                    <progress max="100" value={String(Math.min(p.percent, 100))}>
                      {formatNumber(p.percent, locale, 1)}%
                    </progress>{' '}
                    {formatNumber(p.percent, locale, 1)}%
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
