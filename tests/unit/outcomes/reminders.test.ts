import { describe, expect, it } from 'vitest';
import { addMonths, followUpDueAt, localDateOf, surveyDueAt } from '../../../src/outcomes/reminders.js';

describe('reminder dates', () => {
  it('adds calendar months and clamps to the end of shorter months', () => {
    expect(addMonths('2026-12-01', 3)).toBe('2027-03-01');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-10-15', 6)).toBe('2027-04-15');
  });

  it("reads the calendar day in the meeting's zone, not in UTC", () => {
    const lateEvening = new Date('2026-12-01T16:30:00Z');
    expect(localDateOf(lateEvening, 'Asia/Jakarta')).toBe('2026-12-01');
    expect(localDateOf(lateEvening, 'Asia/Makassar')).toBe('2026-12-02');
  });

  it('reminds at 09:00 local time on the follow-up day', () => {
    expect(followUpDueAt('2026-12-15', 'Asia/Makassar').toISOString()).toBe('2026-12-15T01:00:00.000Z');
    expect(followUpDueAt('2026-12-15', 'Asia/Jakarta').toISOString()).toBe('2026-12-15T02:00:00.000Z');
    expect(followUpDueAt('2026-12-15', 'Asia/Jayapura').toISOString()).toBe('2026-12-15T00:00:00.000Z');
  });

  it("surveys 3 and 6 months after the event's last day", () => {
    const end = new Date('2026-12-01T02:00:00Z');
    expect(surveyDueAt(end, 'Asia/Makassar', 3).toISOString()).toBe('2027-03-01T01:00:00.000Z');
    expect(surveyDueAt(end, 'Asia/Makassar', 6).toISOString()).toBe('2027-06-01T01:00:00.000Z');
  });
});
