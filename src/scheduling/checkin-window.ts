import { OutsideWindow } from '../errors.js';
import { formatTime, zoneAbbrev } from '../i18n/format.js';
import { wallClockAt } from '../i18n/time-zones.js';

/** Check-in opens this long before a meeting starts: people arrive early and sit down. */
export const CHECKIN_OPENS_BEFORE_MS = 15 * 60_000;

export interface CheckInWindow {
  opensAt: Date;
  /** The end of the meeting's day in the event's zone (local midnight after the start). */
  closesAt: Date;
}

/**
 * When a meeting may be checked in: from 15 minutes before its start until the end of that event
 * day in the event's zone. A meeting weeks ahead must not read as held in reports, and a late
 * correction belongs in the outcome record, not the check-in.
 */
export function checkInWindow(startsAt: Date, timezone: string): CheckInWindow {
  const w = wallClockAt(startsAt.getTime(), timezone);
  const localMidnightAfter = Date.UTC(w.year, w.month - 1, w.day + 1);
  const startWall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const offset = startWall - Math.floor(startsAt.getTime() / 1000) * 1000;
  return {
    opensAt: new Date(startsAt.getTime() - CHECKIN_OPENS_BEFORE_MS),
    closesAt: new Date(localMidnightAfter - offset),
  };
}

function numericDate(at: Date, timezone: string): string {
  const w = wallClockAt(at.getTime(), timezone);
  return `${String(w.day).padStart(2, '0')}/${String(w.month).padStart(2, '0')}/${w.year}`;
}

/** True when `now` falls inside the meeting's check-in window. */
export function isCheckInOpen(startsAt: Date, timezone: string, now: Date): boolean {
  const w = checkInWindow(startsAt, timezone);
  return now >= w.opensAt && now < w.closesAt;
}

/**
 * Refuses a check-in outside the window with a 409 `checkin_window` whose message names the
 * opening time and the day, in the event's zone (numeric, so it reads in both languages).
 */
export function requireCheckInOpen(startsAt: Date, timezone: string, now: Date): void {
  if (isCheckInOpen(startsAt, timezone, now)) return;
  const { opensAt } = checkInWindow(startsAt, timezone);
  const early = now < opensAt;
  throw new OutsideWindow(early ? 'events.checkin.too_early' : 'events.checkin.too_late', {
    opens: `${formatTime(opensAt, timezone, 'id')} ${zoneAbbrev(timezone, opensAt)}`,
    day: numericDate(startsAt, timezone),
  });
}
