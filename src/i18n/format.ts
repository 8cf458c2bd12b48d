import { offsetAt } from './time-zones.js';

export type Locale = 'id' | 'en';

/** en-GB, not en-US: it writes "2 March 2026", the day-month order Indonesian readers expect. */
export const INTL_LOCALE = { id: 'id-ID', en: 'en-GB' } as const satisfies Record<Locale, string>;

export const ZONES = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' } as const;

export type ParseIdrError = 'empty' | 'invalid' | 'negative' | 'fraction' | 'too_large';
export type ParseIdrResult = { ok: true; value: bigint } | { ok: false; error: ParseIdrError };

const CURRENCY = { id: 'Rp', en: 'IDR' } as const;
const DECIMAL_SEPARATOR = { id: ',', en: '.' } as const;
const MAX_IDR = 10n ** 18n;
const MAX_INPUT_LENGTH = 100;

const integerFormat = {
  id: new Intl.NumberFormat(INTL_LOCALE.id, { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat(INTL_LOCALE.en, { maximumFractionDigits: 0 }),
};

/** Rupiah are whole; a fractional number is rounded half away from zero rather than rejected. */
function toRupiah(value: number | bigint): bigint {
  if (typeof value === 'bigint') return value;
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite amount: ${value}`);
  return BigInt(Math.sign(value) * Math.round(Math.abs(value)));
}

/**
 * The exact amount for forms, invoices and outcome reports, where abbreviating would hide money.
 * Takes bigint because deal values in an estate can pass Number.MAX_SAFE_INTEGER.
 * The minus sign goes before the currency (`-Rp 5.000`), as Indonesian bookkeeping writes it.
 */
export function formatIdr(value: number | bigint, locale: Locale): string {
  const rupiah = toRupiah(value);
  const abs = rupiah < 0n ? -rupiah : rupiah;
  return `${rupiah < 0n ? '-' : ''}${CURRENCY[locale]} ${integerFormat[locale].format(abs)}`;
}

const COMPACT_UNITS = [
  { size: 10n ** 3n, id: 'ribu', en: 'thousand' },
  { size: 10n ** 6n, id: 'juta', en: 'million' },
  { size: 10n ** 9n, id: 'miliar', en: 'billion' },
  { size: 10n ** 12n, id: 'triliun', en: 'trillion' },
] as const;

/** n / d rounded half up, for non-negative n and positive d. */
function divideHalfUp(n: bigint, d: bigint): bigint {
  return (n * 2n + d) / (2n * d);
}

/**
 * The way people say amounts in meetings ("Rp 1,2 miliar"), for cards and lists where the
 * exact figure would be noise. One decimal at most, rounded half up on the magnitude
 * (1,25 miliar → "1,3 miliar"; -1,25 miliar → "-Rp 1,3 miliar"), and a trailing ",0" is dropped.
 * Rounding that reaches 1000 of a unit moves to the next unit (999.950 → "Rp 1 juta").
 * Amounts under a thousand are shown in full; above a thousand trillion the unit stays triliun.
 */
export function formatIdrCompact(value: number | bigint, locale: Locale): string {
  const rupiah = toRupiah(value);
  const abs = rupiah < 0n ? -rupiah : rupiah;
  let index = COMPACT_UNITS.findLastIndex((unit) => abs >= unit.size);
  if (index < 0) return formatIdr(rupiah, locale);
  let tenths = divideHalfUp(abs * 10n, COMPACT_UNITS[index]!.size);
  if (tenths >= 10_000n && index < COMPACT_UNITS.length - 1) {
    index += 1;
    tenths = divideHalfUp(abs * 10n, COMPACT_UNITS[index]!.size);
  }
  const whole = integerFormat[locale].format(tenths / 10n);
  const decimal = tenths % 10n === 0n ? '' : `${DECIMAL_SEPARATOR[locale]}${tenths % 10n}`;
  const word = COMPACT_UNITS[index]![locale];
  return `${rupiah < 0n ? '-' : ''}${CURRENCY[locale]} ${whole}${decimal} ${word}`;
}

type Magnitude = { exponent: bigint; lang: Locale };

// "M" is miliar, as Indonesians abbreviate it; English speakers write "bn" or "b".
const MAGNITUDES: Record<string, Magnitude> = {
  rb: { exponent: 3n, lang: 'id' },
  ribu: { exponent: 3n, lang: 'id' },
  k: { exponent: 3n, lang: 'en' },
  thousand: { exponent: 3n, lang: 'en' },
  jt: { exponent: 6n, lang: 'id' },
  juta: { exponent: 6n, lang: 'id' },
  million: { exponent: 6n, lang: 'en' },
  m: { exponent: 9n, lang: 'id' },
  miliar: { exponent: 9n, lang: 'id' },
  milyar: { exponent: 9n, lang: 'id' },
  b: { exponent: 9n, lang: 'en' },
  bn: { exponent: 9n, lang: 'en' },
  billion: { exponent: 9n, lang: 'en' },
  t: { exponent: 12n, lang: 'id' },
  triliun: { exponent: 12n, lang: 'id' },
  trilyun: { exponent: 12n, lang: 'id' },
  tn: { exponent: 12n, lang: 'en' },
  trillion: { exponent: 12n, lang: 'en' },
};

function isThousandsGrouping(groups: readonly string[]): boolean {
  return groups.every((group, i) => (i === 0 ? group.length <= 3 : group.length === 3));
}

/**
 * Splits "1.250.000,50" into integer and fraction digits. A single separator before three digits
 * is a thousands group unless a magnitude word says otherwise: with an Indonesian word a comma is
 * decimal ("1,250 miliar"), with an English word a dot is ("1.250 billion").
 */
function splitDigits(num: string, magnitude: Magnitude | undefined): { int: string; frac: string } | null {
  const groups = num.split(/[.,]/);
  const separators: string[] = num.match(/[.,]/g) ?? [];
  const last = separators.at(-1);
  if (last === undefined) return { int: num, frac: '' };
  const frac = groups.at(-1)!;
  const asDecimal = { int: groups.slice(0, -1).join(''), frac };
  const asGroups = isThousandsGrouping(groups) ? { int: groups.join(''), frac: '' } : null;
  const decimalFitsAmount = magnitude !== undefined || frac.length <= 2;
  if (new Set(separators).size === 2) {
    if (separators.indexOf(last) !== separators.length - 1) return null;
    return decimalFitsAmount && isThousandsGrouping(groups.slice(0, -1)) ? asDecimal : null;
  }
  if (separators.length > 1) return asGroups;
  if (frac.length !== 3) return decimalFitsAmount ? asDecimal : null;
  if (magnitude === undefined) return asGroups;
  const groupSeparator = magnitude.lang === 'id' ? '.' : ',';
  return last === groupSeparator ? asGroups : asDecimal;
}

/**
 * Reads an amount the way Indonesian users type it into a form: with or without "Rp", dots or
 * commas for thousands, ",-" at the end, and spoken magnitudes ("1,25 M", "750 rb", "2 triliun").
 * Returns a typed error instead of throwing so the form can show the matching message.
 * Order of errors: invalid, then negative, fraction, too_large (cap 10^18 inclusive).
 */
export function parseIdr(input: string): ParseIdrResult {
  if (input.length > MAX_INPUT_LENGTH) return { ok: false, error: 'invalid' };
  let s = input.toLowerCase().replace(/\s+/g, ' ').trim();
  if (s === '') return { ok: false, error: 'empty' };
  s = s.replace(/\s*(?:rupiah|idr)$/, '').replace(/[.,]\s*[-–]$/, '');
  let negative = false;
  const stripSign = () => {
    const unsigned = s.replace(/^[-−]\s*/, '');
    negative ||= unsigned !== s;
    s = unsigned;
  };
  stripSign();
  s = s.replace(/^(?:rp\.?|idr)\s*/, '');
  stripSign();
  if (s === '') return { ok: false, error: negative ? 'invalid' : 'empty' };
  const match = /^(\d+(?:[.,]\d+)*)\s*([a-z]*)$/.exec(s);
  if (!match) return { ok: false, error: 'invalid' };
  const [, num = '', word = ''] = match;
  const magnitude = word === '' ? undefined : MAGNITUDES[word];
  if (word !== '' && magnitude === undefined) return { ok: false, error: 'invalid' };
  const digits = splitDigits(num, magnitude);
  if (!digits) return { ok: false, error: 'invalid' };
  if (negative) return { ok: false, error: 'negative' };
  const scaled = BigInt(digits.int + digits.frac) * 10n ** (magnitude?.exponent ?? 0n);
  const denominator = 10n ** BigInt(digits.frac.length);
  if (scaled % denominator !== 0n) return { ok: false, error: 'fraction' };
  const value = scaled / denominator;
  return value > MAX_IDR ? { ok: false, error: 'too_large' } : { ok: true, value };
}

/** Plain quantities (hectares, capacities, counts) with the reader's separators. */
export function formatNumber(n: number | bigint, locale: Locale, maxFractionDigits = 2): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: maxFractionDigits }).format(n);
}

/**
 * Takes percentage points (45.5 → "45,5%"), because TKDN is certified and stored that way;
 * dividing by 100 first would invite floating-point surprises.
 */
export function formatPercent(n: number, locale: Locale, maxFractionDigits = 2): string {
  return `${formatNumber(n, locale, maxFractionDigits)}%`;
}

const DAY_MS = 86_400_000;
/**
 * Indonesians name zones by WIB/WITA/WIT, not by IANA id or offset; elsewhere the UTC offset
 * at `at` (DST-aware) is the most readable fallback, e.g. "UTC+5:30".
 */
export function zoneAbbrev(tz: string, at: Date = new Date()): string {
  if (Object.hasOwn(ZONES, tz)) return ZONES[tz as keyof typeof ZONES];
  const minutes = Math.round(offsetAt(at.getTime(), tz) / 60_000);
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  const rest = abs % 60 === 0 ? '' : `:${String(abs % 60).padStart(2, '0')}`;
  return `UTC${minutes < 0 ? '-' : '+'}${Math.floor(abs / 60)}${rest}`;
}

function dateTimeFormat(locale: Locale, tz: string, options: Intl.DateTimeFormatOptions) {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: tz, ...options });
}

/** Dates without a zone default to WIB so that server time never leaks into what users see. */
export function formatDate(date: Date, locale: Locale, tz = 'Asia/Jakarta'): string {
  return dateTimeFormat(locale, tz, { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** Meeting slots are read in 24-hour time; Indonesian writes "09.00", English "09:00". */
export function formatTime(date: Date, tz: string, locale: Locale): string {
  return dateTimeFormat(locale, tz, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

/**
 * Event times cross three Indonesian zones, so the zone is always spelled out. Built from date and
 * time parts rather than Intl's combined form, to avoid its "pukul"/"at" joiner.
 */
export function formatDateTime(date: Date, tz: string, locale: Locale): string {
  const weekday = dateTimeFormat(locale, tz, { weekday: locale === 'id' ? 'long' : 'short' }).format(date);
  return `${weekday}, ${formatDate(date, locale, tz)} ${formatTime(date, tz, locale)} ${zoneAbbrev(tz, date)}`;
}

/** A same-day slot such as "09.00–09.20 WITA"; the zone is named once for both ends. */
export function formatTimeRange(start: Date, end: Date, tz: string, locale: Locale): string {
  return `${formatTime(start, tz, locale)}–${formatTime(end, tz, locale)} ${zoneAbbrev(tz, start)}`;
}

/**
 * Event slots are planned in the venue's wall-clock time but stored as UTC instants. Indonesian
 * zones have no DST, but other zones are handled like Temporal's "compatible" rule: a time skipped
 * by a spring-forward gap moves forward by the gap, and a time repeated by a fall-back resolves to
 * the earlier instant. Throws RangeError for a malformed or impossible date/time or an unknown zone.
 */
export function zonedTimeToUtc(localDate: string, localTime: string, tz: string): Date {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  const t = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(localTime);
  if (!d || !t) throw new RangeError(`Invalid local date/time: ${localDate} ${localTime}`);
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const wallMs = Date.UTC(year, month - 1, day, Number(t[1]), Number(t[2]));
  const check = new Date(wallMs);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`Invalid local date: ${localDate}`);
  }
  const offsetBefore = offsetAt(wallMs - DAY_MS, tz);
  const offsetAfter = offsetAt(wallMs + DAY_MS, tz);
  const candidates = [wallMs - offsetBefore, wallMs - offsetAfter].filter(
    (utcMs) => offsetAt(utcMs, tz) === wallMs - utcMs,
  );
  return new Date(candidates.length > 0 ? Math.min(...candidates) : wallMs - offsetBefore);
}
