import { zonedTimeToUtc } from '../i18n/format.js';

export interface Window {
  start: string;
  end: string;
}

export interface EventDay {
  date: string;
  windows: Window[];
}

export interface SlotSpec {
  startsAt: Date;
  endsAt: Date;
}

/** Field → catalog key; the same shape zod errors take, so forms show both alike. */
export type DayErrors = Record<string, string>;

/** More slots than any real temu usaha has; beyond it a typo (minutes for hours) is likely. */
export const MAX_SLOTS = 400;

const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

function minutesOf(time: string): number | null {
  const m = TIME.exec(time.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Reads the way facilitators write session windows on a rundown: "09.00–12.00, 13.00-16.00".
 * Dots or colons, any dash, commas or semicolons between windows. Returns null when unreadable.
 */
export function parseWindowList(text: string): Window[] | null {
  const parts = text
    .split(/[,;\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  const windows: Window[] = [];
  for (const part of parts) {
    const m = /^(\d{1,2}[:.]\d{2})\s*(?:-|–|—|s\.?d\.?|to)\s*(\d{1,2}[:.]\d{2})$/i.exec(part);
    if (!m) return null;
    const start = minutesOf(m[1]!);
    const end = minutesOf(m[2]!);
    if (start === null || end === null) return null;
    windows.push({ start: clock(start), end: clock(end) });
  }
  return windows;
}

/** The inverse of parseWindowList, for re-filling the form. */
export function formatWindowList(windows: readonly Window[]): string {
  return windows.map((w) => `${w.start}-${w.end}`).join(', ');
}

/**
 * Checks the rundown before any slot exists: every window ends after it starts, windows of a day
 * do not overlap, each fits at least one slot, and no date repeats. Keys point at the offending
 * day (`days.1.windows`) so the form can mark the right row.
 */
export function validateDays(days: readonly EventDay[], slotMinutes: number): DayErrors {
  const errors: DayErrors = {};
  if (days.length === 0) errors.days = 'v.events.days_required';
  const seen = new Set<string>();
  days.forEach((day, i) => {
    if (seen.has(day.date)) errors[`days.${i}.date`] = 'v.events.day_repeated';
    seen.add(day.date);
    if (day.windows.length === 0) {
      errors[`days.${i}.windows`] = 'v.events.windows_required';
      return;
    }
    const spans = day.windows.map((w) => ({ start: minutesOf(w.start), end: minutesOf(w.end) }));
    if (spans.some((s) => s.start === null || s.end === null)) {
      errors[`days.${i}.windows`] = 'v.events.windows_format';
      return;
    }
    const sorted = (spans as { start: number; end: number }[]).toSorted((a, b) => a.start - b.start);
    if (sorted.some((s) => s.end <= s.start)) errors[`days.${i}.windows`] = 'v.events.window_order';
    else if (sorted.some((s, k) => k > 0 && s.start < sorted[k - 1]!.end))
      errors[`days.${i}.windows`] = 'v.events.window_overlap';
    else if (sorted.some((s) => s.end - s.start < slotMinutes))
      errors[`days.${i}.windows`] = 'v.events.window_too_short';
  });
  return errors;
}

/**
 * Cuts the windows into slots of `slotMinutes`, separated by `breakMinutes`; a remainder too short
 * for a slot is dropped. Wall-clock times are converted per slot (not by adding minutes to the
 * first instant) so a zone with a DST change would still get the times people read on the rundown.
 * Expects days that passed validateDays; returns slots in time order.
 */
export function generateSlots(
  days: readonly EventDay[],
  timezone: string,
  slotMinutes: number,
  breakMinutes: number,
): SlotSpec[] {
  const slots: SlotSpec[] = [];
  for (const day of days.toSorted((a, b) => a.date.localeCompare(b.date))) {
    const windows = day.windows
      .map((w) => ({ start: minutesOf(w.start)!, end: minutesOf(w.end)! }))
      .toSorted((a, b) => a.start - b.start);
    for (const w of windows) {
      for (let t = w.start; t + slotMinutes <= w.end; t += slotMinutes + breakMinutes) {
        slots.push({
          startsAt: zonedTimeToUtc(day.date, clock(t), timezone),
          endsAt: zonedTimeToUtc(day.date, clock(t + slotMinutes), timezone),
        });
      }
    }
  }
  return slots;
}

/** Normalises times to HH:MM and orders days and windows, so equal rundowns compare equal. Expects validated days. */
export function normalizeDays(days: readonly EventDay[]): EventDay[] {
  return days
    .map((d) => ({
      date: d.date,
      windows: d.windows
        .map((w) => ({ start: clock(minutesOf(w.start) ?? 0), end: clock(minutesOf(w.end) ?? 0) }))
        .toSorted((a, b) => a.start.localeCompare(b.start)),
    }))
    .toSorted((a, b) => a.date.localeCompare(b.date));
}
