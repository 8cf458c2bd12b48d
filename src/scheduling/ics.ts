import ICAL from 'ical.js';
import { zoneAbbrev } from '../i18n/format.js';

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

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock parts of an instant in a zone (what the rundown says). */
function wallClock(date: Date, tz: string) {
  let format = wallClockFormats.get(tz);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClockFormats.set(tz, format);
  }
  const parts: Record<string, number> = {};
  for (const p of format.formatToParts(date)) parts[p.type] = Number(p.value);
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

function offsetSeconds(date: Date, tz: string): number {
  const w = wallClock(date, tz);
  const wallMs = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((wallMs - Math.floor(date.getTime() / 1000) * 1000) / 1000);
}

/**
 * A VTIMEZONE with one STANDARD rule at the zone's current offset. Exact for WIB/WITA/WIT, which
 * have had no DST since 1964; events are limited to those zones, so no transition table is needed.
 */
function vtimezone(tz: string, at: Date): ICAL.Component {
  const zone = new ICAL.Component('vtimezone');
  zone.addPropertyWithValue('tzid', tz);
  const standard = new ICAL.Component('standard');
  const offset = ICAL.UtcOffset.fromSeconds(offsetSeconds(at, tz));
  standard.addPropertyWithValue('dtstart', ICAL.Time.fromDateTimeString('1970-01-01T00:00:00'));
  standard.addPropertyWithValue('tzoffsetfrom', offset);
  standard.addPropertyWithValue('tzoffsetto', offset);
  standard.addPropertyWithValue('tzname', zoneAbbrev(tz, at));
  zone.addSubcomponent(standard);
  return zone;
}

function zonedProperty(name: string, date: Date, tz: string): ICAL.Property {
  const w = wallClock(date, tz);
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
