import { describe, expect, it } from 'vitest';
import { calendarDate, isCalendarDate, isLocalDateTime, localDateTime } from '../../../src/text/calendar.js';

describe('calendar dates', () => {
  it('refuses days that do not exist, which Date would roll over', () => {
    for (const bad of [
      '2027-02-30',
      '2027-02-29',
      '2027-13-01',
      '2027-00-10',
      '2027-04-31',
      '0000-01-01',
      '2027-1-01',
    ]) {
      expect(isCalendarDate(bad), bad).toBe(false);
    }
  });

  it('accepts real days, leap days included', () => {
    for (const good of ['2027-02-28', '2028-02-29', '2000-02-29', '2027-12-31'])
      expect(isCalendarDate(good), good).toBe(true);
    expect(isCalendarDate('1900-02-29')).toBe(false);
  });

  it('checks datetime-local values to the minute', () => {
    expect(isLocalDateTime('2027-03-15T09:00')).toBe(true);
    expect(isLocalDateTime('2027-03-15T09:00:59')).toBe(true);
    expect(isLocalDateTime('2027-02-30T10:00')).toBe(false);
    expect(isLocalDateTime('2027-13-01T10:00')).toBe(false);
    expect(isLocalDateTime('2027-03-15T24:00')).toBe(false);
    expect(isLocalDateTime('2027-03-15T09:60')).toBe(false);
  });

  it('reports an impossible day as a field error with the catalog key', () => {
    const parsed = calendarDate().safeParse('2027-02-30');
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('v.date');
    expect(localDateTime().safeParse('').success).toBe(true);
    expect(localDateTime().safeParse('2027-13-01T09:00').error?.issues[0]?.message).toBe('v.events.datetime');
  });
});
