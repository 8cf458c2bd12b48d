import { EVENT_ZONES } from '../../src/events/schema.js';
import { formatDateTime, formatTime } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import { Field, FormErrors, Select } from '../components/form.js';
import { TextArea } from '../events/EventFormPage.js';
import { ActionButton } from '../events/parts.js';
import type { AdhocView, MyOrgOption } from './models.js';

export interface AdhocPageProps {
  t: T;
  locale: Locale;
  meetings: AdhocView[];
  myOrgs: MyOrgOption[];
  orgs: { id: string; name: string; kind: string }[];
  values: Record<string, string>;
  errors: Record<string, string>;
}

/** Meetings outside events: the user's proposals and invitations, and the form to propose one. */
export function AdhocPage({ t, locale, meetings, myOrgs, orgs, values, errors }: AdhocPageProps) {
  const mine = new Set(myOrgs.map((o) => o.id));
  return (
    <section id="adhoc">
      <h1>{t('events.adhoc.title')}</h1>
      <p>{t('events.adhoc.lead')}</p>
      {meetings.length === 0 ? <p>{t('events.adhoc.none')}</p> : null}
      <ul class="adhoc-list">
        {meetings.map((m) => {
          const incoming = mine.has(m.counterpartOrgId);
          return (
            <li>
              <strong>
                {formatDateTime(m.startsAt, m.timezone, locale)}–{formatTime(m.endsAt, m.timezone, locale)}
              </strong>{' '}
              <span class="badge">{t(`events.adhoc.status.${m.status}`)}</span>
              <br />
              {t('events.adhoc.between', { from: m.proposerOrgName, to: m.counterpartOrgName })}
              {m.place ? ` · ${m.place}` : ''}
              {m.onlineUrl ? (
                <>
                  {' · '}
                  <a href={m.onlineUrl} rel="noopener noreferrer">
                    {m.onlineUrl}
                  </a>
                </>
              ) : null}
              {m.message ? <p class="muted">{m.message}</p> : null}
              <span class="actions">
                {incoming && m.status === 'proposed' ? (
                  <>
                    <ActionButton action={`/meetings/${m.id}/accept`} label={t('events.adhoc.accept')} />
                    <ActionButton
                      action={`/meetings/${m.id}/decline`}
                      label={t('events.adhoc.decline')}
                      secondary
                    />
                  </>
                ) : null}
                {m.status === 'proposed' || m.status === 'scheduled' ? (
                  <ActionButton
                    action={`/meetings/${m.id}/cancel`}
                    label={t('events.adhoc.cancel')}
                    secondary
                  />
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
      <article>
        <h2>{t('events.adhoc.propose')}</h2>
        <FormErrors message={Object.keys(errors).length ? t(errors._ ?? 'errors.invalid') : null} />
        <form method="post" action="/meetings">
          <div class="grid">
            <Select
              name="from_org"
              label={t('events.adhoc.field.from_org')}
              value={values.from_org}
              error={errors.from_org}
              options={myOrgs.map((o) => ({ value: o.id, label: o.name }))}
            />
            <Select
              name="to_org"
              label={t('events.adhoc.field.to_org')}
              value={values.to_org}
              error={errors.to_org}
              options={orgs.filter((o) => !mine.has(o.id)).map((o) => ({ value: o.id, label: o.name }))}
            />
          </div>
          <div class="grid">
            <Field
              name="date"
              type="date"
              label={t('events.adhoc.field.date')}
              value={values.date}
              error={errors.date}
              required
            />
            <Field
              name="start"
              type="time"
              label={t('events.adhoc.field.start')}
              value={values.start}
              error={errors.start}
              required
            />
            <Field
              name="minutes"
              type="number"
              label={t('events.adhoc.field.minutes')}
              value={values.minutes ?? '30'}
              error={errors.minutes}
              attrs={{ min: '10', max: '480' }}
            />
            <Select
              name="timezone"
              label={t('events.adhoc.field.timezone')}
              value={values.timezone}
              error={errors.timezone}
              options={EVENT_ZONES.map((z) => ({ value: z, label: t(`events.zone.${z}`) }))}
            />
          </div>
          <Field
            name="place"
            label={t('events.adhoc.field.place')}
            value={values.place}
            error={errors.place}
          />
          <Field
            name="online_url"
            type="url"
            label={t('events.adhoc.field.online_url')}
            value={values.online_url}
            error={errors.online_url}
          />
          <TextArea
            name="message"
            label={t('events.adhoc.field.message')}
            value={values.message}
            error={errors.message}
          />
          <button type="submit">{t('events.adhoc.propose')}</button>
        </form>
      </article>
    </section>
  );
}
