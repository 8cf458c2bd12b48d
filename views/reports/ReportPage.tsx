import { formatDateTime, formatNumber } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import { periodText } from '../../src/reports/period.js';
import type { Report } from '../../src/reports/service.js';
import { BarChart, FunnelChart, stepConversion } from './charts.js';
import { ImpactPanels, type ReportTargetView, type ResponseView } from './ImpactPanels.js';
import type { FilterOptionsView } from './models.js';
import { Breakdown, ChartWithTable, Figure, Money, percent } from './parts.js';
import { filterToQuery, topGroups } from './present.js';
import { ReportFilters } from './ReportFilters.js';
import { type HelpWantedView, type ObstacleView, SurveyNeeds } from './SurveyNeeds.js';

export interface ReportPageProps {
  t: T;
  locale: Locale;
  report: Report;
  options: FilterOptionsView;
  offices: string[];
  values: Record<string, string>;
  errors: Record<string, string>;
  generatedAt: Date;
  /** The zone of the report's event or office, for times on the page. */
  zone: string;
  responses: ResponseView[];
  targets: ReportTargetView[];
  /** Survey answers' help wanted and obstacles (absent: the panel is not shown). */
  help?: HelpWantedView[];
  obstacles?: ObstacleView[];
}

const STATUSES = ['deal', 'mou', 'follow_up', 'no_deal', 'pending'] as const;
const BREAKDOWN_ROWS = 15;

/** "1 Januari 2026 – 30 Juni 2026": the filter's dates, else the first and last meeting in scope. */
function Headline({ t, locale, r }: { t: T; locale: Locale; r: Report }) {
  return (
    <dl class="figures" id="report-figures">
      <Figure id="fig-requests" label={t('reports.fig.requests')}>
        {formatNumber(r.requests.total, locale)}{' '}
        <small>
          ({t('reports.fig.requests_accepted', { n: formatNumber(r.requests.accepted, locale) })})
        </small>
      </Figure>
      <Figure id="fig-scheduled" label={t('reports.fig.scheduled')}>
        {formatNumber(r.scheduled, locale)}
      </Figure>
      <Figure id="fig-held" label={t('reports.fig.held')}>
        {formatNumber(r.held, locale)}
      </Figure>
      <Figure id="fig-no-show" label={t('reports.fig.no_show_rate')}>
        {percent(r.noShowRate, locale)}{' '}
        <small>
          (
          {t('reports.fig.no_show_detail', {
            buyer: r.noShows.buyer,
            supplier: r.noShows.supplier,
            both: r.noShows.both,
          })}
          )
        </small>
      </Figure>
      <Figure id="fig-deals" label={t('reports.fig.deals_mous')}>
        {formatNumber(r.statuses.deal, locale)} / {formatNumber(r.statuses.mou, locale)}
      </Figure>
      {r.rfqAwards ? <RfqAwards t={t} locale={locale} r={r} awards={r.rfqAwards} /> : null}
      <Figure id="fig-value-total" label={t('reports.fig.value_total')}>
        <Money value={r.value.total} locale={locale} />
      </Figure>
      <Figure id="fig-value-median" label={t('reports.fig.value_median')}>
        <Money value={r.value.median} locale={locale} />
      </Figure>
      <Figure id="fig-suppliers" label={t('reports.fig.suppliers_with_deal')}>
        {formatNumber(r.suppliersWithDeal, locale)}
      </Figure>
      <Figure id="fig-awaiting" label={t('reports.fig.awaiting')}>
        {formatNumber(r.awaitingReconciliation, locale)}
      </Figure>
    </dl>
  );
}

/**
 * Deals closed by awarding a quote sit next to the meeting deals but are never added to them: the
 * meeting figures stay what the official records say, and an award has no meeting behind it.
 */
function RfqAwards({
  t,
  locale,
  r,
  awards,
}: {
  t: T;
  locale: Locale;
  r: Report;
  awards: NonNullable<Report['rfqAwards']>;
}) {
  const scoped = !!(r.filter.event || r.filter.office);
  return (
    <Figure id="fig-rfq-awards" label={t('reports.fig.rfq_awards')}>
      {t('reports.fig.rfq_awards_detail', { n: formatNumber(awards.count, locale) })} ·{' '}
      <Money value={awards.value} locale={locale} />
      <br />
      <small class="muted">
        {scoped ? t('reports.fig.rfq_awards_scoped') : t('reports.fig.rfq_awards_note')}
      </small>
    </Figure>
  );
}

