import type { T } from '../../src/i18n/index.js';
import { FormErrors, Select } from '../components/form.js';
import { TextArea } from './EventFormPage.js';
import type { EventView, ParticipantView, RequestView } from './models.js';
import { ActionButton, EventNav } from './parts.js';

const label = (p: ParticipantView) => `${p.name} · ${p.organizationName}`;

/** Asks for a meeting: from one of the visitor's representatives (anyone, for staff) to another. */
export function RequestFormPage({
  t,
  event,
  from,
  to,
  values,
  errors,
}: {
  t: T;
  event: EventView;
  from: ParticipantView[];
  to: ParticipantView[];
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  const priority = values.priority ?? '2';
  return (
    <section id="request-form">
      <p>
        <a href={`/events/${event.id}`}>{event.name}</a>
      </p>
      <h1>{t('events.request.title')}</h1>
      <FormErrors message={Object.keys(errors).length ? t(errors._ ?? 'errors.invalid') : null} />
      <form method="post" action={`/events/${event.id}/requests`}>
        <Select
          name="from"
          label={t('events.request.from')}
          value={values.from}
          error={errors.from}
          required
          options={from.map((p) => ({ value: p.id, label: label(p) }))}
        />
        <Select
          name="to"
          label={t('events.request.to')}
          value={values.to}
          error={errors.to}
          required
          options={to.map((p) => ({ value: p.id, label: label(p) }))}
        />
        <fieldset>
          <legend>{t('events.request.priority')}</legend>
          {['3', '2', '1'].map((v) => (
            <label for={`f-priority-${v}`}>
              <input type="radio" id={`f-priority-${v}`} name="priority" value={v} checked={priority === v} />
              {t(`events.priority.${v}`)}
            </label>
          ))}
          {errors.priority ? <small class="field-error">{errors.priority}</small> : null}
        </fieldset>
        <TextArea
          name="message"
          label={t('events.request.message')}
          value={values.message}
          error={errors.message}
        />
        <button type="submit">{t('events.request.send')}</button>
      </form>
    </section>
  );
}

/** Every request of the event, for facilitators, who can answer on either side's behalf. */
export function AllRequestsPage({
  t,
  event,
  requests,
  status,
}: {
  t: T;
  event: EventView;
  requests: RequestView[];
  status: string;
}) {
  return (
    <section id="event-requests">
      <EventNav t={t} eventId={event.id} staff />
      <h1>
        {t('events.all_requests')} · {event.name}
      </h1>
      <p class="actions">
        <a href={`/events/${event.id}/requests/new`} class="cta">
          {t('events.request_meeting')}
        </a>
      </p>
      <form method="get" action={`/events/${event.id}/requests`} class="filters">
        <Select
          name="status"
          label={t('events.request.status')}
          value={status}
          options={[
            { value: '', label: t('events.filter.status_all') },
            ...(['pending', 'accepted', 'declined', 'expired'] as const).map((s) => ({
              value: s,
              label: t(`events.rstatus.${s}`),
            })),
          ]}
        />
        <button type="submit" class="secondary">
          {t('events.filter')}
        </button>
      </form>
      {requests.length === 0 ? <p>{t('events.requests_none')}</p> : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('events.request.from')}</th>
            <th scope="col">{t('events.request.to')}</th>
            <th scope="col">{t('events.request.priority')}</th>
            <th scope="col">{t('events.request.status')}</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((r) => (
            <tr>
              <td>
                {r.fromName} · {r.fromOrgName}
              </td>
              <td>
                {r.toName} · {r.toOrgName}
              </td>
              <td>{t(`events.priority.${r.priority}`)}</td>
              <td>
                <span class="badge">{t(`events.rstatus.${r.status}`)}</span>
                {r.status !== 'accepted' ? (
                  <ActionButton
                    action={`/events/${event.id}/requests/${r.id}/accept`}
                    label={t('events.request.accept')}
                  />
                ) : null}
                {r.status === 'pending' || r.status === 'expired' ? (
                  <ActionButton
                    action={`/events/${event.id}/requests/${r.id}/decline`}
                    label={t('events.request.decline')}
                    secondary
                  />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
