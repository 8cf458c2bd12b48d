import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildIcs, type IcsMeeting, meetingUid } from '../../../src/scheduling/ics.js';

const base: IcsMeeting = {
  id: '6f1c0d4e-8a1b-4c2d-9e3f-0a1b2c3d4e5f',
  status: 'scheduled',
  sequence: 0,
  startsAt: new Date('2026-12-01T01:00:00Z'),
  endsAt: new Date('2026-12-01T01:20:00Z'),
  updatedAt: new Date('2026-11-20T02:00:00Z'),
  summary: 'Temu usaha: Asep (CV Sinar Logam)',
  location: 'Graha Fitrah, Taliwang, Meja 3',
  description: 'Acara: Temu Usaha Sumbawa Barat\n\nKami butuh poros baja; diameter 40–80 mm.',
};

function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const zone of root.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  return root;
}

describe('agenda .ics builder', () => {
  const text = buildIcs({
    name: 'Temu Usaha Sumbawa Barat · Hendra',
    timezone: 'Asia/Makassar',
    now: new Date('2026-11-20T02:00:00Z'),
    meetings: [
      base,
      { ...base, id: 'b1c0d4e6-8a1b-4c2d-9e3f-0a1b2c3d4e5f', status: 'cancelled', sequence: 2 },
    ],
  });

  it('is a valid RFC 5545 calendar with CRLF lines no longer than 75 octets', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text).toContain('VERSION:2.0');
    expect(text).toContain('PRODID:-//Pasok//Temu Usaha//ID');
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('writes times in the event zone with a matching VTIMEZONE: 09:00 WITA is 01:00Z', () => {
    expect(text).toContain('DTSTART;TZID=Asia/Makassar:20261201T090000');
    expect(text).toContain('TZOFFSETTO:+0800');
    expect(text).toContain('TZNAME:WITA');
    const event = new ICAL.Event(parse(text).getFirstSubcomponent('vevent')!);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-01T01:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-01T01:20:00.000Z');
  });

  it('gives each meeting a stable UID, its SEQUENCE and status, and keeps texts intact', () => {
    const events = parse(text)
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual([
      meetingUid(base.id),
      'meeting-b1c0d4e6-8a1b-4c2d-9e3f-0a1b2c3d4e5f@pasok',
    ]);
    expect(events.map((e) => e.sequence)).toEqual([0, 2]);
    expect(events.map((e) => e.component.getFirstPropertyValue('status'))).toEqual([
      'CONFIRMED',
      'CANCELLED',
    ]);
    expect(events[0]!.description).toBe(base.description);
    expect(events[0]!.location).toBe(base.location);
  });

  it('uses WIB and WIT offsets for Java and Papua', () => {
    const wib = buildIcs({ name: 'x', timezone: 'Asia/Jakarta', now: new Date(), meetings: [base] });
    expect(wib).toContain('DTSTART;TZID=Asia/Jakarta:20261201T080000');
    expect(wib).toContain('TZOFFSETTO:+0700');
    const wit = buildIcs({ name: 'x', timezone: 'Asia/Jayapura', now: new Date(), meetings: [base] });
    expect(wit).toContain('DTSTART;TZID=Asia/Jayapura:20261201T100000');
    const event = new ICAL.Event(parse(wit).getFirstSubcomponent('vevent')!);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-01T01:00:00.000Z');
  });

  it('is an empty but valid calendar when there are no meetings', () => {
    const empty = parse(buildIcs({ name: 'x', timezone: 'Asia/Jakarta', now: new Date(), meetings: [] }));
    expect(empty.getAllSubcomponents('vevent')).toHaveLength(0);
  });
});