function Statuses({ t, locale, r }: { t: T; locale: Locale; r: Report }) {
  const title = t('reports.statuses');
  const chart = (
    <BarChart
      id="statuses-chart"
      title={title}
      bars={STATUSES.map((s) => ({
        label: t(`outcomes.status.${s}`),
        value: r.statuses[s],
        display: formatNumber(r.statuses[s], locale),
      }))}
    />
  );
  const table = (
    <table class="report-table">
      <tbody>
        {STATUSES.map((s) => (
          <tr>
            <th scope="row">{t(`outcomes.status.${s}`)}</th>
            <td class="num">{formatNumber(r.statuses[s], locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return <ChartWithTable id="report-statuses" title={title} chart={chart} table={table} />;
}

function Funnel({ t, locale, r }: { t: T; locale: Locale; r: Report }) {
  const title = t('reports.funnel');
  const steps = r.funnel.map((f) => ({
    label: t(`reports.funnel.${f.step}`),
    count: f.count,
    display: formatNumber(f.count, locale),
  }));
  const table = (
    <table class="report-table">
      <thead>
        <tr>
          <th scope="col">{t('reports.col.step')}</th>
          <th scope="col" class="num">
            {t('reports.col.count')}
          </th>
          <th scope="col" class="num">
            {t('reports.col.conversion')}
          </th>
        </tr>
      </thead>
      <tbody>
        {steps.map((s, i) => {
          const pct = stepConversion(steps, i);
          return (
            <tr>
              <th scope="row">{s.label}</th>
              <td class="num">{s.display}</td>
              <td class="num">{pct === null ? '—' : `${pct}%`}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
  return (
    <>
      <ChartWithTable
        id="report-funnel"
        title={title}
        chart={<FunnelChart id="funnel-chart" title={title} steps={steps} />}
        table={table}
      />
      <p class="muted small">{t('reports.funnel_note')}</p>
    </>
  );
}

/**
 * The facilitators' impact report: filters, headline figures, outcome counts, the conversion
 * funnel and four breakdowns, each chart beside its table. Prints on A4 with the office and
 * period in the header; exports keep the current filters.
 */
export function ReportPage(p: ReportPageProps) {
  const { t, locale, report: r } = p;
  const qs = filterToQuery(r.filter);
  const other = t('reports.other');
  return (
    <section id="report" class="report">
      <header class="report-header">
        <h1>{t('reports.title')}</h1>
        <p class="print-meta">
          <strong>{p.offices.length ? p.offices.join(', ') : t('reports.office_all')}</strong>
          <br />
          {t('reports.period')}: {periodText(t, locale, r.filter, r.span)}
          <br />
          <small>{t('reports.generated', { when: formatDateTime(p.generatedAt, p.zone, locale) })}</small>
        </p>
      </header>
      <ReportFilters t={t} locale={locale} options={p.options} values={p.values} errors={p.errors} />
      <p class="report-actions no-print">
        <a href={`/reports/export.xlsx${qs}`} class="cta secondary">
          {t('reports.export_xlsx')}
        </a>{' '}
        <a href={`/reports/export.csv${qs}`} class="cta secondary">
          {t('reports.export_csv')}
        </a>{' '}
        <a href={`/reports/export.csv${qs ? `${qs}&` : '?'}sep=comma`} class="secondary">
          {t('impact.report.csv_comma')}
        </a>{' '}
        <a href="/reports/targets">{t('impact.report.targets')}</a>{' '}
        <a
          href={
            r.filter.event
              ? `/pipeline?event=${r.filter.event}`
              : r.filter.office
                ? `/pipeline?office=${r.filter.office}`
                : '/pipeline'
          }
        >
          {t('impact.report.pipeline')}
        </a>{' '}
        <small class="muted">{t('reports.print_hint')}</small>
      </p>
      <Headline t={t} locale={locale} r={r} />
      {r.awaitingReconciliation > 0 ? (
        <p class="muted no-print">
          <a href="/outcomes?queue=1">{t('reports.awaiting_link', { n: r.awaitingReconciliation })}</a>
        </p>
      ) : null}
      <Statuses t={t} locale={locale} r={r} />
      <Funnel t={t} locale={locale} r={r} />
      <ImpactPanels
        t={t}
        locale={locale}
        responses={p.responses}
        reportedIdr={r.value.total}
        targets={p.targets}
      />
      <SurveyNeeds t={t} locale={locale} zone={p.zone} help={p.help ?? []} obstacles={p.obstacles ?? []} />
      <h2>{t('reports.breakdowns')}</h2>
      <Breakdown
        id="by-province"
        t={t}
        locale={locale}
        title={t('reports.by.province')}
        groups={topGroups(r.breakdowns.province, BREAKDOWN_ROWS, other)}
      />
      <Breakdown
        id="by-sector"
        t={t}
        locale={locale}
        title={t('reports.by.sector')}
        groups={topGroups(r.breakdowns.sector, BREAKDOWN_ROWS, other)}
      />
      <p class="muted small" id="sector-note">
        {t('impact.report.sector_note')}
      </p>
      <Breakdown
        id="by-estate"
        t={t}
        locale={locale}
        title={t('reports.by.estate')}
        groups={topGroups(r.breakdowns.estate, BREAKDOWN_ROWS, other)}
      />
      <Breakdown
        id="by-buyer"
        t={t}
        locale={locale}
        title={t('reports.by.buyer')}
        groups={topGroups(r.breakdowns.buyer, BREAKDOWN_ROWS, other)}
      />
    </section>
  );
}
