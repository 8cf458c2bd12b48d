import { describe, expect, it } from 'vitest';
import { buildRegionIndex, type RegionRef } from '../../../src/imports/regions.js';

const P = (code: string, name: string): RegionRef => ({ code, kind: 'province', name, provinceCode: null });
const R = (code: string, name: string): RegionRef => ({
  code,
  kind: 'regency',
  name,
  provinceCode: code.slice(0, 2),
});

const REGIONS: RegionRef[] = [
  P('32', 'Jawa Barat'),
  P('35', 'Jawa Timur'),
  P('52', 'Nusa Tenggara Barat'),
  P('63', 'Kalimantan Selatan'),
  P('31', 'DKI Jakarta'),
  R('32.04', 'Kabupaten Bandung'),
  R('32.73', 'Kota Bandung'),
  R('32.13', 'Kabupaten Subang'),
  R('32.79', 'Kota Banjar'),
  R('63.03', 'Kabupaten Banjar'),
  R('35.13', 'Kabupaten Probolinggo'),
  R('35.74', 'Kota Probolinggo'),
  R('35.14', 'Kabupaten Pasuruan'),
  R('35.75', 'Kota Pasuruan'),
  R('35.16', 'Kabupaten Mojokerto'),
  R('35.76', 'Kota Mojokerto'),
  R('52.07', 'Kabupaten Sumbawa Barat'),
  R('52.71', 'Kota Mataram'),
  R('31.71', 'Kota Administrasi Jakarta Pusat'),
  R('63.02', 'Kabupaten Kotabaru'),
];

const idx = buildRegionIndex(REGIONS);
const code = (text: string, province?: string) => {
  const m = idx.regency(text, province ?? null);
  return m.ok ? m.code : m.code;
};

describe('regency matching', () => {
  it.each([
    ['Kab. Subang', '32.13'],
    ['SUBANG', '32.13'],
    ['Kabupaten Subang', '32.13'],
    ['kab subang', '32.13'],
    ['KAB.SUBANG', '32.13'],
    ['Kota Mataram', '52.71'],
    ['MATARAM', '52.71'],
    ['Sumbawa Barat', '52.07'],
    ['sumbawabarat', '52.07'],
    ['Jakarta Pusat', '31.71'],
    ['Kota Adm. Jakarta Pusat', '31.71'],
    ['Kotabaru', '63.02'],
    ['Kota Baru', '63.02'],
    ['32.13', '32.13'],
    ['3213', '32.13'],
    ['Subang, Jawa Barat', '32.13'],
  ])('resolves %j to %s', (text, expected) => {
    expect(code(text)).toBe(expected);
  });

  it('takes the stated kind for names that are both a Kabupaten and a Kota', () => {
    expect(code('Kab. Bandung')).toBe('32.04');
    expect(code('Kota Bandung')).toBe('32.73');
    expect(code('Kabupaten Probolinggo')).toBe('35.13');
    expect(code('Kodya Pasuruan')).toBe('35.75');
  });

  it('reports a bare ambiguous name with its candidates', () => {
    for (const name of ['Bandung', 'Probolinggo', 'Pasuruan', 'Mojokerto']) {
      const m = idx.regency(name, null);
      expect(m.ok).toBe(false);
      if (!m.ok && m.code === 'regency_ambiguous') {
        expect(m.candidates).toHaveLength(2);
        expect(m.candidates.join()).toMatch(/Kabupaten .*Kota /);
      } else throw new Error(`${name} should be ambiguous`);
    }
  });

  it('lets the province settle a name shared across provinces', () => {
    expect(code('Banjar')).toBe('regency_ambiguous');
    expect(code('Banjar', '63')).toBe('63.03');
    expect(code('Banjar', '32')).toBe('32.79');
  });

  it('stays ambiguous when both candidates lie in the given province', () => {
    expect(code('Probolinggo', '35')).toBe('regency_ambiguous');
  });

  it('reports unknown places', () => {
    expect(code('Kab. Atlantis')).toBe('regency_unknown');
    expect(code('99.99')).toBe('regency_unknown');
  });
});

describe('province matching', () => {
  it.each([
    ['Jawa Barat', '32'],
    ['JAWA TIMUR', '35'],
    ['Provinsi Nusa Tenggara Barat', '52'],
    ['NTB', '52'],
    ['Jabar', '32'],
    ['jatim', '35'],
    ['DKI Jakarta', '31'],
    ['52', '52'],
  ])('resolves %j to %s', (text, expected) => {
    expect(idx.province(text)).toBe(expected);
  });

  it('returns null for an unknown province', () => {
    expect(idx.province('Atlantis')).toBeNull();
  });
});
