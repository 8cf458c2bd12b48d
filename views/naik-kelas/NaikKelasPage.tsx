import { formatNumber, ZONES } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import { Field, Select } from '../components/form.js';
import { BarChart } from '../reports/charts.js';
import type { NaikKelasGroupView, NaikKelasView } from './models.js';

export interface NaikKelasPageProps {
  t: T;
  locale: Locale;
  report: NaikKelasView;
  offices: { id: string; name: string }[];
  values: Record<string, string>;
  errors: Record<string, string>;
}

const KINDS = ['verified', 'certificate', 'first_deal', 'repeat_deal'] as const;

/** A breakdown as a bar chart beside its table (the numbers never hide behind the chart). */
function Groups({
  id,
  t,
  locale,
  title,
  groups,
  none,
}: {
  id: string;
  t: T;
  locale: Locale;
  title: string;
  groups: NaikKelasGroupView[];
  none: string;
}) {
  const label = (g: NaikKelasGroupView) => (locale === 'en' ? g.labelEn : g.labelId) ?? g.key ?? none;
  return (
    <section class="report-figure" id={id}>
      <h2>{title}</h2>
      {groups.length ? (
        <div class="chart-pair">
          <BarChart
            id={`${id}-chart`}
            title={title}
            bars={groups.slice(0, 12).map((g) => ({ label: label(g), value: g.ikm, display: String(g.ikm) }))}
          />
          <div class="table-scroll">
            <table class="report-table">
              <tbody>
                {groups.map((g) => (
                  <tr>
                    <th scope="row">{label(g)}</th>
                    <td class="num">{formatNumber(g.ikm, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : (
        <p class="muted">{t('reports.empty')}</p>
      )}
    </section>
  );
}

/** How many IKM moved up in a period, with the definition spelled out on the page. */
export function NaikKelasPage({ t, locale, report, offices, values, errors }: NaikKelasPageProps) {
  const zone = ZONES[report.zone as keyof typeof ZONES] ?? report.zone;
  return (
    <section id="naik-kelas">
      <h1>{t('naik.title')}</h1>
      <p id="naik-definition">{t('naik.definition', { zone })}</p>
      <form method="get" action="/reports/naik-kelas" class="report-filters no-print">
        <div class="grid">
          <Field
            name="from"
            type="date"
            label={t('reports.filter.from')}
            value={values.from}
            error={errors.from}
          />
          <Field name="to" type="date" label={t('reports.filter.to')} value={values.to} error={errors.to} />
          <Select
            name="office"
            label={t('reports.filter.office')}
            value={values.office}
            error={errors.office}
            options={[
              { value: '', label: t('reports.filter.all') },
              ...offices.map((o) => ({ value: o.id, label: o.name })),
            ]}
          />
        </div>
        <button type="submit">{t('naik.show')}</button>
      </form>
      <dl class="figures" id="naik-figures">
        <div class="figure" id="naik-total">
          <dt>{t('naik.total')}</dt>
          <dd>{formatNumber(report.total, locale)}</dd>
        </div>
        {KINDS.map((k) => (
          <div class="figure" id={`naik-${k}`}>
            <dt>{t(`naik.kind.${k}`)}</dt>
            <dd>{formatNumber(report.byKind[k], locale)}</dd>
          </div>
        ))}
      </dl>
      <p>
        <small>{t('naik.estate_note')}</small>
      </p>
      <Groups
        id="naik-province"
        t={t}
        locale={locale}
        title={t('naik.by.province')}
        groups={report.byProvince}
        none={t('reports.none')}
      />
      <Groups
        id="naik-sector"
        t={t}
        locale={locale}
        title={t('naik.by.sector')}
        groups={report.bySector}
        none={t('reports.none')}
      />
      <Groups
        id="naik-estate"
        t={t}
        locale={locale}
        title={t('naik.by.estate')}
        groups={report.byEstate}
        none={t('naik.none')}
      />
    </section>
  );
}
