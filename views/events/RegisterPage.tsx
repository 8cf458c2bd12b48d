import type { T } from '../../src/i18n/index.js';
import { Field, FormErrors, Select } from '../components/form.js';
import type { EventView, RegistrableOrg } from './models.js';

/** Registers one representative of a buyer or IKM organisation. */
export function RegisterPage({
  t,
  event,
  orgs,
  staff,
  values,
  errors,
}: {
  t: T;
  event: EventView;
  orgs: RegistrableOrg[];
  staff: boolean;
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  return (
    <section id="event-register">
      <p>
        <a href={`/events/${event.id}`}>{event.name}</a>
      </p>
      <h1>{t('events.register_title')}</h1>
      <p>{t('events.register_lead')}</p>
      <FormErrors message={Object.keys(errors).length ? t(errors._ ?? 'errors.invalid') : null} />
      <form method="post" action={`/events/${event.id}/register`}>
        <Select
          name="organization_id"
          label={t('events.field.organization')}
          value={values.organization_id}
          error={errors.organization_id}
          required
          options={orgs.map((o) => ({ value: o.id, label: `${o.name} · ${t(`kind.${o.kind}`)}` }))}
        />
        <Field
          name="name"
          label={t('events.field.representative')}
          value={values.name}
          error={errors.name}
          required
        />
        {staff ? null : (
          <label for="f-represent_self">
            <input
              type="checkbox"
              id="f-represent_self"
              name="represent_self"
              checked={values.represent_self !== undefined && values.represent_self !== ''}
            />
            {t('events.field.represent_self')}
          </label>
        )}
        <button type="submit">{t('events.register')}</button>
      </form>
    </section>
  );
}
