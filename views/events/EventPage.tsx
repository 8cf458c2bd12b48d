import type { LoadedEvent } from '../../src/events/service.js';
import type { ParticipantView } from './models.js';
import { EventNav, type EventViewProps, slotsByDay, slotTime, when } from './parts.js';

export interface EventPageProps extends EventViewProps {
  loaded: LoadedEvent;
  staff: boolean;
  registrationOpen: boolean;
  own: ParticipantView[];
  canRegister: boolean;
}

/** The event's front page: facts, the rundown, the visitor's own representatives and what to do next. */
export function EventPage({ t, locale, loaded, staff, registrationOpen, own, canRegister }: EventPageProps) {
  const { event: e, slots, tables } = loaded;
  return (
    <section id="event">
      <EventNav t={t} eventId={e.id} staff={staff} />
      <h1>{e.name}</h1>
      <dl class="facts">
        <dt>{t('events.when')}</dt>
        <dd>
          {when(e, e.startsAt, locale)} – {when(e, e.endsAt, locale)}
        </dd>
        <dt>{t('events.where')}</dt>
        <dd>{e.venue}</dd>
        {e.organizerName ? (
          <>
            <dt>{t('events.organizer')}</dt>
            <dd>{e.organizerName}</dd>
          </>
        ) : null}
        {e.estateName ? (
          <>
            <dt>{t('events.estate')}</dt>
            <dd>{e.estateName}</dd>
          </>
        ) : null}
        <dt>{t('events.slots')}</dt>
        <dd>
          {t('events.slot_summary', { slots: slots.length, tables: tables.length, minutes: e.slotMinutes })}
          {e.breakMinutes ? `, ${t('events.break_summary', { minutes: e.breakMinutes })}` : ''}
        </dd>
        <dt>{t('events.registration')}</dt>
        <dd>
          {registrationOpen ? t('events.registration_open') : t('events.registration_closed')}
          {registrationOpen && e.registrationClosesAt
            ? ` ${t('events.registration_until', { when: when(e, e.registrationClosesAt, locale) })}`
            : ''}
        </dd>
      </dl>
      <p>
        {e.requestDeadline ? `${t('events.deadline', { when: when(e, e.requestDeadline, locale) })} · ` : ''}
        {t('events.quota', { n: e.requestQuota })}
      </p>
      <p>
        {e.publishedAt
          ? t('events.published', { when: when(e, e.publishedAt, locale) })
          : t('events.not_published')}
      </p>

      <h2>{t('events.your_participants')}</h2>
      {own.length === 0 ? <p>{t('events.no_own_participants')}</p> : null}
      <ul>
        {own.map((p) => (
          <li>
            <a href={`/events/${e.id}/participants/${p.id}`}>
              {p.name} · {p.organizationName}
            </a>{' '}
            <span class="badge">{t(`events.status.${p.status}`)}</span>{' '}
            <a href={`/events/${e.id}/participants/${p.id}/agenda`}>{t('events.agenda')}</a>
          </li>
        ))}
      </ul>
      {canRegister ? (
        <p>
          <a href={`/events/${e.id}/register`} class="cta">
            {t('events.register')}
          </a>
        </p>
      ) : null}
      {staff ? (
        <p class="actions">
          <a href={`/events/${e.id}/edit`} class="cta secondary">
            {t('events.edit')}
          </a>
          <a href={`/events/${e.id}/grid`} class="cta secondary">
            {t('events.grid')}
          </a>
          <a href={`/events/${e.id}/public-page`} class="cta secondary">
            {t('events.public.settings_link')}
          </a>
          <a href={`/events/${e.id}/export.csv`} class="cta secondary">
            {t('events.export')}: {t('events.export_csv')}
          </a>
          <a href={`/events/${e.id}/export.xlsx`} class="cta secondary">
            {t('events.export')}: {t('events.export_xlsx')}
          </a>
        </p>
      ) : null}

      <h2>{t('events.slots')}</h2>
      {slotsByDay(e, slots, locale).map((group) => (
        <details>
          <summary>
            {group.day} · {group.slots.length}
          </summary>
          <ol>
            {group.slots.map((s) => (
              <li>{slotTime(e, s, locale)}</li>
            ))}
          </ol>
        </details>
      ))}
    </section>
  );
}
