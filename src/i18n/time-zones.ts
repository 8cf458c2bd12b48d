/*
 * The one reader of time-zone offsets: formatting (format.ts) and calendar files (scheduling/ics.ts)
 * both ask Intl here, so the wall clock and the offset of an instant are computed one way only.
 */

/** The calendar and clock fields of an instant as a wall clock in some zone shows them. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(tz: string): Intl.DateTimeFormat {
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
  return format;
}

/**
 * What a clock in `tz` reads at `utcMs`, to the second. One cached Intl formatter per zone, since
 * exports and calendars ask this for every meeting. Throws RangeError for an unknown zone.
 */
export function wallClockAt(utcMs: number, tz: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of wallClockFormat(tz).formatToParts(new Date(utcMs)))
    parts[part.type] = Number(part.value);
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Milliseconds to add to UTC to get the wall clock in tz at that instant (whole seconds). */
export function offsetAt(utcMs: number, tz: string): number {
  const w = wallClockAt(utcMs, tz);
  const wallMs = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wallMs - (utcMs - (((utcMs % 1000) + 1000) % 1000));
}

const WITA_PROVINCES = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
const WIT_PROVINCES = new Set(['81', '82', '91', '92', '93', '94', '95', '96', '97']);

/**
 * The zone of a province by its Kemendagri code ("52" NTB → WITA, "91" Papua → WIT, else WIB), for
 * pages about a supplier whose office runs no event to take a zone from.
 */
export function zoneOfProvince(code: string | null | undefined): string {
  const p = (code ?? '').slice(0, 2);
  return WITA_PROVINCES.has(p) ? 'Asia/Makassar' : WIT_PROVINCES.has(p) ? 'Asia/Jayapura' : 'Asia/Jakarta';
}
