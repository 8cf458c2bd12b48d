import { assetUrl } from '../../src/http/assets.js';
import { Field, FormErrors, Select } from '../components/form.js';
import type { EventView } from '../events/models.js';
import { EventNav, type EventViewProps, slotTime, tableName } from '../events/parts.js';

/** A walk-in in the desk's list. */
export interface WalkInView {
  id: string;
  name: string;
  organizationName: string;
  organizationKind: 'buyer' | 'supplier';
  whatsapp?: string | null;
}

/** A free table at a slot, offered as one tap. */
export interface SpotView {
  slotId: string;
  tableId: string;
  tableName: string;
  startsAt: Date;
  endsAt: Date;
}

/** A suggested counterpart (from the match suggestions) and where they could meet. */
export interface WalkInOptionView {
  suggestion: {
    participantId: string;
    name: string;
    organizationName: string;
    reason: { key: string; params: Record<string, string | number> };
  };
  spots: SpotView[];
}

/** The walk-in desk: register on the spot (works without JS), then place. */
export function WalkInDeskPage({
  t,
  event,
  walkIns,
  values,
  errors,
}: EventViewProps & {
  event: EventView;
  walkIns: WalkInView[];
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  return (
    <section id="walk-ins" class="event-day">
      <link rel="stylesheet" href={assetUrl('event-day.css')} />
      <EventNav t={t} eventId={event.id} staff />
      <h1>{t('events.walkin.title', { event: event.name })}</h1>
      <p>{t('events.walkin.lead')}</p>
      <FormErrors message={Object.keys(errors).length ? t('errors.invalid') : null} />
      <form method="post" action={`/events/${event.id}/walk-ins`}>
        <Field name="name" label={t('events.walkin.name')} value={values.name} error={errors.name} required />
        <Field
          name="organization_name"
          label={t('events.walkin.org')}
          value={values.organization_name}
          error={errors.organization_name}
          required
        />
        <Select
          name="kind"
          label={t('events.walkin.kind')}
          value={values.kind ?? 'supplier'}
          error={errors.kind}
          required
          options={[
            { value: 'supplier', label: t('kind.supplier') },
            { value: 'buyer', label: t('kind.buyer') },
          ]}
        />
        <Field
          name="whatsapp"
          type="tel"
          label={t('events.walkin.whatsapp')}
          hint={t('events.walkin.whatsapp_hint')}
          value={values.whatsapp}
          error={errors.whatsapp}
          autocomplete="tel"
          required
        />
        <button type="submit">{t('events.walkin.register')}</button>
      </form>
      <h2>{t('events.walkin.list')}</h2>
      {walkIns.length === 0 ? <p>{t('events.walkin.none')}</p> : null}
      <ul>
        {walkIns.map((w) => (
          <li>
            <a href={`/events/${event.id}/walk-ins/${w.id}`}>{w.name}</a> · {w.organizationName} ·{' '}
            {t(`kind.${w.organizationKind}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Suggested counterparts for a walk-in, each with one-tap buttons for free table-slots. */
export function WalkInPlacePage({
  t,
  locale,
  event,
  walkIn,
  options,
}: EventViewProps & { event: EventView; walkIn: WalkInView; options: WalkInOptionView[] }) {
  return (
    <section id="walk-in-place" class="event-day">
      <link rel="stylesheet" href={assetUrl('event-day.css')} />
      <p>
        <a href={`/events/${event.id}/walk-ins`}>{t('events.walkin')}</a>
      </p>
      <h1>{t('events.walkin.place_title', { name: walkIn.name })}</h1>
      <p>{walkIn.organizationName}</p>
      <h2>{t('events.walkin.suggested')}</h2>
      {options.length === 0 ? <p>{t('events.walkin.no_suggestions')}</p> : null}
      {options.map(({ suggestion: s, spots }) => (
        <article class="checkin-card">
          <header>
            <strong>{s.name}</strong> · {s.organizationName}
          </header>
          <p>
            <small>{t(s.reason.key, s.reason.params)}</small>
          </p>
          {spots.length === 0 ? <p>{t('events.walkin.no_free')}</p> : null}
          <div class="slot-buttons">
            {spots.map((sp) => (
              <form method="post" action={`/events/${event.id}/walk-ins/${walkIn.id}/place`}>
                <input type="hidden" name="counterpart_id" value={s.participantId} />
                <input type="hidden" name="slot_id" value={sp.slotId} />
                <input type="hidden" name="table_id" value={sp.tableId} />
                <button type="submit">
                  {t('events.walkin.place', {
                    time: slotTime(event, sp, locale),
                    table: tableName(t, sp.tableName),
                  })}
                </button>
              </form>
            ))}
          </div>
        </article>
      ))}
    </section>
  );
}

/** A candidate for a no-show's freed seat. */
export interface RefillCandidateView {
  kind: 'request' | 'walk_in';
  id: string;
  name: string;
  organizationName: string;
}

/** The freed table-slot of a no-show and who could take it, one tap each. */
export function RefillPage({
  t,
  locale,
  event,
  meeting,
  present,
  candidates,
}: EventViewProps & {
  event: EventView;
  meeting: { id: string; startsAt: Date; endsAt: Date; tableName: string | null };
  present: { name: string };
  candidates: RefillCandidateView[];
}) {
  const action = `/events/${event.id}/meetings/${meeting.id}/refill`;
  const group = (kind: RefillCandidateView['kind']) => candidates.filter((c) => c.kind === kind);
  const list = (kind: RefillCandidateView['kind'], field: string) => (
    <div class="slot-buttons">
      {group(kind).map((c) => (
        <form method="post" action={action}>
          <input type="hidden" name={field} value={c.id} />
          <button type="submit">
            {c.name}
            {c.organizationName ? ` (${c.organizationName})` : ''} · {t('events.refill.place')}
          </button>
        </form>
      ))}
    </div>
  );
  return (
    <section id="refill" class="event-day">
      <link rel="stylesheet" href={assetUrl('event-day.css')} />
      <p>
        <a href={`/events/${event.id}/sheets`}>{event.name}</a>
      </p>
      <h1>
        {t('events.refill.title', {
          table: tableName(t, meeting.tableName),
          time: slotTime(event, meeting, locale),
        })}
      </h1>
      <p>{t('events.refill.lead', { name: present.name })}</p>
      {candidates.length === 0 ? <p>{t('events.refill.none')}</p> : null}
      {group('request').length ? <h2>{t('events.refill.waiting')}</h2> : null}
      {list('request', 'request_id')}
      {group('walk_in').length ? <h2>{t('events.refill.walkins')}</h2> : null}
      {list('walk_in', 'participant_id')}
    </section>
  );
}
