import { formatIdr, formatNumber } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import { type ProgressView, TargetProgress } from './TargetProgress.js';

/** Survey response per wave, with the value the answers say was realised. */
export interface ResponseView {
  wave: '3m' | '6m';
  sent: number;
  answered: number;
  realisedIdr: string;
}

/** Targets that apply to the report's filter (an event's, per office), with realisation. */
export interface ReportTargetView {
  officeName: string;
  progress: ProgressView[];
}

/**
 * The impact panels of the report page: survey response rates per wave, realised (survey) versus
 * reported (official record) value, and realisation against the targets that match the filter.
 * Kept apart from ReportPage so later panels (naik kelas, gap map) slot in beside them.
 */
export function ImpactPanels({
  t,
  locale,
  responses,
  reportedIdr,
  targets,
}: {
  t: T;
  locale: Locale;
  responses: ResponseView[];
  reportedIdr: bigint;
  targets: ReportTargetView[];
}) {
  const realised = responses.reduce((s, r) => s + BigInt(r.realisedIdr), 0n);
  return (
    <>
      {targets.map((x) => (
        <section id="report-targets">
          <h2>
            {t('impact.targets.for_report')} · {x.officeName}
          </h2>
          <TargetProgress t={t} locale={locale} rows={x.progress} />
        </section>
      ))}
      <section id="report-responses">
        <h2>{t('impact.report.responses')}</h2>
        <div class="table-scroll">
          <table class="report-table">
            <thead>
              <tr>
                <th scope="col">{t('impact.report.wave')}</th>
                <th scope="col" class="num">
                  {t('impact.report.sent')}
                </th>
                <th scope="col" class="num">
                  {t('impact.report.answered')}
                </th>
                <th scope="col" class="num">
                  {t('impact.report.rate')}
                </th>
              </tr>
            </thead>
            <tbody>
              {responses.map((r) => (
                <tr>
                  <th scope="row">{t(`impact.report.wave_${r.wave}`)}</th>
                  <td class="num">{formatNumber(r.sent, locale)}</td>
                  <td class="num">{formatNumber(r.answered, locale)}</td>
                  <td class="num">
                    {r.sent
                      ? `${formatNumber(Math.round((r.answered / r.sent) * 1000) / 10, locale, 1)}%`
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <dl class="figures">
          <dt>{t('impact.report.realised_value')}</dt>
          <dd>{formatIdr(realised, locale)}</dd>
          <dt>{t('impact.report.reported_value')}</dt>
          <dd>{formatIdr(reportedIdr, locale)}</dd>
        </dl>
      </section>
    </>
  );
}
