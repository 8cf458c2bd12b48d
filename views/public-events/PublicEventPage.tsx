import type { T } from '../../src/i18n/index.js';
import { AccountFields } from '../auth/AccountFields.js';
import { Field, FormErrors, Select } from '../components/form.js';
import type { PublicEventView } from './models.js';

interface Props {
  t: T;
  event: PublicEventView;
  values?: Record<string, string>;
  errors?: Record<string, string>;
  registered?: boolean;
}

/** The event as anyone sees it: where, when, who takes part, and a way in. */
export function PublicEventPage({ t, event, values = {}, errors = {}, registered = false }: Props) {
  return (
    <article id="public-event">
      <h1>{event.name}</h1>
      <dl>
        <dt>{t('events.public.venue')}</dt>
        <dd>{event.venue}</dd>
        {event.organizer ? (
          <>
            <dt>{t('events.public.organizer')}</dt>
            <dd>{event.organizer}</dd>
          </>
        ) : null}
        <dt>{t('events.public.dates')}</dt>
        <dd>
          <ul>
            {event.days.map((d) => (
              <li>{d}</li>
            ))}
          </ul>
        </dd>
      </dl>
      <p>
        <a href={`/e/${event.slug}.ics`} download>
          {t('events.public.add_to_calendar')}
        </a>
      </p>
      <section>
        <h2>{t('events.public.orgs_title')}</h2>
        {event.orgs.length === 0 ? (
          <p>{t('events.public.orgs_empty')}</p>
        ) : (
          <ul id="public-orgs">
            {event.orgs.map((o) => (
              <li>
                <a href={`/suppliers/${o.id}`}>{o.name}</a>
                {o.regency ? ` · ${o.regency}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <RegisterSection t={t} event={event} values={values} errors={errors} registered={registered} />
    </article>
  );
}

function RegisterSection({ t, event, values = {}, errors = {}, registered }: Props) {
  if (registered)
    return (
      <section id="public-register" role="status">
        <h2>{t('events.public.register_title')}</h2>
        <p>{t('events.public.registered')}</p>
      </section>
    );
  if (!event.registrationOpen)
    return (
      <section id="public-register">
        <h2>{t('events.public.register_title')}</h2>
        <p>{t('events.public.registration_closed')}</p>
      </section>
    );
  const action = `/e/${event.slug}/register`;
  return (
    <section id="public-register">
      <h2>{t('events.public.register_title')}</h2>
      <p>{t('events.public.register_lead')}</p>
      <FormErrors message={Object.keys(errors).length ? t('errors.invalid') : null} />
      <form
        method="post"
        action={action}
        hx-post={action}
        hx-target="#public-event"
        hx-select="#public-event"
        hx-swap="outerHTML"
      >
        <AccountFields t={t} values={values} errors={errors} />
        <Field
          name="org_name"
          label={t('auth.org_name')}
          value={values.org_name}
          error={errors.org_name}
          required
          autocomplete="organization"
        />
        <Select
          name="org_kind"
          label={t('auth.org_kind')}
          value={values.org_kind}
          error={errors.org_kind}
          required
          options={[
            { value: 'supplier', label: t('kind.supplier') },
            { value: 'buyer', label: t('kind.buyer') },
          ]}
        />
        <button type="submit">{t('events.public.register_submit')}</button>
      </form>
      <p>
        {t('auth.register.have_account')}{' '}
        <a href={`/login?next=${encodeURIComponent(`/e/${event.slug}`)}`}>{t('nav.login')}</a>
      </p>
    </section>
  );
}
