import { z } from 'zod';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * True for a real day of the Gregorian calendar. A shape check alone lets 2027-02-30 and
 * 2027-13-01 through, and `Date` quietly rolls them into March or the next year (or throws
 * deep in a query), so the day is checked against its month, leap years included.
 */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** True for a `datetime-local` value (`2027-03-15T09:00`, seconds optional) naming a real minute. */
export function isLocalDateTime(value: string): boolean {
  const m = LOCAL.exec(value);
  if (!m) return false;
  return isCalendarDate(m[1]!) && Number(m[2]) < 24 && Number(m[3]) < 60 && Number(m[4] ?? 0) < 60;
}

/**
 * The one zod schema for a calendar day (`YYYY-MM-DD`) in forms, queries and API bodies:
 * impossible days are a field error (`v.date` unless told otherwise), never a 500 later on.
 */
export function calendarDate(message = 'v.date') {
  return z
    .string()
    .max(10, message)
    .refine((v) => isCalendarDate(v), message);
}

/** A `datetime-local` form value, or '' for "not set"; impossible days and times are a field error. */
export function localDateTime(message = 'v.events.datetime') {
  return z
    .string()
    .trim()
    .max(19, message)
    .refine((v) => v === '' || isLocalDateTime(v), message);
}
