import { INDONESIA_BBOX } from '../suppliers/schema.js';

/** A cleaned cell: the value, or the reason it cannot be used. */
export type Cell<T> = { ok: true; value: T } | { ok: false; code: string };

const ok = <T>(value: T): Cell<T> => ({ ok: true, value });
const bad = <T>(code: string): Cell<T> => ({ ok: false, code });

/**
 * NIB as typed in spreadsheets: "9120 0012.3456-7", or with Excel's leading apostrophe.
 * Only 13 digits remain a NIB; anything else is reported rather than guessed.
 */
export function cleanNib(raw: string): Cell<string> {
  if (raw.length > 40) return bad('nib');
  const digits = raw.replace(/^'/, '').replace(/[\s.\-_]/g, '');
  return /^[0-9]{13}$/.test(digits) ? ok(digits) : bad('nib');
}

/** Parses "12", "1.200", "25 orang", "± 30"; decimals, negatives and words alone are errors. */
export function parseEmployees(raw: string): Cell<number> {
  if (raw.length > 60) return bad('employees');
  let s = raw
    .toLowerCase()
    .replace(/orang|org|tk|karyawan|pekerja|people|persons?|employees?|±|\+|~|kurang lebih|sekitar/g, '')
    .trim();
  if (/^\d{1,3}([.,]\d{3})+$/.test(s)) s = s.replace(/[.,]/g, '');
  if (!/^\d+$/.test(s)) return bad('employees');
  const n = Number(s);
  return n <= 1_000_000 ? ok(n) : bad('employees');
}

/** A year, or the year of a date cell ("2015", "2015-03-01"). */
export function parseYear(raw: string, thisYear: number): Cell<number> {
  if (raw.length > 30) return bad('year');
  const m = /^(\d{4})(?:-\d{2}-\d{2})?$/.exec(raw.trim());
  const y = m ? Number(m[1]) : Number.NaN;
  return y >= 1900 && y <= thisYear ? ok(y) : bad('year');
}

/** A decimal number written with a point or an Indonesian decimal comma. */
export function parseDecimal(raw: string): number | null {
  if (raw.length > 60) return null;
  const s = raw.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^[-+]?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

const inLat = (v: number) => v >= INDONESIA_BBOX.minLat && v <= INDONESIA_BBOX.maxLat;
const inLon = (v: number) => v >= INDONESIA_BBOX.minLon && v <= INDONESIA_BBOX.maxLon;

/** Checks a latitude/longitude pair against Indonesia's bounding box. */
export function checkLatLon(lat: number | null, lon: number | null): Cell<{ lat: number; lon: number }> {
  if (lat === null || lon === null) return bad('coordinates');
  if (!inLat(lat) || !inLon(lon)) return bad('coordinates_range');
  return ok({ lat, lon });
}

/**
 * One "Koordinat" cell: "-6.57, 107.76", "-6,57; 107,76" or "-6.57 107.76". A pair typed
 * the wrong way round (longitude first) is recognised and swapped, since it cannot be anything else.
 */
export function parseCoordinates(raw: string): Cell<{ lat: number; lon: number }> {
  if (raw.length > 100) return bad('coordinates');
  const s = raw.trim();
  let parts: string[];
  if (s.includes(';')) parts = s.split(';');
  else if (/,\s/.test(s)) parts = s.split(/,\s+/);
  else if ((s.match(/,/g) ?? []).length === 1 && !/\s/.test(s)) parts = s.split(',');
  else parts = s.split(/\s+/);
  if (parts.length !== 2) return bad('coordinates');
  const a = parseDecimal(parts[0]!);
  const b = parseDecimal(parts[1]!);
  if (a === null || b === null) return bad('coordinates');
  if (!inLat(a) && inLat(b) && inLon(a)) return checkLatLon(b, a);
  return checkLatLon(a, b);
}

/**
 * Phone numbers as they come: "0812-3456-789", "+62 812 3456 789", or 81234567890 after Excel
 * dropped the leading zero. The first of several numbers ("0812... / 0813...") is kept.
 */
export function cleanPhone(raw: string): Cell<string> {
  if (raw.length > 200) return bad('phone');
  let s = raw.split(/[/,;]|\s{2,}/)[0]!.trim();
  if (/^8\d{8,12}$/.test(s)) s = `0${s}`;
  return /^\+?[0-9 ()-]{6,30}$/.test(s) ? ok(s) : bad('phone');
}

/** The longest e-mail address kept (the check runs only on text this short). */
export const MAX_EMAIL_LENGTH = 200;

const hasSpace = (s: string) => /\s/.test(s);

/**
 * E-mail addresses are compared lower-cased, so re-imports do not flip their case back and forth.
 * The length is checked first and the shape by index arithmetic: one `@`, a dot in the domain
 * with text on both sides, no blanks. Linear, so a 200 KB cell costs no more than reading it.
 */
export function cleanEmail(raw: string): Cell<string> {
  if (raw.length > MAX_EMAIL_LENGTH + 64) return bad('email');
  const s = raw.trim().toLowerCase();
  if (s.length > MAX_EMAIL_LENGTH || hasSpace(s)) return bad('email');
  const at = s.indexOf('@');
  if (at < 1 || at !== s.lastIndexOf('@')) return bad('email');
  const domain = s.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  return dot > 0 && dot < domain.length - 1 ? ok(s) : bad('email');
}

/** KBLI codes separated by anything; Excel turns "01111" into 1111, so four digits get their zero back. */
export function parseKbli(raw: string): Cell<string[]> {
  if (raw.length > 1000) return bad('kbli');
  const codes = raw
    .split(/[^0-9]+/)
    .filter(Boolean)
    .map((c) => (c.length === 4 ? `0${c}` : c));
  if (codes.length === 0 || codes.some((c) => c.length !== 5)) return bad('kbli');
  return ok([...new Set(codes)]);
}
