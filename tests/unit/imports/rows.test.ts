import { describe, expect, it } from 'vitest';
import type { Mapping } from '../../../src/imports/fields.js';
import { buildRegionIndex, type RegionRef } from '../../../src/imports/regions.js';
import { checkRow, type RowContext } from '../../../src/imports/rows.js';
import { buildTermMatcher } from '../../../src/imports/terms.js';
import { termsOfKind } from '../../../src/taxonomy/dictionary.js';

const regions: RegionRef[] = [
  { code: '32', kind: 'province', name: 'Jawa Barat', provinceCode: null },
  { code: '32.13', kind: 'regency', name: 'Kabupaten Subang', provinceCode: '32' },
  { code: '32.04', kind: 'regency', name: 'Kabupaten Bandung', provinceCode: '32' },
  { code: '32.73', kind: 'regency', name: 'Kota Bandung', provinceCode: '32' },
];

const ctx: RowContext = {
  regions: buildRegionIndex(regions),
  processes: buildTermMatcher(termsOfKind('process')),
  materials: buildTermMatcher(termsOfKind('material')),
  certifications: buildTermMatcher(termsOfKind('certification')),
  kbliExists: (c) => c === '25920',
  thisYear: 2026,
};

const mapping: Mapping = [
  'legal_name',
  'nib',
  'regency',
  'employees',
  'coordinates',
  'processes',
  'contact_phone',
  null,
];
const check = (cells: string[]) => checkRow({ row: 7, cells }, mapping, ctx);

describe('checkRow', () => {
  it('turns a good row into supplier values', () => {
    const r = check([
      'CV. Sinar Bubut',
      '9120 0012 3456 7',
      'Kab. Subang',
      '12',
      '-6.57, 107.76',
      'bubut, las argon',
      '81234567890',
      'abaikan',
    ]);
    expect(r.ok).toBe(true);
    expect(r.issues).toEqual([]);
    expect(r.values).toEqual({
      legalName: 'CV. Sinar Bubut',
      nameNorm: 'sinar bubut',
      nib: '9120001234567',
      regencyCode: '32.13',
      provinceCode: '32',
      employees: 12,
      lat: -6.57,
      lon: 107.76,
      processes: ['turning', 'tig'],
      contactPhone: '081234567890',
    });
  });

  it('leaves empty cells out rather than blanking fields', () => {
    const r = check(['UD Las', '', '', '', '', '', '', '']);
    expect(r.ok).toBe(true);
    expect(r.values).toEqual({ legalName: 'UD Las', nameNorm: 'las' });
  });

  it('rejects a missing name, a bad NIB, an unknown regency, a bad headcount and far-away coordinates', () => {
    const r = check(['', '12345', 'Kab. Atlantis', 'banyak', '40.7, -74.0', '', '', '']);
    expect(r.ok).toBe(false);
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => [i.field, i.code])).toEqual([
      ['legal_name', 'name_missing'],
      ['nib', 'nib'],
      ['employees', 'employees'],
      ['regency', 'regency_unknown'],
      ['coordinates', 'coordinates_range'],
    ]);
    expect(r.issues.every((i) => i.row === 7)).toBe(true);
  });

  it('reports an ambiguous regency with its candidates', () => {
    const r = check(['CV A', '', 'Bandung', '', '', '', '', '']);
    expect(r.ok).toBe(false);
    expect(r.issues[0]).toMatchObject({
      code: 'regency_ambiguous',
      value: 'Kabupaten Bandung, Kota Bandung',
    });
  });

  it('keeps a row with unknown process words or a bad phone, as warnings', () => {
    const r = check(['CV A', '', '', '', '', 'bubut, sablon', 'hubungi kantor', '']);
    expect(r.ok).toBe(true);
    expect(r.values.processes).toEqual(['turning']);
    expect(r.values.contactPhone).toBeUndefined();
    expect(r.issues.map((i) => [i.code, i.severity, i.value])).toEqual([
      ['terms_unknown', 'warning', 'sablon'],
      ['phone', 'warning', 'hubungi kantor'],
    ]);
  });

  it('uses the province column to settle Kabupaten versus Kota', () => {
    const m: Mapping = ['legal_name', 'regency', 'province'];
    const r = checkRow({ row: 2, cells: ['CV A', 'Kota Bandung', 'Jawa Barat'] }, m, ctx);
    expect(r.values.regencyCode).toBe('32.73');
  });

  it('reads separate latitude and longitude columns and blames the wrong one', () => {
    const m: Mapping = ['legal_name', 'lat', 'lon'];
    expect(checkRow({ row: 2, cells: ['CV A', '-6,57', '107,76'] }, m, ctx).values).toMatchObject({
      lat: -6.57,
      lon: 107.76,
    });
    const bad = checkRow({ row: 2, cells: ['CV A', '-6.57', '7.76'] }, m, ctx);
    expect(bad.issues[0]).toMatchObject({ field: 'lon', code: 'coordinates_range' });
  });
});
