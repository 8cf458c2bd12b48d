import { describe, expect, it } from 'vitest';
import { parseDayRows, parseTablesField } from '../../../src/events/schema.js';
import {
  formatWindowList,
  generateSlots,
  normalizeDays,
  parseWindowList,
  validateDays,
} from '../../../src/events/slots.js';

const iso = (slots: { startsAt: Date; endsAt: Date }[]) =>
  slots.map((s) => [s.startsAt.toISOString(), s.endsAt.toISOString()]);

describe('slot generation', () => {
  const day = [{ date: '2026-12-01', windows: [{ start: '09:00', end: '10:00' }] }];

  it('cuts a WIB window into slots stored as UTC (09:00 WIB = 02:00Z)', () => {
    expect(iso(generateSlots(day, 'Asia/Jakarta', 20, 0))).toEqual([
      ['2026-12-01T02:00:00.000Z', '2026-12-01T02:20:00.000Z'],
      ['2026-12-01T02:20:00.000Z', '2026-12-01T02:40:00.000Z'],
      ['2026-12-01T02:40:00.000Z', '2026-12-01T03:00:00.000Z'],
    ]);
  });

  it('reads the same wall-clock window an hour earlier in UTC for each zone further east', () => {
    const first = (tz: string) => generateSlots(day, tz, 30, 0)[0]!.startsAt.toISOString();
    expect(first('Asia/Jakarta')).toBe('2026-12-01T02:00:00.000Z');
    expect(first('Asia/Makassar')).toBe('2026-12-01T01:00:00.000Z');
    expect(first('Asia/Jayapura')).toBe('2026-12-01T00:00:00.000Z');
  });

  it('crosses midnight UTC correctly for an early WIT morning', () => {
    const slots = generateSlots(
      [{ date: '2026-12-02', windows: [{ start: '07:00', end: '08:00' }] }],
      'Asia/Jayapura',
      60,
      0,
    );
    expect(iso(slots)).toEqual([['2026-12-01T22:00:00.000Z', '2026-12-01T23:00:00.000Z']]);
  });

  it('leaves a break between slots and drops a remainder too short for a slot', () => {
    const slots = generateSlots(day, 'Asia/Makassar', 20, 5);
    expect(iso(slots).map(([s]) => s)).toEqual(['2026-12-01T01:00:00.000Z', '2026-12-01T01:25:00.000Z']);
  });

  it('orders days and windows whatever order they were typed in', () => {
    const days = [
      {
        date: '2026-12-02',
        windows: [
          { start: '13:00', end: '13:30' },
          { start: '09:00', end: '09:30' },
        ],
      },
      { date: '2026-12-01', windows: [{ start: '09:00', end: '09:30' }] },
    ];
    const starts = generateSlots(days, 'Asia/Jakarta', 30, 0).map((s) => s.startsAt.toISOString());
    expect(starts).toEqual([
      '2026-12-01T02:00:00.000Z',
      '2026-12-02T02:00:00.000Z',
      '2026-12-02T06:00:00.000Z',
    ]);
  });

  it('follows wall-clock time across a DST change in zones that have one', () => {
    // Europe/Berlin springs forward on 2026-03-29 at 02:00; 09:00 local is 07:00Z that day.
    const [slot] = generateSlots(
      [{ date: '2026-03-29', windows: [{ start: '09:00', end: '10:00' }] }],
      'Europe/Berlin',
      60,
      0,
    );
    expect(slot!.startsAt.toISOString()).toBe('2026-03-29T07:00:00.000Z');
  });
});

describe('rundown validation', () => {
  it('accepts a sensible rundown', () => {
    expect(
      validateDays(
        [
          {
            date: '2026-12-01',
            windows: [
              { start: '09:00', end: '12:00' },
              { start: '13:00', end: '16:00' },
            ],
          },
        ],
        20,
      ),
    ).toEqual({});
  });

  it('rejects a window that ends before it starts', () => {
    expect(validateDays([{ date: '2026-12-01', windows: [{ start: '12:00', end: '09:00' }] }], 20)).toEqual({
      'days.0.windows': 'v.events.window_order',
    });
  });

  it('rejects overlapping windows on the same day', () => {
    const errors = validateDays(
      [
        { date: '2026-12-01', windows: [{ start: '09:00', end: '10:00' }] },
        {
          date: '2026-12-02',
          windows: [
            { start: '09:00', end: '11:00' },
            { start: '10:59', end: '12:00' },
          ],
        },
      ],
      20,
    );
    expect(errors).toEqual({ 'days.1.windows': 'v.events.window_overlap' });
  });

  it('rejects a window shorter than one slot, a repeated date and an empty rundown', () => {
    expect(validateDays([{ date: '2026-12-01', windows: [{ start: '09:00', end: '09:15' }] }], 20)).toEqual({
      'days.0.windows': 'v.events.window_too_short',
    });
    expect(
      validateDays(
        [
          { date: '2026-12-01', windows: [{ start: '09:00', end: '10:00' }] },
          { date: '2026-12-01', windows: [{ start: '13:00', end: '14:00' }] },
        ],
        20,
      ),
    ).toEqual({ 'days.1.date': 'v.events.day_repeated' });
    expect(validateDays([], 20)).toEqual({ days: 'v.events.days_required' });
  });
});

describe('form parsing', () => {
  it('reads windows the way rundowns are written', () => {
    expect(parseWindowList('09.00-12.00, 13.00 – 16.00')).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '16:00' },
    ]);
    expect(parseWindowList('9.00 s.d. 11.30')).toEqual([{ start: '09:00', end: '11:30' }]);
    expect(parseWindowList('pagi saja')).toBeNull();
    expect(parseWindowList('')).toBeNull();
    expect(formatWindowList([{ start: '09:00', end: '12:00' }])).toBe('09:00-12:00');
  });

  it('skips empty day rows and flags unreadable ones', () => {
    const { days, errors } = parseDayRows({
      'days.0.date': '2026-12-01',
      'days.0.windows': '09.00-10.00',
      'days.1.date': '',
      'days.1.windows': '',
      'days.2.date': '2026-12-03',
      'days.2.windows': 'siang',
    });
    expect(days.map((d) => d.date)).toEqual(['2026-12-01', '2026-12-03']);
    expect(errors).toEqual({ 'days.2.windows': 'v.events.windows_format' });
  });

  it('reads tables as a count or as names', () => {
    expect(parseTablesField('12')).toBe(12);
    expect(parseTablesField('VIP A\nVIP B, 3')).toEqual(['VIP A', 'VIP B', '3']);
    expect(parseTablesField('A\na')).toBeNull();
    expect(parseTablesField('0')).toBeNull();
  });

  it('normalises times so equal rundowns compare equal', () => {
    expect(normalizeDays([{ date: '2026-12-01', windows: [{ start: '9.00', end: '10.00' }] }])).toEqual([
      { date: '2026-12-01', windows: [{ start: '09:00', end: '10:00' }] },
    ]);
  });
});
