import { describe, expect, it } from 'vitest';
import {
  cleanEmail,
  cleanNib,
  cleanPhone,
  parseCoordinates,
  parseEmployees,
  parseKbli,
  parseYear,
} from '../../../src/imports/cells.js';

const value = <T>(c: { ok: true; value: T } | { ok: false; code: string }) => (c.ok ? c.value : `!${c.code}`);

describe('cleanNib', () => {
  it.each([
    ['9120001234567', '9120001234567'],
    ['9120 0012 3456 7', '9120001234567'],
    ['9120.0012.3456.7', '9120001234567'],
    ['9120-0012-3456-7', '9120001234567'],
    ["'9120001234567", '9120001234567'],
  ])('cleans %j to 13 digits', (raw, nib) => {
    expect(value(cleanNib(raw))).toBe(nib);
  });

  it.each(['12345', '91200012345678', '9120A01234567', '9.12000123457E+12', ''])('rejects %j', (raw) => {
    expect(value(cleanNib(raw))).toBe('!nib');
  });
});

describe('parseEmployees', () => {
  it.each([
    ['12', 12],
    ['0', 0],
    ['1.200', 1200],
    ['25 orang', 25],
    ['± 30', 30],
  ])('reads %j as %d', (raw, n) => {
    expect(value(parseEmployees(raw))).toBe(n);
  });

  it.each(['-3', '12,5', 'banyak', '2000000', ''])('rejects %j', (raw) => {
    expect(value(parseEmployees(raw))).toBe('!employees');
  });
});

describe('parseCoordinates', () => {
  it.each([
    ['-6.57, 107.76', { lat: -6.57, lon: 107.76 }],
    ['-6.57,107.76', { lat: -6.57, lon: 107.76 }],
    ['-6,57; 107,76', { lat: -6.57, lon: 107.76 }],
    ['-8.58 116.12', { lat: -8.58, lon: 116.12 }],
    ['116.12, -8.58', { lat: -8.58, lon: 116.12 }],
  ])('reads %j', (raw, point) => {
    expect(value(parseCoordinates(raw))).toEqual(point);
  });

  it('rejects points outside Indonesia and unreadable text', () => {
    expect(value(parseCoordinates('40.71, -74.00'))).toBe('!coordinates_range');
    expect(value(parseCoordinates('-6.57'))).toBe('!coordinates');
    expect(value(parseCoordinates('dekat pasar'))).toBe('!coordinates');
  });
});

describe('other cells', () => {
  it('restores the leading zero Excel drops from mobile numbers and keeps the first of several', () => {
    expect(value(cleanPhone('81234567890'))).toBe('081234567890');
    expect(value(cleanPhone('0812-3456-789 / 0813-1111-222'))).toBe('0812-3456-789');
    expect(value(cleanPhone('+62 812 3456 789'))).toBe('+62 812 3456 789');
    expect(value(cleanPhone('hubungi kantor'))).toBe('!phone');
  });

  it('lower-cases e-mail addresses and rejects non-addresses', () => {
    expect(value(cleanEmail('Asep@Example.Test'))).toBe('asep@example.test');
    expect(value(cleanEmail('asep at example'))).toBe('!email');
  });

  it('splits KBLI lists and restores leading zeros', () => {
    expect(value(parseKbli('25920, 28299'))).toEqual(['25920', '28299']);
    expect(value(parseKbli('1111'))).toEqual(['01111']);
    expect(value(parseKbli('259'))).toBe('!kbli');
  });

  it('reads years and the year of a date cell', () => {
    expect(value(parseYear('2015', 2026))).toBe(2015);
    expect(value(parseYear('2015-03-01', 2026))).toBe(2015);
    expect(value(parseYear('2030', 2026))).toBe('!year');
  });
});

describe('cleanEmail on hostile input', () => {
  it('refuses a 200 KB cell without running a pattern over it', () => {
    expect(cleanEmail(`a@${'a.'.repeat(100_000)}`)).toEqual({ ok: false, code: 'email' });
    expect(cleanEmail(`${'a'.repeat(100_000)}@${'b'.repeat(100_000)}.id`)).toEqual({
      ok: false,
      code: 'email',
    });
  });

  it('still takes ordinary addresses and refuses near misses', () => {
    expect(cleanEmail(' Asep@Example.co.id ')).toEqual({ ok: true, value: 'asep@example.co.id' });
    for (const bad of ['a@b', 'a@b.', '@b.id', 'a@@b.id', 'a b@c.id', 'a@b@c.id'])
      expect(cleanEmail(bad).ok, bad).toBe(false);
  });
});
