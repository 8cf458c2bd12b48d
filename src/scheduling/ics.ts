import ICAL from 'ical.js';
import { zoneAbbrev } from '../i18n/format.js';
import { offsetAt, wallClockAt } from '../i18n/time-zones.js';

export interface IcsMeeting {
  id: string;
  status: 'scheduled' | 'cancelled';
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  updatedAt: Date;
  summary: string;
  location: string;
  description: string;
}

export interface IcsCalendar {
  name: string;
  /** IANA zone of the event; times are written in it with a matching VTIMEZONE. */
  timezone: string;
  meetings: readonly IcsMeeting[];
  now: Date;
}

/** Stable across every re-publish, so calendar apps update the entry instead of duplicating it. */
export const meetingUid = (id: string) => `meeting-${id}@pasok`;

/**
 * A VTIMEZONE with one STANDARD rule at the zone's current offset. Exact for WIB/WITA/WIT, which
 * have had no DST since 1964; events are limited to those zones, so no transition table is needed.
 */
function vtimezone(tz: string, at: Date): ICAL.Component {
  const zone = new ICAL.Component('vtimezone');
  zone.addPropertyWithValue('tzid', tz);
  const standard = new ICAL.Component('standard');
  const offset = ICAL.UtcOffset.fromSeconds(offsetAt(at.getTime(), tz) / 1000);
  standard.addPropertyWithValue('dtstart', ICAL.Time.fromDateTimeString('1970-01-01T00:00:00'));
  standard.addPropertyWithValue('tzoffsetfrom', offset);
  standard.addPropertyWithValue('tzoffsetto', offset);
  standard.addPropertyWithValue('tzname', zoneAbbrev(tz, at));
  zone.addSubcomponent(standard);
  return zone;
}

function zonedProperty(name: string, date: Date, tz: string): ICAL.Property {
  const w = wallClockAt(date.getTime(), tz);
  const prop = new ICAL.Property(name);
  prop.setValue(ICAL.Time.fromData({ ...w, isDate: false }));
  prop.setParameter('tzid', tz);
  return prop;
}

const utc = (date: Date) => ICAL.Time.fromJSDate(date, true);

/**
 * An RFC 5545 calendar of one participant's meetings. Removed meetings stay in the feed as
 * STATUS:CANCELLED with a higher SEQUENCE, which is how calendar apps learn to drop them;
 * moved meetings keep their UID and bump SEQUENCE. Texts arrive already translated.
 */
export function buildIcs(cal: IcsCalendar): string {
  const root = new ICAL.Component(['vcalendar', [], []]);
  root.addPropertyWithValue('prodid', '-//Pasok//Temu Usaha//ID');
  root.addPropertyWithValue('version', '2.0');
  root.addPropertyWithValue('calscale', 'GREGORIAN');
  root.addPropertyWithValue('method', 'PUBLISH');
  root.addPropertyWithValue('x-wr-calname', cal.name);
  root.addPropertyWithValue('x-wr-timezone', cal.timezone);
  root.addSubcomponent(vtimezone(cal.timezone, cal.meetings[0]?.startsAt ?? cal.now));
  for (const m of cal.meetings) {
    const event = new ICAL.Component('vevent');
    event.addPropertyWithValue('uid', meetingUid(m.id));
    event.addPropertyWithValue('dtstamp', utc(cal.now));
    event.addProperty(zonedProperty('dtstart', m.startsAt, cal.timezone));
    event.addProperty(zonedProperty('dtend', m.endsAt, cal.timezone));
    event.addPropertyWithValue('sequence', m.sequence);
    event.addPropertyWithValue('status', m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED');
    event.addPropertyWithValue('last-modified', utc(m.updatedAt));
    event.addPropertyWithValue('summary', m.summary);
    if (m.location) event.addPropertyWithValue('location', m.location);
    if (m.description) event.addPropertyWithValue('description', m.description);
    event.addPropertyWithValue('transp', m.status === 'cancelled' ? 'TRANSPARENT' : 'OPAQUE');
    root.addSubcomponent(event);
  }
  return root.toString();
}
