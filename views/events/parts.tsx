import { formatDate, formatDateTime, formatTimeRange } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import type { EventView, SlotView } from './models.js';

/** Shared by every event view: how to say "when" in the event's own zone. */
export interface EventViewProps {
  t: T;
  locale: Locale;
}

/** "Selasa, 1 Desember 2026 09.00 WITA": instants always read in the event's zone. */
export function when(e: Pick<EventView, 'timezone'>, d: Date, locale: Locale): string {
  return formatDateTime(d, e.timezone, locale);
}

/** "09.00–09.20 WITA" for a slot. */
export function slotTime(
  e: Pick<EventView, 'timezone'>,
  s: Pick<SlotView, 'startsAt' | 'endsAt'>,
  locale: Locale,
) {
  return formatTimeRange(s.startsAt, s.endsAt, e.timezone, locale);
}

/** The slot with its day, for lists where slots of several days mix. */
export function slotLabel(
  e: Pick<EventView, 'timezone'>,
  s: Pick<SlotView, 'startsAt' | 'endsAt'>,
  locale: Locale,
) {
  return `${formatDate(s.startsAt, locale, e.timezone)}, ${slotTime(e, s, locale)}`;
}

/** Slots grouped by their local date, in order (grids and checklists show one block per day). */
export function slotsByDay<S extends Pick<SlotView, 'startsAt'>>(
  e: Pick<EventView, 'timezone'>,
  slots: readonly S[],
  locale: Locale,
): { day: string; slots: S[] }[] {
  const groups: { day: string; slots: S[] }[] = [];
  for (const s of slots) {
    const day = formatDate(s.startsAt, locale, e.timezone);
    const last = groups.at(-1);
    if (last?.day === day) last.slots.push(s);
    else groups.push({ day, slots: [s] });
  }
  return groups;
}

export { tableLabel as tableName } from '../../src/scheduling/agenda.js';

/** The sub-navigation of an event, so every event page is one click from the others. */
export function EventNav({ t, eventId, staff }: { t: T; eventId: string; staff: boolean }) {
  return (
    <nav aria-label={t('events.manage')} class="event-nav no-print">
      <ul>
        <li>
          <a href={`/events/${eventId}`}>{t('events.title')}</a>
        </li>
        <li>
          <a href={`/events/${eventId}/participants`}>{t('events.participants')}</a>
        </li>
        {staff ? (
          <>
            <li>
              <a href={`/events/${eventId}/requests`}>{t('events.all_requests')}</a>
            </li>
            <li>
              <a href={`/events/${eventId}/grid`}>{t('events.grid')}</a>
            </li>
            <li>
              <a href={`/events/${eventId}/sheets`}>{t('events.sheets')}</a>
            </li>
            <li>
              <a href={`/events/${eventId}/check-in`}>{t('events.scan')}</a>
            </li>
            <li>
              <a href={`/events/${eventId}/walk-ins`}>{t('events.walkin')}</a>
            </li>
            <li>
              <a href={`/events/${eventId}/badges`}>{t('events.badges')}</a>
            </li>
          </>
        ) : null}
      </ul>
    </nav>
  );
}

/** A one-button form (approve, accept, lock...). Works without JavaScript. */
export function ActionButton({
  action,
  label,
  fields = {},
  secondary = false,
  ariaLabel,
}: {
  action: string;
  label: string;
  fields?: Record<string, string>;
  secondary?: boolean;
  ariaLabel?: string;
}) {
  return (
    <form method="post" action={action} class="inline">
      {Object.entries(fields).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={secondary ? 'secondary outline' : undefined} aria-label={ariaLabel}>
        {label}
      </button>
    </form>
  );
}
