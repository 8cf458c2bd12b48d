import { formatDate } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import { Field, Select } from '../components/form.js';
import type { FilterOptionsView } from './models.js';

export interface ReportFiltersProps {
  t: T;
  locale: Locale;
  options: FilterOptionsView;
  values: Record<string, string>;
  errors: Record<string, string>;
}

/** The report's filters as a plain GET form (works without JS; the URL is the report's address). */
export function ReportFilters({ t, locale, options, values, errors }: ReportFiltersProps) {
  const all = { value: '', label: t('reports.filter.all') };
  return (
    <form
      method="get"
      action="/reports"
      class="report-filters no-print"
      aria-label={t('reports.filter.title')}
    >
      <div class="grid">
        <Select
          name="event"
          label={t('reports.filter.event')}
          value={values.event}
          error={errors.event}
          options={[
            all,
            ...options.events.map((e) => ({
              value: e.id,
              label: `${e.name} (${formatDate(e.startsAt, locale)})`,
            })),
          ]}
        />
        <Select
          name="office"
          label={t('reports.filter.office')}
          value={values.office}
          error={errors.office}
          options={[all, ...options.offices.map((o) => ({ value: o.id, label: o.name }))]}
        />
      </div>
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
          name="estate"
          label={t('reports.filter.estate')}
          value={values.estate}
          error={errors.estate}
          options={[all, ...options.estates.map((e) => ({ value: e.slug, label: e.name }))]}
        />
      </div>
      <div class="grid">
        <Select
          name="province"
          label={t('reports.filter.province')}
          value={values.province}
          error={errors.province}
          options={[all, ...options.provinces.map((p) => ({ value: p.code, label: p.name }))]}
        />
        <Select
          name="regency"
          label={t('reports.filter.regency')}
          value={values.regency}
          error={errors.regency}
          options={[
            {
              value: '',
              label: t(options.regencies.length ? 'reports.filter.all' : 'reports.filter.regency_hint'),
            },
            ...options.regencies.map((r) => ({ value: r.code, label: r.name })),
          ]}
        />
        <Select
          name="sector"
          label={t('reports.filter.sector')}
          value={values.sector}
          error={errors.sector}
          options={[
            all,
            ...options.sectors.map((s) => ({
              value: s.slug,
              label: locale === 'en' ? s.labelEn : s.labelId,
            })),
          ]}
        />
      </div>
      <button type="submit">{t('reports.filter.apply')}</button>{' '}
      <a href="/reports">{t('reports.filter.reset')}</a>
    </form>
  );
}
