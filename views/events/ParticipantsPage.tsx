import type { Suggestion } from '../../src/events/suggest.js';
import type { T } from '../../src/i18n/index.js';
import { Field, Select } from '../components/form.js';
import type { CatalogueFilterView, EventView, ParticipantView } from './models.js';
import { ActionButton, EventNav } from './parts.js';

export interface ParticipantsPageProps {
  t: T;
  event: EventView;
  staff: boolean;
  filter: CatalogueFilterView;
  provinces: { code: string; name: string }[];
  participants: ParticipantView[];
  /** The visitor's approved representatives, who can ask for meetings. */
  own: ParticipantView[];
  suggestions: { participant: ParticipantView; items: Suggestion[] }[];
}

/** The participant catalogue with filters (active search with htmx), suggestions and approvals. */
export function ParticipantsPage(p: ParticipantsPageProps) {
  const { t, event, staff, filter } = p;
  const base = `/events/${event.id}/participants`;
  return (
    <section id="event-participants">
      <EventNav t={t} eventId={event.id} staff={staff} />
      <h1>
        {t('events.catalogue')} · {event.name}
      </h1>
      {p.suggestions.map(({ participant, items }) =>
        items.length ? (
          <article class="suggestions">
            <h2>
              {p.own.length > 1
                ? t('events.suggested_for', { name: participant.name })
                : t('events.suggested')}
            </h2>
            <ul>
              {items.map((s) => (
                <li>
                  {s.name} · {s.organizationName}{' '}
                  <small class="muted">{t(s.reason.key, s.reason.params)}</small>{' '}
                  <a href={`/events/${event.id}/requests/new?from=${participant.id}&to=${s.participantId}`}>
                    {t('events.request_meeting')}
                  </a>
                </li>
              ))}
            </ul>
          </article>
        ) : null,
      )}
      <form
        method="get"
        action={base}
        class="filters"
        hx-get={base}
        hx-target="#participant-results"
        hx-select="#participant-results"
        hx-swap="outerHTML"
        hx-trigger="input changed delay:300ms, change"
        hx-push-url="true"
      >
        <div class="grid">
          <Field name="q" type="search" label={t('events.filter.q')} value={filter.q} />
          <Select
            name="kind"
            label={t('events.filter.kind')}
            value={filter.kind}
            options={[
              { value: '', label: t('events.filter.kind_all') },
              { value: 'buyer', label: t('kind.buyer') },
              { value: 'supplier', label: t('kind.supplier') },
            ]}
          />
          <Select
            name="province"
            label={t('events.filter.province')}
            value={filter.province}
            options={[
              { value: '', label: t('events.filter.province_all') },
              ...p.provinces.map((x) => ({ value: x.code, label: x.name })),
            ]}
          />
          {staff ? (
            <Select
              name="status"
              label={t('events.filter.status')}
              value={filter.status}
              options={[
                { value: '', label: t('events.filter.status_all') },
                ...(['pending', 'approved', 'rejected'] as const).map((s) => ({
                  value: s,
                  label: t(`events.status.${s}`),
                })),
              ]}
            />
          ) : null}
        </div>
        <button type="submit" class="secondary">
          {t('events.filter')}
        </button>
      </form>
      <div id="participant-results">
        <p class="muted">{t('events.participant_count', { n: p.participants.length })}</p>
        {p.participants.length === 0 ? <p>{t('events.no_participants')}</p> : null}
        <table>
          <thead>
            <tr>
              <th scope="col">{t('events.field.representative')}</th>
              <th scope="col">{t('events.field.organization')}</th>
              <th scope="col">{t('events.filter.province')}</th>
              <th scope="col">{t('events.filter.status')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {p.participants.map((x) => (
              <tr>
                <td>{staff ? <a href={`${base}/${x.id}`}>{x.name}</a> : x.name}</td>
                <td>
                  {x.organizationName} <small class="muted">{t(`kind.${x.organizationKind}`)}</small>
                </td>
                <td>{x.provinceName ?? ''}</td>
                <td>
                  <span class="badge">{t(`events.status.${x.status}`)}</span>
                </td>
                <td class="actions">
                  {staff && x.status !== 'approved' ? (
                    <ActionButton
                      action={`${base}/${x.id}/approve`}
                      label={t('events.approve')}
                      ariaLabel={t('events.approve_named', { name: x.name })}
                    />
                  ) : null}
                  {staff && x.status === 'pending' ? (
                    <ActionButton
                      action={`${base}/${x.id}/reject`}
                      label={t('events.reject')}
                      ariaLabel={t('events.reject_named', { name: x.name })}
                      secondary
                    />
                  ) : null}
                  {x.status === 'approved' &&
                  (staff || p.own.some((o) => o.organizationId !== x.organizationId)) ? (
                    <a
                      href={`/events/${event.id}/requests/new?to=${x.id}`}
                      aria-label={t('events.request_meeting_with', { name: x.name })}
                    >
                      {t('events.request_meeting')}
                    </a>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
