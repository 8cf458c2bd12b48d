import type { Child } from 'hono/jsx';
import { formatIdr, formatIdrCompact, formatNumber, formatPercent } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import { localLabel } from '../../src/i18n/label.js';
import { BarChart } from './charts.js';
import type { GroupView } from './models.js';

/** A compact amount with the exact one beside it for print and screen readers. */
export function Money({ value, locale }: { value: bigint | null; locale: Locale }) {
  if (value === null) return <span>—</span>;
  return (
    <span class="money" title={formatIdr(value, locale)}>
      {formatIdrCompact(value, locale)}
      <small class="exact"> ({formatIdr(value, locale)})</small>
    </span>
  );
}

/** One headline figure. */
export function Figure({ label, children, id }: { label: string; children: Child; id: string }) {
  return (
    <div class="figure" id={id}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A chart and its table, side by side: the chart never replaces the numbers. */
export function ChartWithTable({
  id,
  title,
  chart,
  table,
}: {
  id: string;
  title: string;
  chart: Child;
  table: Child;
}) {
  return (
    <figure class="report-figure" id={id}>
      <figcaption>
        <h3>{title}</h3>
      </figcaption>
      <div class="chart-pair">
        <div class="chart-cell">{chart}</div>
        <div class="table-cell">{table}</div>
      </div>
    </figure>
  );
}

/** A breakdown (province, sector, estate, buyer): bars of held meetings next to the full table. */
export function Breakdown({
  id,
  t,
  locale,
  title,
  groups,
  showValue = true,
}: {
  id: string;
  t: T;
  locale: Locale;
  title: string;
  groups: readonly GroupView[];
  showValue?: boolean;
}) {
  const none = t('reports.none');
  if (groups.length === 0)
    return (
      <section class="report-figure" id={id}>
        <h3>{title}</h3>
        <p class="muted">{t('reports.empty')}</p>
      </section>
    );
  const chart = (
    <BarChart
      id={`${id}-chart`}
      title={`${title}: ${t('reports.col.held')}`}
      bars={groups.map((g) => ({
        label: localLabel(g, locale, none),
        value: g.held,
        display: formatNumber(g.held, locale),
      }))}
    />
  );
  const table = (
    <table class="report-table">
      <thead>
        <tr>
          <th scope="col">{title}</th>
          <th scope="col" class="num">
            {t('reports.col.meetings')}
          </th>
          <th scope="col" class="num">
            {t('reports.col.held')}
          </th>
          <th scope="col" class="num">
            {t('reports.col.deals')}
          </th>
          <th scope="col" class="num">
            {t('reports.col.mous')}
          </th>
          {showValue ? (
            <th scope="col" class="num">
              {t('reports.col.value_idr')}
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr>
            <th scope="row">{localLabel(g, locale, none)}</th>
            <td class="num">{formatNumber(g.meetings, locale)}</td>
            <td class="num">{formatNumber(g.held, locale)}</td>
            <td class="num">{formatNumber(g.deals, locale)}</td>
            <td class="num">{formatNumber(g.mous, locale)}</td>
            {showValue ? (
              <td class="num" title={formatIdr(g.valueIdr, locale)}>
                {formatIdrCompact(g.valueIdr, locale)}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return <ChartWithTable id={id} title={title} chart={chart} table={table} />;
}

/** A rate (0..1) as a percentage with one decimal; a dash when there is nothing to divide by. */
export const percent = (rate: number | null, locale: Locale) =>
  rate === null ? '—' : formatPercent(rate * 100, locale, 1);
