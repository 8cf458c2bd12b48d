import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatIdr,
  formatIdrCompact,
  formatNumber,
  formatPercent,
  formatTime,
  formatTimeRange,
  type Locale,
  type ParseIdrError,
  parseIdr,
  ZONES,
  zoneAbbrev,
  zonedTimeToUtc,
} from '../../../src/i18n/format.js';

const BEYOND_SAFE = 9_007_199_254_740_993n; // 2^53 + 1, not representable as a number

describe('formatIdr', () => {
  it.each<[number | bigint, Locale, string]>([
    [1_250_000, 'id', 'Rp 1.250.000'],
    [1_250_000, 'en', 'IDR 1,250,000'],
    [0, 'id', 'Rp 0'],
    [0, 'en', 'IDR 0'],
    [500, 'id', 'Rp 500'],
    [1_000, 'id', 'Rp 1.000'],
    [-1_250_000, 'id', '-Rp 1.250.000'],
    [-1_250_000, 'en', '-IDR 1,250,000'],
    [-1_250_000n, 'id', '-Rp 1.250.000'],
    [BEYOND_SAFE, 'id', 'Rp 9.007.199.254.740.993'],
    [BEYOND_SAFE, 'en', 'IDR 9,007,199,254,740,993'],
    [10n ** 18n, 'id', 'Rp 1.000.000.000.000.000.000'],
  ])('formats %s in %s as %s', (value, locale, expected) => {
    expect(formatIdr(value, locale)).toBe(expected);
  });

  it.each<[number, string]>([
    [1_250_000.4, 'Rp 1.250.000'],
    [1_250_000.5, 'Rp 1.250.001'],
    [-1_250_000.5, '-Rp 1.250.001'],
  ])('rounds the fractional number %s half away from zero', (value, expected) => {
    expect(formatIdr(value, 'id')).toBe(expected);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('refuses the non-finite amount %s', (value) => {
    expect(() => formatIdr(value, 'id')).toThrow(RangeError);
  });
});

describe('formatIdrCompact', () => {
  it.each<[number | bigint, string, string]>([
    [500, 'Rp 500', 'IDR 500'],
    [999, 'Rp 999', 'IDR 999'],
    [1_000, 'Rp 1 ribu', 'IDR 1 thousand'],
    [950_000, 'Rp 950 ribu', 'IDR 950 thousand'],
    [850_000_000, 'Rp 850 juta', 'IDR 850 million'],
    [1_200_000_000, 'Rp 1,2 miliar', 'IDR 1.2 billion'],
    [12_400_000_000, 'Rp 12,4 miliar', 'IDR 12.4 billion'],
    [3_500_000_000_000, 'Rp 3,5 triliun', 'IDR 3.5 trillion'],
    [2_000_000_000, 'Rp 2 miliar', 'IDR 2 billion'],
    [1_500_000_000_000_000n, 'Rp 1.500 triliun', 'IDR 1,500 trillion'],
    [-850_000_000, '-Rp 850 juta', '-IDR 850 million'],
    [-500, '-Rp 500', '-IDR 500'],
  ])('abbreviates %s as "%s" and "%s"', (value, id, en) => {
    expect(formatIdrCompact(value, 'id')).toBe(id);
    expect(formatIdrCompact(value, 'en')).toBe(en);
  });

  it.each<[number | bigint, string]>([
    [1_250_000_000, 'Rp 1,3 miliar'],
    [1_249_999_999, 'Rp 1,2 miliar'],
    [-1_250_000_000, '-Rp 1,3 miliar'],
    [1_040_000, 'Rp 1 juta'],
    [1_050_000, 'Rp 1,1 juta'],
    [12_345_678_901_234_567_890n, 'Rp 12.345.678,9 triliun'],
  ])('rounds %s to one decimal, half up on the magnitude, as %s', (value, expected) => {
    expect(formatIdrCompact(value, 'id')).toBe(expected);
  });

  it.each<[number, string, string]>([
    [999_950, 'Rp 1 juta', 'IDR 1 million'],
    [999_949, 'Rp 999,9 ribu', 'IDR 999.9 thousand'],
    [999_950_000_000, 'Rp 1 triliun', 'IDR 1 trillion'],
  ])('moves %s to the next unit when rounding reaches a thousand', (value, id, en) => {
    expect(formatIdrCompact(value, 'id')).toBe(id);
    expect(formatIdrCompact(value, 'en')).toBe(en);
  });
});

describe('parseIdr', () => {
  it.each<[string, bigint]>([
    ['1.250.000.000', 1_250_000_000n],
    ['1250000000', 1_250_000_000n],
    ['Rp 1.250.000', 1_250_000n],
    ['Rp1.250.000,-', 1_250_000n],
    ['Rp. 1.250.000', 1_250_000n],
    ['rp 1.250.000 ,-', 1_250_000n],
    ['1.250.000 rupiah', 1_250_000n],
    ['1,25 M', 1_250_000_000n],
    ['1,25 miliar', 1_250_000_000n],
    ['1,25 milyar', 1_250_000_000n],
    ['1,5 jt', 1_500_000n],
    ['1,5 juta', 1_500_000n],
    ['1,5jt', 1_500_000n],
    ['750 rb', 750_000n],
    ['750 ribu', 750_000n],
    ['750rb', 750_000n],
    ['2 T', 2_000_000_000_000n],
    ['2 triliun', 2_000_000_000_000n],
    ['2T', 2_000_000_000_000n],
    ['1.250 juta', 1_250_000_000n],
    ['1,250 miliar', 1_250_000_000n],
    ['1.250.000,00', 1_250_000n],
    ['1.250.000,0', 1_250_000n],
    ['1.250', 1_250n],
    ['1250,00', 1_250n],
    ['0', 0n],
    ['Rp 0,-', 0n],
  ])('reads the Indonesian input "%s" as %s', (input, expected) => {
    expect(parseIdr(input)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, bigint]>([
    ['IDR 1,250,000', 1_250_000n],
    ['1,250,000', 1_250_000n],
    ['1,250,000.00', 1_250_000n],
    ['1,250', 1_250n],
    ['1250.00', 1_250n],
    ['1.25 billion', 1_250_000_000n],
    ['1.25 bn', 1_250_000_000n],
    ['1.250 billion', 1_250_000_000n],
    ['1,250 million', 1_250_000_000n],
    ['850 million', 850_000_000n],
    ['950 thousand', 950_000n],
    ['950k', 950_000n],
    ['2 trillion', 2_000_000_000_000n],
    ['3.5 tn', 3_500_000_000_000n],
    ['1,250,000 IDR', 1_250_000n],
  ])('reads the English input "%s" as %s', (input, expected) => {
    expect(parseIdr(input)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, bigint]>([
    ['  Rp   1.250.000  ', 1_250_000n],
    ['RP 1.250.000', 1_250_000n],
    ['1,25 MILIAR', 1_250_000_000n],
    ['1.25 Billion', 1_250_000_000n],
    ['\u00a0Rp\u00a01.250.000\t', 1_250_000n],
    ['1,5  \n jt', 1_500_000n],
  ])('tolerates case and whitespace in "%s"', (input, expected) => {
    expect(parseIdr(input)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, ParseIdrError]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['Rp', 'empty'],
    ['Rp ,-', 'empty'],
    ['abc', 'invalid'],
    ['1..2', 'invalid'],
    ['1,2,3,4 M', 'invalid'],
    ['1.2.3', 'invalid'],
    ['1.250.00', 'invalid'],
    ['12.50.000', 'invalid'],
    ['1.250,000.00', 'invalid'],
    ['1,250.000', 'invalid'],
    ['1.2500', 'invalid'],
    ['.5', 'invalid'],
    ['5.', 'invalid'],
    ['1,5 x', 'invalid'],
    ['1,5 juta juta', 'invalid'],
    ['1 250 000', 'invalid'],
    ['M', 'invalid'],
    ['-', 'invalid'],
    ['-abc', 'invalid'],
    ['1e9', 'invalid'],
    ['9'.repeat(101), 'invalid'],
    ['-5', 'negative'],
    ['-Rp 1.250.000', 'negative'],
    ['Rp -1.250.000', 'negative'],
    ['−1,5 jt', 'negative'],
    ['1.250.000,50', 'fraction'],
    ['1,250,000.50', 'fraction'],
    ['12,5', 'fraction'],
    ['1,2345 rb', 'fraction'],
    ['1000000000000000001', 'too_large'],
    ['1.000.001 T', 'too_large'],
    ['99999999999999999999999999', 'too_large'],
  ])('rejects "%s" as %s', (input, error) => {
    expect(parseIdr(input)).toEqual({ ok: false, error });
  });

  it('accepts exactly the cap of 10^18', () => {
    expect(parseIdr('1.000.000 T')).toEqual({ ok: true, value: 10n ** 18n });
    expect(parseIdr('1000000000000000000')).toEqual({ ok: true, value: 10n ** 18n });
  });

  it('keeps amounts beyond 2^53 exact', () => {
    expect(parseIdr('9.007.199.254.740.993')).toEqual({ ok: true, value: BEYOND_SAFE });
    expect(parseIdr('9,007,199,254,740,993')).toEqual({ ok: true, value: BEYOND_SAFE });
  });

  describe('round-trips', () => {
    const amounts = [0n, 1n, 999n, 1_000n, 1_250_000n, 1_250_000_000n, BEYOND_SAFE, 10n ** 18n];
    it.each(amounts.flatMap((value) => (['id', 'en'] as const).map((locale) => [value, locale] as const)))(
      'reads back formatIdr(%s) in %s exactly',
      (value, locale) => {
        expect(parseIdr(formatIdr(value, locale))).toEqual({ ok: true, value });
      },
    );

    it.each([
      950_000n,
      850_000_000n,
      1_200_000_000n,
      12_400_000_000n,
      3_500_000_000_000n,
      1_500_000_000_000_000n,
    ])('reads back formatIdrCompact(%s) in both locales when no rounding happened', (value) => {
      expect(parseIdr(formatIdrCompact(value, 'id'))).toEqual({ ok: true, value });
      expect(parseIdr(formatIdrCompact(value, 'en'))).toEqual({ ok: true, value });
    });
  });
});

describe('formatNumber and formatPercent', () => {
  it.each<[number | bigint, string, string]>([
    [148, '148', '148'],
    [1_250_000, '1.250.000', '1,250,000'],
    [6.73, '6,73', '6.73'],
    [6.735, '6,74', '6.74'],
    [-1_250.5, '-1.250,5', '-1,250.5'],
    [BEYOND_SAFE, '9.007.199.254.740.993', '9,007,199,254,740,993'],
  ])('formats the number %s as %s and %s', (n, id, en) => {
    expect(formatNumber(n, 'id')).toBe(id);
    expect(formatNumber(n, 'en')).toBe(en);
  });

  it('honours a smaller number of fraction digits', () => {
    expect(formatNumber(6.73, 'id', 1)).toBe('6,7');
    expect(formatNumber(6.73, 'en', 0)).toBe('7');
  });

  it.each<[number, string, string]>([
    [45, '45%', '45%'],
    [45.5, '45,5%', '45.5%'],
    [43.21, '43,21%', '43.21%'],
    [0, '0%', '0%'],
    [100, '100%', '100%'],
  ])('formats a TKDN of %s percentage points as %s and %s', (n, id, en) => {
    expect(formatPercent(n, 'id')).toBe(id);
    expect(formatPercent(n, 'en')).toBe(en);
  });
});

describe('time zones', () => {
  it.each(Object.entries(ZONES))('names %s by its Indonesian abbreviation %s', (tz, abbrev) => {
    expect(zoneAbbrev(tz)).toBe(abbrev);
  });

  it.each<[string, string, string]>([
    ['UTC', '2026-01-15T00:00:00Z', 'UTC'],
    ['Asia/Singapore', '2026-01-15T00:00:00Z', 'UTC+8'],
    ['Asia/Kolkata', '2026-01-15T00:00:00Z', 'UTC+5:30'],
    ['Europe/London', '2026-01-15T00:00:00Z', 'UTC'],
    ['Europe/London', '2026-07-15T00:00:00Z', 'UTC+1'],
    ['America/New_York', '2026-01-15T00:00:00Z', 'UTC-5'],
    ['America/St_Johns', '2026-01-15T00:00:00Z', 'UTC-3:30'],
  ])('falls back to the UTC offset for %s at %s', (tz, at, expected) => {
    expect(zoneAbbrev(tz, new Date(at))).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['Asia/Jakarta', '09:00', '2026-03-02T02:00:00.000Z'],
    ['Asia/Makassar', '09:00', '2026-03-02T01:00:00.000Z'],
    ['Asia/Jayapura', '09:00', '2026-03-02T00:00:00.000Z'],
    ['Asia/Jayapura', '08:59', '2026-03-01T23:59:00.000Z'],
    ['Asia/Jakarta', '00:00', '2026-03-01T17:00:00.000Z'],
    ['UTC', '23:59', '2026-03-02T23:59:00.000Z'],
  ])('converts 2026-03-02 %2$s in %1$s to the UTC instant %3$s', (tz, time, expected) => {
    expect(zonedTimeToUtc('2026-03-02', time, tz).toISOString()).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['2026-07-01', '09:00', '2026-07-01T13:00:00.000Z'],
    ['2026-01-15', '09:00', '2026-01-15T14:00:00.000Z'],
    ['2026-03-08', '02:30', '2026-03-08T07:30:00.000Z'],
    ['2026-03-08', '03:30', '2026-03-08T07:30:00.000Z'],
    ['2026-11-01', '01:30', '2026-11-01T05:30:00.000Z'],
    ['2026-11-01', '02:30', '2026-11-01T07:30:00.000Z'],
  ])('handles DST in New York: %s %s becomes %s', (date, time, expected) => {
    expect(zonedTimeToUtc(date, time, 'America/New_York').toISOString()).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['2026-02-30', '09:00', 'Asia/Jakarta'],
    ['2026-3-2', '09:00', 'Asia/Jakarta'],
    ['2026-03-02', '24:00', 'Asia/Jakarta'],
    ['2026-03-02', '9:00', 'Asia/Jakarta'],
    ['2026-03-02', '09:60', 'Asia/Jakarta'],
    ['2026-03-02', '09:00', 'Asia/Nowhere'],
  ])('refuses %s %s in %s', (date, time, tz) => {
    expect(() => zonedTimeToUtc(date, time, tz)).toThrow(RangeError);
  });
});

describe('dates and times', () => {
  const nineWita = new Date('2026-03-02T01:00:00Z');
  const twentyPastNineWita = new Date('2026-03-02T01:20:00Z');

  it('shows the Makassar slot as 09.00 WITA on Monday 2 March in both locales', () => {
    const instant = zonedTimeToUtc('2026-03-02', '09:00', 'Asia/Makassar');
    expect(formatDateTime(instant, 'Asia/Makassar', 'id')).toBe('Senin, 2 Maret 2026 09.00 WITA');
    expect(formatDateTime(instant, 'Asia/Makassar', 'en')).toBe('Mon, 2 March 2026 09:00 WITA');
  });

  it.each<[string, Locale, string]>([
    ['Asia/Jakarta', 'id', 'Senin, 2 Maret 2026 08.00 WIB'],
    ['Asia/Jayapura', 'id', 'Senin, 2 Maret 2026 10.00 WIT'],
    ['Asia/Jakarta', 'en', 'Mon, 2 March 2026 08:00 WIB'],
    ['Asia/Jayapura', 'en', 'Mon, 2 March 2026 10:00 WIT'],
    ['Asia/Kolkata', 'en', 'Mon, 2 March 2026 06:30 UTC+5:30'],
  ])('shows the same instant in %s (%s) as %s', (tz, locale, expected) => {
    expect(formatDateTime(nineWita, tz, locale)).toBe(expected);
  });

  it('moves the weekday and date with the zone across midnight', () => {
    const lateSunday = new Date('2026-03-01T16:30:00Z');
    expect(formatDateTime(lateSunday, 'Asia/Jakarta', 'id')).toBe('Minggu, 1 Maret 2026 23.30 WIB');
    expect(formatDateTime(lateSunday, 'Asia/Jayapura', 'id')).toBe('Senin, 2 Maret 2026 01.30 WIT');
  });

  it.each<[Locale, string, string]>([
    ['id', '09.00', '09.00–09.20 WITA'],
    ['en', '09:00', '09:00–09:20 WITA'],
  ])('writes times in %s as %s and slot ranges as %s', (locale, time, range) => {
    expect(formatTime(nineWita, 'Asia/Makassar', locale)).toBe(time);
    expect(formatTimeRange(nineWita, twentyPastNineWita, 'Asia/Makassar', locale)).toBe(range);
  });

  it('writes midnight as 00.00, not 24.00', () => {
    expect(formatTime(new Date('2026-03-01T17:00:00Z'), 'Asia/Jakarta', 'id')).toBe('00.00');
  });

  it.each<[Locale, string | undefined, string]>([
    ['id', 'Asia/Makassar', '2 Maret 2026'],
    ['en', 'Asia/Makassar', '2 March 2026'],
    ['id', 'Asia/Jakarta', '2 Maret 2026'],
  ])('writes the date in %s for %s as %s', (locale, tz, expected) => {
    expect(formatDate(nineWita, locale, tz)).toBe(expected);
  });

  it('dates in WIB when no zone is given, not in server time', () => {
    const lateUtc = new Date('2026-08-16T18:00:00Z');
    expect(formatDate(lateUtc, 'id')).toBe('17 Agustus 2026');
    expect(formatDate(lateUtc, 'en')).toBe('17 August 2026');
  });
});
