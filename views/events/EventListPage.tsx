import type { EventView } from './models.js';
import { type EventViewProps, when } from './parts.js';

/** Every event, newest first; facilitators get the "new event" button. */
export function EventListPage({
  t,
  locale,
  events,
  staff,
}: EventViewProps & { events: EventView[]; staff: boolean }) {
  return (
    <section id="events">
      <h1>{t('events.title')}</h1>
      <p class="lead">{t('events.lead')}</p>
      <p class="actions">
        {staff ? (
          <a href="/events/new" class="cta">
            {t('events.new')}
          </a>
        ) : null}
        <a href="/meetings" class="cta secondary">
          {t('events.adhoc.title')}
        </a>
      </p>
      {events.length === 0 ? <p>{t('events.none')}</p> : null}
      <ul class="event-list">
        {events.map((e) => (
          <li>
            <a href={`/events/${e.id}`}>
              <strong>{e.name}</strong>
            </a>
            <br />
            <small>
              {when(e, e.startsAt, locale)} · {e.venue}
              {e.organizerName ? ` · ${e.organizerName}` : ''}
            </small>
          </li>
        ))}
      </ul>
    </section>
  );
}
