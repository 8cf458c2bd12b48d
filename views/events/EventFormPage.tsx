import { EVENT_ZONES } from '../../src/events/schema.js';
import type { T } from '../../src/i18n/index.js';
import { Field, FormErrors, Select } from '../components/form.js';
import type { OrganizerOption } from './models.js';

export interface EventFormProps {
  t: T;
  /** Null when creating. */
  eventId: string | null;
  organizers: OrganizerOption[];
  estates: { id: string; name: string }[];
  values: Record<string, string>;
  errors: Record<string, string>;
  dayRows: number;
}

/** A labelled textarea with hint and error, like Field. */
export function TextArea({
  name,
  label,
  value,
  error,
  hint,
  rows = 3,
}: {
  name: string;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  rows?: number;
}) {
  const id = `f-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <label for={id}>
      {label}
      <textarea
        id={id}
        name={name}
        rows={rows}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      >
        {value ?? ''}
      </textarea>
      {hint ? <small id={`${id}-hint`}>{hint}</small> : null}
      {error ? (
        <small id={`${id}-error`} class="field-error">
          {error}
        </small>
      ) : null}
    </label>
  );
}

/** Create or edit an event: rundown as day rows, tables as a count or names, dates in the event's zone. */
export function EventFormPage({ t, eventId, organizers, estates, values, errors, dayRows }: EventFormProps) {
  const action = eventId ? `/events/${eventId}/edit` : '/events/new';
  return (
    <section id="event-form">
      <h1>{eventId ? t('events.edit') : t('events.new')}</h1>
      <FormErrors message={Object.keys(errors).length ? t(errors._ ?? 'errors.invalid') : null} />
      <form method="post" action={action}>
        <Field name="name" label={t('events.field.name')} value={values.name} error={errors.name} required />
        <Field
          name="venue"
          label={t('events.field.venue')}
          value={values.venue}
          error={errors.venue}
          required
        />
        <div class="grid">
          <Select
            name="organizer_id"
            label={t('events.field.organizer')}
            value={values.organizer_id}
            error={errors.organizer_id}
            options={[
              ...organizers.map((o) => ({ value: o.id, label: o.name })),
              { value: '', label: t('events.field.organizer_none') },
            ]}
          />
          <Select
            name="estate_id"
            label={t('events.field.estate')}
            value={values.estate_id}
            error={errors.estate_id}
            options={[
              { value: '', label: t('events.field.estate_none') },
              ...estates.map((e) => ({ value: e.id, label: e.name })),
            ]}
          />
        </div>
        <Select
          name="timezone"
          label={t('events.field.timezone')}
          value={values.timezone}
          error={errors.timezone}
          options={EVENT_ZONES.map((z) => ({ value: z, label: t(`events.zone.${z}`) }))}
        />
        <fieldset>
          <legend>{t('events.field.days')}</legend>
          <small>{t('events.field.days_hint')}</small>
          {errors.days ? <small class="field-error">{errors.days}</small> : null}
          {Array.from({ length: dayRows }, (_, i) => (
            <div class="grid day-row">
              <Field
                name={`days.${i}.date`}
                type="date"
                label={t('events.field.date', { n: i + 1 })}
                value={values[`days.${i}.date`]}
                error={errors[`days.${i}.date`]}
              />
              <Field
                name={`days.${i}.windows`}
                label={t('events.field.windows', { n: i + 1 })}
                value={values[`days.${i}.windows`]}
                error={errors[`days.${i}.windows`]}
                attrs={{ placeholder: '09.00-12.00, 13.00-16.00' }}
              />
            </div>
          ))}
        </fieldset>
        <div class="grid">
          <Field
            name="slot_minutes"
            type="number"
            label={t('events.field.slot_minutes')}
            value={values.slot_minutes}
            error={errors.slot_minutes}
            required
            attrs={{ min: '5', max: '240' }}
          />
          <Field
            name="break_minutes"
            type="number"
            label={t('events.field.break_minutes')}
            value={values.break_minutes}
            error={errors.break_minutes}
            attrs={{ min: '0', max: '120' }}
          />
        </div>
        <TextArea
          name="tables"
          label={t('events.field.tables')}
          value={values.tables}
          error={errors.tables}
          hint={t('events.field.tables_hint')}
        />
        <div class="grid">
          {(['registration_opens_at', 'registration_closes_at', 'request_deadline'] as const).map((name) => (
            <Field
              name={name}
              type="datetime-local"
              label={t(`events.field.${name}`)}
              value={values[name]}
              error={errors[name]}
              hint={t('events.field.times_hint')}
            />
          ))}
        </div>
        <Field
          name="request_quota"
          type="number"
          label={t('events.field.request_quota')}
          value={values.request_quota}
          error={errors.request_quota}
          attrs={{ min: '1', max: '500' }}
        />
        <input type="hidden" name="rows" value={String(dayRows)} />
        <p class="actions">
          {/* Save comes first: it is the button Enter presses. */}
          <button type="submit">{t('events.save')}</button>
          {dayRows < 14 ? (
            <button type="submit" name="add_day" value="1" class="secondary outline" formnovalidate>
              {t('events.more_days')}
            </button>
          ) : null}
        </p>
      </form>
    </section>
  );
}
