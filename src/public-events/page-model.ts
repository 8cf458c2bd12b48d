import type { PublicEventView } from '../../views/public-events/models.js';
import { formatDate, formatTime, zoneAbbrev, zonedTimeToUtc } from '../i18n/format.js';
import type { Locale } from '../i18n/index.js';
import type { PublicEvent } from './service.js';

/**
 * The page's view model: each day with its windows in the event's own zone (WIB/WITA/WIT),
 * whatever the reader's clock says.
 */
export function publicEventView(slug: string, p: PublicEvent, locale: Locale): PublicEventView {
  const { event } = p;
  const tz = event.timezone;
  const days = event.days.map((day) => {
    const windows = day.windows.map((w) => {
      const start = zonedTimeToUtc(day.date, w.start, tz);
      const end = zonedTimeToUtc(day.date, w.end, tz);
      return `${formatTime(start, tz, locale)}–${formatTime(end, tz, locale)}`;
    });
    const first = zonedTimeToUtc(day.date, day.windows[0]?.start ?? '00:00', tz);
    return `${formatDate(first, locale, tz)} · ${windows.join(', ')} ${zoneAbbrev(tz, first)}`;
  });
  return {
    slug,
    name: event.name,
    venue: event.venue,
    organizer: event.organizerName,
    days,
    orgs: p.orgs.map((o) => ({ id: o.organizationId, name: o.name, regency: o.regencyName })),
    registrationOpen: p.registrationOpen,
  };
}
