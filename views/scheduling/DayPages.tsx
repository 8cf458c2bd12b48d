import { assetUrl } from '../../src/http/assets.js';
import type { AgendaEntry } from '../../src/scheduling/agenda.js';
import type { EventView, ParticipantView, SlotView, TableView } from '../events/models.js';
import { EventNav, type EventViewProps, slotLabel, slotTime, tableName } from '../events/parts.js';
import { QrCode } from './CheckInPages.js';
import type { AttendanceView, BadgeView, MeetingView } from './models.js';

/**
 * A participant's printable agenda: only scheduled meetings, in time order, with the badge QR and
 * code for check-in. A service worker keeps it readable offline after one visit (sw-register.js).
 */
export function AgendaPage({
  t,
  locale,
  event,
  participant,
  entries,
  badge,
}: EventViewProps & {
  event: EventView;
  participant: ParticipantView;
  entries: AgendaEntry[];
  badge: BadgeView;
}) {
  const live = entries.filter((e) => e.meeting.status === 'scheduled');
  const base = `/events/${event.id}/participants/${participant.id}`;
  return (
    <section id="agenda" class="printable">
      <p class="no-print">
        <a href={base}>{participant.name}</a> · <a href={`/events/${event.id}`}>{event.name}</a>
      </p>
      <h1>{t('events.agenda_of', { name: `${participant.name} (${participant.organizationName})` })}</h1>
      <p>
        {event.name} · {event.venue}
      </p>
      <link rel="stylesheet" href={assetUrl('event-day.css')} />
      <div class="agenda-badge">
        <QrCode badge={badge} label={t('events.badges.qr_label', { name: participant.name })} />
        <p>
          {t('events.badges.code')} <strong class="badge-code">{badge.code}</strong>
          <br />
          <small>{t('events.agenda.checkin_hint')}</small>
        </p>
      </div>
      <p class="no-print">
        <a href={`${base}/agenda.ics`} class="cta secondary">
          {t('events.agenda_ics')}
        </a>{' '}
        <a href={`${base}/badge`} class="cta secondary">
          {t('events.badge')}
        </a>
      </p>
      <p class="no-print">
        <small>{t('events.agenda.offline')}</small>
      </p>
      <script src={assetUrl('sw-register.js')} defer />
      {live.length === 0 ? <p>{t('events.agenda_none')}</p> : null}
      {live.length ? (
        <table class="agenda">
          <thead>
            <tr>
              <th scope="col">{t('events.time')}</th>
              <th scope="col">{t('events.table')}</th>
              <th scope="col">{t('events.with')}</th>
              <th scope="col">{t('events.request.message')}</th>
            </tr>
          </thead>
          <tbody>
            {live.map(({ meeting: m, counterpart }) => (
              <tr>
                <td>{slotLabel(event, m, locale)}</td>
                <td>{tableName(t, m.tableName)}</td>
                <td>
                  {counterpart.name} <small>({counterpart.orgName})</small>
                </td>
                <td>{m.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/** Every table with links to its printable sheet and its check-in page. */
export function SheetsPage({ t, event, tables }: EventViewProps & { event: EventView; tables: TableView[] }) {
  return (
    <section id="sheets">
      <EventNav t={t} eventId={event.id} staff />
      <h1>
        {t('events.sheets')} · {event.name}
      </h1>
      <ul class="table-links">
        {tables.map((tb) => (
          <li>
            <strong>{tableName(t, tb.name)}</strong> ·{' '}
            <a href={`/events/${event.id}/tables/${tb.id}`}>{t('events.print')}</a> ·{' '}
            <a href={`/events/${event.id}/tables/${tb.id}/check-in`}>{t('events.checkin')}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One table's printable sheet: every slot, who sits there, room to write. */
export function TableSheetPage({
  t,
  locale,
  event,
  table,
  slots,
  meetings,
}: EventViewProps & { event: EventView; table: TableView; slots: SlotView[]; meetings: MeetingView[] }) {
  const bySlot = new Map(meetings.map((m) => [m.slotId, m]));
  return (
    <section id="table-sheet" class="printable">
      <h1>{t('events.sheet.title', { table: tableName(t, table.name), event: event.name })}</h1>
      <p>{event.venue}</p>
      <table class="sheet">
        <thead>
          <tr>
            <th scope="col">{t('events.time')}</th>
            <th scope="col">{t('events.export.a_name')}</th>
            <th scope="col">{t('events.export.b_name')}</th>
            <th scope="col">{t('events.export.attendance')}</th>
          </tr>
        </thead>
        <tbody>
          {slots.map((s) => {
            const m = bySlot.get(s.id);
            return (
              <tr>
                <td>{slotLabel(event, s, locale)}</td>
                <td>{m ? `${m.aName} (${m.aOrgName})` : ''}</td>
                <td>{m ? `${m.bName} (${m.bOrgName})` : ''}</td>
                <td>{m?.attendance ? t(`events.attendance.${m.attendance}`) : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

const OUTCOMES: AttendanceView[] = ['held', 'no_show_a', 'no_show_b', 'no_show_both'];

/** The day-of page for a table, made for a phone: one card per meeting, big buttons. */
export function CheckInPage({
  t,
  locale,
  event,
  table,
  meetings,
}: EventViewProps & { event: EventView; table: TableView; meetings: MeetingView[] }) {
  const action = `/events/${event.id}/tables/${table.id}/check-in`;
  const label = (m: MeetingView, o: AttendanceView) =>
    o === 'no_show_a'
      ? t('events.checkin.no_show_a', { name: m.aName })
      : o === 'no_show_b'
        ? t('events.checkin.no_show_b', { name: m.bName })
        : t(`events.checkin.${o}`);
  return (
    <section id="check-in">
      <p>
        <a href={`/events/${event.id}/sheets`}>{event.name}</a>
      </p>
      <h1>{t('events.checkin.title', { table: tableName(t, table.name) })}</h1>
      {meetings.map((m) => (
        <article class={`checkin-card${m.attendance ? ' done' : ''}`} id={`m-${m.id}`}>
          <header>
            <strong>{slotTime(event, m, locale)}</strong>{' '}
            <span class="badge">
              {m.attendance ? t(`events.attendance.${m.attendance}`) : t('events.attendance.none')}
            </span>
          </header>
          <p>
            {m.aName} <small>({m.aOrgName})</small>
            <br />
            {m.bName} <small>({m.bOrgName})</small>
          </p>
          <div class="checkin-buttons">
            {OUTCOMES.map((o) => (
              <form method="post" action={action}>
                <input type="hidden" name="meeting_id" value={m.id} />
                <input type="hidden" name="attendance" value={o} />
                <button
                  type="submit"
                  class={m.attendance === o ? undefined : 'outline'}
                  aria-pressed={m.attendance === o ? 'true' : 'false'}
                >
                  {label(m, o)}
                </button>
              </form>
            ))}
            {m.attendance === 'no_show_a' || m.attendance === 'no_show_b' ? (
              <a href={`/events/${event.id}/meetings/${m.id}/refill`} class="cta secondary">
                {t('events.refill')}
              </a>
            ) : null}
            {m.attendance ? (
              <form method="post" action={action}>
                <input type="hidden" name="meeting_id" value={m.id} />
                <input type="hidden" name="attendance" value="" />
                <button type="submit" class="secondary outline">
                  {t('events.checkin.clear')}
                </button>
              </form>
            ) : null}
          </div>
        </article>
      ))}
    </section>
  );
}
