import type { Locale, T } from '../../src/i18n/index.js';
import { Field, FormErrors, Select } from '../components/form.js';
import { type ProgressView, TargetProgress } from './TargetProgress.js';

/** A target with its realisation. */
export interface TargetView {
  id: string;
  officeName: string;
  eventName: string | null;
  year: number | null;
  progress: ProgressView[];
}

export interface TargetsPageProps {
  t: T;
  locale: Locale;
  offices: { id: string; name: string }[];
  events: { id: string; name: string }[];
  targets: TargetView[];
  values: Record<string, string>;
  errors: Record<string, string>;
}

const FIGURES = ['meetings_held', 'deals', 'mous', 'value_idr', 'ikm_verified', 'ikm_certified'] as const;

/**
 * An office's targets per event and per year, each with realisation against it, and the form to
 * set one (saving the same office and scope again replaces its figures).
 */
export function TargetsPage({ t, locale, offices, events, targets, values, errors }: TargetsPageProps) {
  return (
    <section id="targets">
      <h1>{t('impact.targets.title')}</h1>
      <p class="muted">{t('impact.targets.lead')}</p>
      {targets.length === 0 ? <p class="muted">{t('impact.targets.none')}</p> : null}
      {targets.map((x) => (
        <article id={`target-${x.id}`}>
          <h2>
            {x.officeName} · {x.eventName ?? t('impact.targets.year_n', { year: x.year ?? '' })}
          </h2>
          <TargetProgress t={t} locale={locale} rows={x.progress} />
        </article>
      ))}
      <p>
        <a href="/reports/targets/export.csv">{t('reports.export_csv')}</a>
      </p>
      <h2>{t('impact.targets.set')}</h2>
      <form method="post" action="/reports/targets" id="target-form">
        <FormErrors message={Object.keys(errors).length ? t('errors.invalid') : null} />
        <Select
          name="office_id"
          label={t('impact.targets.office')}
          value={values.office_id}
          error={errors.office_id}
          options={offices.map((o) => ({ value: o.id, label: o.name }))}
        />
        <Select
          name="scope"
          label={t('impact.targets.scope')}
          value={values.scope ?? 'year'}
          error={errors.scope}
          options={[
            { value: 'year', label: t('impact.targets.scope_year') },
            { value: 'event', label: t('impact.targets.scope_event') },
          ]}
        />
        <div class="grid">
          <Field
            name="year"
            type="number"
            label={t('impact.targets.year')}
            value={values.year}
            error={errors.year}
            attrs={{ min: '2000', max: '2100' }}
          />
          <Select
            name="event_id"
            label={t('impact.targets.event')}
            value={values.event_id}
            error={errors.event_id}
            options={[{ value: '', label: '—' }, ...events.map((e) => ({ value: e.id, label: e.name }))]}
          />
        </div>
        <div class="grid">
          {FIGURES.map((f) => (
            <Field
              name={f}
              label={t(`impact.targets.field.${f}`)}
              value={values[f]}
              error={errors[f]}
              attrs={{ inputmode: f === 'value_idr' ? 'decimal' : 'numeric', maxlength: '40' }}
            />
          ))}
        </div>
        <button type="submit">{t('impact.targets.save')}</button>
      </form>
    </section>
  );
}
