import { formatDate, formatNumber } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import { Field, Select } from '../components/form.js';
import { BarChart } from '../reports/charts.js';
import type { GapMapView, GapRowView } from './models.js';

export interface GapPageProps {
  t: T;
  locale: Locale;
  estates: { slug: string; name: string }[];
  view: GapMapView | null;
  values: Record<string, string>;
  errors: Record<string, string>;
}

const CHART_ROWS = 12;

/** The estate and radius as a plain GET form: the URL is the map's address. */
function GapForm({ t, estates, values, errors }: Omit<GapPageProps, 'view' | 'locale'>) {
  return (
    <form method="get" action="/reports/gaps" class="report-filters no-print" id="gap-form">
      <div class="grid">
        <Select
          name="estate"
          label={t('gaps.estate')}
          value={values.estate}
          error={errors.estate}
          required
          options={[
            { value: '', label: t('gaps.choose_estate') },
            ...estates.map((e) => ({ value: e.slug, label: e.name })),
          ]}
        />
        <Field
          name="radius_km"
          type="number"
          label={t('gaps.radius')}
          hint={t('gaps.radius_hint')}
          value={values.radius_km ?? '100'}
          error={errors.radius_km}
          attrs={{ min: '1', max: '500', step: '1', inputmode: 'numeric' }}
        />
      </div>
      <button type="submit">{t('gaps.show')}</button>
    </form>
  );
}

/** One gap: its requirement, demand, qualified count and the partial suppliers with their lacks. */
function GapCard({ t, row }: { t: T; row: GapRowView }) {
  const needsBits = [row.materials, row.certs, row.minTkdn !== null ? `TKDN ≥ ${row.minTkdn}%` : '']
    .filter(Boolean)
    .join(' · ');
  return (
    <article class={`gap gap-${row.level}`}>
      <h3>
        {row.capability} <small class={`badge badge-${row.level}`}>{t(`gaps.level.${row.level}`)}</small>
      </h3>
      {needsBits ? <p>{needsBits}</p> : null}
      <p>
        {t('gaps.col.qualified')}: <strong>{row.qualified}</strong> · {t('gaps.col.needs')}: {row.needs} (
        {t('gaps.col.open_needs')}: {row.openNeeds}, {t('gaps.col.unmatched_needs')}: {row.unmatchedNeeds}) ·{' '}
        {t('gaps.col.tenants')}: {row.tenants}
      </p>
      {row.level === 'covered' ? null : row.partial.length ? (
        <details open={row.level === 'none'}>
          <summary>{t('gaps.partial_title')}</summary>
          <ul>
            {row.partial.map((p) => (
              <li>
                <a href={`/suppliers/${p.id}`}>{p.name}</a> ({p.place}, {p.distanceKm} km):{' '}
                {p.lacks.join(', ')}
              </li>
            ))}
          </ul>
        </details>
      ) : (
        <p>
          <small>{t('gaps.partial_none')}</small>
        </p>
      )}
    </article>
  );
}

/** The supply-chain gap map of an estate: form, headline, chart beside a table, and gap cards. */
export function GapPage({ t, locale, estates, view, values, errors }: GapPageProps) {
  const query = view ? `estate=${encodeURIComponent(view.estateSlug)}&radius_km=${view.radiusKm}` : '';
  return (
    <section id="gap-map">
      <h1>{t('gaps.title')}</h1>
      <p>{t('gaps.intro')}</p>
      <p>
        <small>{t('gaps.auth_note')}</small>
      </p>
      <GapForm t={t} estates={estates} values={values} errors={errors} />
      {view ? (
        <>
          <p id="gap-summary">
            {t('gaps.summary', {
              estate: view.estateName,
              radius: view.radiusKm,
              suppliers: formatNumber(view.suppliersInReach, locale),
              date: formatDate(new Date(`${view.asOf}T12:00:00Z`), locale),
            })}
          </p>
          <p class="no-print">
            <a href={`/reports/gaps/export.csv?${query}`}>{t('gaps.export_csv')}</a> ·{' '}
            <a href={`/reports/gaps/export.xlsx?${query}`}>{t('gaps.export_xlsx')}</a>
          </p>
          {view.rows.length === 0 ? (
            <p>{t('gaps.empty')}</p>
          ) : (
            <>
              <h2>{t('gaps.chart_title')}</h2>
              <div class="table-scroll">
                <BarChart
                  id="gap-chart"
                  title={t('gaps.chart_title')}
                  bars={view.rows.slice(0, CHART_ROWS).map((r) => ({
                    label: r.capability,
                    value: r.needs + r.tenants,
                    display: t('gaps.chart_value', { demand: r.needs + r.tenants, qualified: r.qualified }),
                  }))}
                />
              </div>
              <p>
                <small>{t('gaps.who_note')}</small>
              </p>
              <div id="gap-rows">
                {view.rows.map((row) => (
                  <GapCard t={t} row={row} />
                ))}
              </div>
            </>
          )}
        </>
      ) : null}
    </section>
  );
}
