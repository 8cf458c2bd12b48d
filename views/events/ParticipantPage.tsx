import type { EventView, ParticipantView, RequestView, SlotView } from './models.js';
import { ActionButton, EventNav, type EventViewProps, slotsByDay, slotTime } from './parts.js';

export interface ParticipantPageProps extends EventViewProps {
  event: EventView;
  participant: ParticipantView;
  slots: SlotView[];
  unavailable: string[];
  requests: RequestView[];
  quotaUsed: number;
  staff: boolean;
}

function RequestTable({
  t,
  rows,
  incoming,
  eventId,
}: Pick<EventViewProps, 't'> & { rows: RequestView[]; incoming: boolean; eventId: string }) {
  if (rows.length === 0) return <p class="muted">{t('events.requests_none')}</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{incoming ? t('events.request.from') : t('events.request.to')}</th>
          <th scope="col">{t('events.request.priority')}</th>
          <th scope="col">{t('events.request.message')}</th>
          <th scope="col">{t('events.request.status')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td>{incoming ? `${r.fromName} · ${r.fromOrgName}` : `${r.toName} · ${r.toOrgName}`}</td>
            <td>{t(`events.priority.${r.priority}`)}</td>
            <td>{r.message}</td>
            <td>
              <span class="badge">{t(`events.rstatus.${r.status}`)}</span>
              {r.mutual ? <small class="muted"> ({t('events.request.mutual')})</small> : null}
              {incoming && r.status === 'pending' ? (
                <span class="actions">
                  <ActionButton
                    action={`/events/${eventId}/requests/${r.id}/accept`}
                    label={t('events.request.accept')}
                  />
                  <ActionButton
                    action={`/events/${eventId}/requests/${r.id}/decline`}
                    label={t('events.request.decline')}
                    secondary
                  />
                </span>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One representative's own page: requests in and out, unavailable slots, links to the agenda. */
export function ParticipantPage(p: ParticipantPageProps) {
  const { t, locale, event, participant: me } = p;
  const base = `/events/${event.id}/participants/${me.id}`;
  const blocked = new Set(p.unavailable);
  const incoming = p.requests.filter((r) => r.toParticipantId === me.id);
  const outgoing = p.requests.filter((r) => r.fromParticipantId === me.id);
  return (
    <section id="participant">
      <EventNav t={t} eventId={event.id} staff={p.staff} />
      <p>
        <a href={`/events/${event.id}`}>{event.name}</a>
      </p>
      <h1>{t('events.participant.title', { name: me.name, org: me.organizationName })}</h1>
      <p>
        <span class="badge">{t(`events.status.${me.status}`)}</span>
      </p>
      <p class="actions">
        <a href={`${base}/agenda`} class="cta">
          {t('events.agenda')}
        </a>
        <a href={`${base}/agenda.ics`} class="cta secondary">
          {t('events.agenda_ics')}
        </a>
        {me.status === 'approved' ? (
          <a href={`/events/${event.id}/participants`} class="cta secondary">
            {t('events.request_meeting')}
          </a>
        ) : null}
      </p>

      <h2>{t('events.requests_in')}</h2>
      <RequestTable t={t} rows={incoming} incoming eventId={event.id} />
      <h2>{t('events.requests_out')}</h2>
      <p class="muted">
        {t('events.request.quota_left', {
          n: Math.max(0, event.requestQuota - p.quotaUsed),
          max: event.requestQuota,
        })}
      </p>
      <RequestTable t={t} rows={outgoing} incoming={false} eventId={event.id} />

      <h2>{t('events.unavailability')}</h2>
      <p>{t('events.unavailability_lead')}</p>
      <form method="post" action={`${base}/unavailability`} id="unavailability">
        {slotsByDay(event, p.slots, locale).map((group) => (
          <fieldset>
            <legend>{group.day}</legend>
            <div class="slot-checks">
              {group.slots.map((s) => (
                <label for={`slot-${s.id}`}>
                  <input
                    type="checkbox"
                    id={`slot-${s.id}`}
                    name="slots"
                    value={s.id}
                    checked={blocked.has(s.id)}
                  />
                  {slotTime(event, s, locale)}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <button type="submit">{t('events.save_unavailability')}</button>
      </form>
    </section>
  );
}
