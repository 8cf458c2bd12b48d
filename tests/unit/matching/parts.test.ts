import { describe, expect, it } from 'vitest';
import { buildSynonymTable } from '../../../search/synonyms.js';
import { translator } from '../../../src/i18n/index.js';
import { needMonthly, supplierMonthly } from '../../../src/matching/capacity.js';
import { renderReasons, describe as sentence } from '../../../src/matching/reasons.js';
import { assess, compileNeed } from '../../../src/matching/scorer.js';
import { buildTermTree } from '../../../src/matching/term-tree.js';
import { textProbes } from '../../../src/matching/text-relevance.js';
import type { Criterion } from '../../../src/matching/types.js';
import { findTerm, TAXONOMY, type TermKind } from '../../../src/taxonomy/dictionary.js';

const table = buildSynonymTable(TAXONOMY);
const tree = buildTermTree(
  TAXONOMY.map((t) => ({ kind: t.kind, slug: t.slug, parentSlug: t.parent ?? null })),
);

describe('text probes', () => {
  it('picks taxonomy phrases, products first, one probe per term in either language', () => {
    expect(
      textProbes(['Poros pompa stainless', 'Kami butuh jasa bubut poros (shaft) dari stainless'], table),
    ).toEqual(['poros', 'pompa', 'jasa bubut']);
  });

  it('treats an English and an Indonesian name of one term as the same probe', () => {
    expect(textProbes(['Turning', 'bubut'], table)).toEqual(['turning']);
  });

  it('falls back to the longer title words when no taxonomy phrase is found', () => {
    expect(textProbes(['Pengadaan xyzzy kualitas 2026', null], table)).toEqual(['pengadaan xyzzy kualitas']);
    expect(textProbes([null, ''], table)).toEqual([]);
  });
});

describe('capacity units', () => {
  it('reads supplier capacities per month in base units', () => {
    expect(supplierMonthly(20, 'ton/bulan')).toEqual({ amount: 20000, base: 'kg' });
    expect(supplierMonthly(500, 'pcs / month')).toEqual({ amount: 500, base: 'pcs' });
    expect(supplierMonthly(100, 'unit/minggu')?.amount).toBeCloseTo(433.3, 0);
    expect(supplierMonthly(5, 'rim')).toBeNull();
    expect(supplierMonthly(null, 'pcs/bulan')).toBeNull();
  });

  it('spreads yearly demand over twelve months', () => {
    expect(needMonthly(1200, 'pcs', 'yearly')).toEqual({ amount: 100, base: 'pcs' });
    expect(needMonthly(3, 'ton', 'once')).toEqual({ amount: 3000, base: 'kg' });
  });
});

describe('reasons', () => {
  const ctx = (locale: 'id' | 'en') => ({
    t: translator(locale),
    locale,
    term: (kind: 'process' | 'material' | 'certification', slug: string) => {
      const t = findTerm(kind as TermKind, slug);
      return t ? (locale === 'en' ? t.labelEn : t.labelId) : slug;
    },
  });

  function criteria() {
    const n = compileNeed(
      {
        processes: ['turning', 'milling', 'drilling'],
        materials: [],
        requiredCerts: ['iso-9001'],
        preferredCerts: ['halal'],
        minTkdn: 40,
        quantity: null,
        unit: null,
        frequency: null,
        point: { lat: -7.5, lon: 112.7 },
        placeName: 'KIH Safe and Lock',
        maxDistanceKm: 100,
        hasText: false,
      },
      tree,
      ['verified'],
    );
    const out: Criterion[] = [];
    assess(
      n,
      {
        id: 'x',
        status: 'verified',
        lat: -7.5 + 42 / 111.2,
        lon: 112.7,
        processes: ['cnc-turning', 'milling', 'drilling'],
        materials: [],
        certTypes: ['iso-9001', 'tkdn', 'halal'],
        certUntil: ['2027-01-01', '2027-01-01', null],
        certTkdn: [null, 45.5, null],
        capacityAmount: null,
        capacityUnit: null,
      },
      { text: 0, trackRecord: 0.5 },
      '2026-11-22',
      out,
    );
    return out;
  }

  it('says what was met, in Indonesian', () => {
    expect(renderReasons(criteria(), ctx('id')).map((r) => r.label)).toEqual([
      'Menguasai 3 dari 3 proses: Bubut, Frais, Bor',
      'Sertifikat ISO 9001 Sistem Manajemen Mutu berlaku',
      'TKDN 45,5% (minimal 40%)',
      'Sertifikat halal (BPJPH) berlaku (diutamakan)',
      '42 km dari KIH Safe and Lock',
      'Terverifikasi fasilitator',
    ]);
  });

  it('says the same in English, with stable codes', () => {
    const reasons = renderReasons(criteria(), ctx('en'));
    expect(reasons.map((r) => r.code)).toEqual([
      'processes',
      'cert_required',
      'tkdn',
      'cert_preferred',
      'distance',
      'verified',
    ]);
    expect(reasons[0]!.label).toBe('Masters 3 of 3 needed processes: Turning (lathe), Milling, Drilling');
    expect(reasons[1]!.label).toBe('ISO 9001 quality management certificate valid');
    expect(reasons[3]!.label).toBe('Halal certificate (BPJPH) valid (preferred)');
    expect(reasons[4]!.label).toBe('42 km from KIH Safe and Lock');
  });

  it('words a failed criterion as such', () => {
    const c: Criterion = {
      code: 'cert_required',
      cert: 'iso-9001',
      state: 'expired',
      until: '2026-01-31',
      hard: true,
      pass: false,
      weight: 0,
      points: 0,
      applies: true,
    };
    expect(sentence(c, false, true, ctx('id'))).toBe(
      'Sertifikat ISO 9001 Sistem Manajemen Mutu (wajib) kedaluwarsa (2026-01-31)',
    );
  });
});
