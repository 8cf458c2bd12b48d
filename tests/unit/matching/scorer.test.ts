import { describe, expect, it } from 'vitest';
import { assess, compileNeed, HIDDEN } from '../../../src/matching/scorer.js';
import { roundScore } from '../../../src/matching/soft-score.js';
import { buildTermTree } from '../../../src/matching/term-tree.js';
import {
  type Criterion,
  EXCLUDED,
  IRRELEVANT,
  type NeedCriteria,
  type SupplierFacts,
} from '../../../src/matching/types.js';
import { DISTANCE_HALF_LIFE_KM, WEIGHTS } from '../../../src/matching/weights.js';
import { TAXONOMY } from '../../../src/taxonomy/dictionary.js';

const tree = buildTermTree(
  TAXONOMY.map((t) => ({ kind: t.kind, slug: t.slug, parentSlug: t.parent ?? null })),
);
const TODAY = '2026-11-22';
const SMARTPOLITAN = { lat: -6.46, lon: 107.63 };
const sig = (text = 0) => ({ text, trackRecord: null });

function need(over: Partial<NeedCriteria> = {}): NeedCriteria {
  return {
    processes: ['turning'],
    materials: [],
    requiredCerts: [],
    preferredCerts: [],
    minTkdn: null,
    quantity: null,
    unit: null,
    frequency: null,
    point: SMARTPOLITAN,
    placeName: 'Smartpolitan Subang',
    maxDistanceKm: null,
    hasText: false,
    ...over,
  };
}

function supplier(over: Partial<SupplierFacts> = {}): SupplierFacts {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    status: 'verified',
    lat: SMARTPOLITAN.lat,
    lon: SMARTPOLITAN.lon,
    processes: ['turning'],
    materials: [],
    certTypes: [],
    certUntil: [],
    certTkdn: [],
    capacityAmount: null,
    capacityUnit: null,
    ...over,
  };
}

const score = (
  n: NeedCriteria,
  s: SupplierFacts,
  text = 0,
  statuses: SupplierFacts['status'][] = ['verified'],
) => assess(compileNeed(n, tree, statuses), s, sig(text), TODAY);

function explain(n: NeedCriteria, s: SupplierFacts, text = 0) {
  const out: Criterion[] = [];
  const result = assess(compileNeed(n, tree, ['verified', 'submitted']), s, sig(text), TODAY, out);
  return { result, out, by: (code: string) => out.filter((c) => c.code === code) };
}

describe('score formula', () => {
  it('gives 100 to a verified supplier at the delivery point with every process', () => {
    expect(score(need(), supplier())).toBe(100);
  });

  it('is the weighted mean of the components that apply', () => {
    const n = need({ processes: ['turning', 'milling'], materials: ['brass'] });
    const s = supplier({ lat: -6.46 + 75 / 111.2, processes: ['turning'], status: 'submitted' });
    const km = 75;
    const expected =
      (100 *
        (WEIGHTS.processes * 0.5 +
          WEIGHTS.materials * 0 +
          WEIGHTS.distance * 0.5 ** (km / DISTANCE_HALF_LIFE_KM))) /
      (WEIGHTS.processes + WEIGHTS.materials + WEIGHTS.distance + WEIGHTS.verified);
    expect(score(n, s, 0, ['verified', 'submitted'])).toBeCloseTo(roundScore(expected), 0);
  });

  it('counts a narrower process of the taxonomy as covering the broader one, not the reverse', () => {
    expect(score(need({ processes: ['turning'] }), supplier({ processes: ['cnc-turning'] }))).toBe(100);
    expect(score(need({ processes: ['cnc-turning'] }), supplier({ processes: ['turning'] }))).toBe(
      IRRELEVANT,
    );
  });

  it('halves the distance component every DISTANCE_HALF_LIFE_KM', () => {
    const near = explain(need(), supplier());
    const far = explain(need(), supplier({ lat: SMARTPOLITAN.lat - DISTANCE_HALF_LIFE_KM / 111.2 }));
    const points = (x: typeof near) => x.by('distance')[0]!.points;
    expect(points(far) / points(near)).toBeCloseTo(0.5, 1);
  });

  it('scores capacity only when both sides give comparable quantities', () => {
    const n = need({ quantity: 10, unit: 'ton', frequency: 'monthly' });
    const half = explain(n, supplier({ capacityAmount: 5, capacityUnit: 'ton/bulan' }));
    expect(half.by('capacity')[0]).toMatchObject({ applies: true, fit: 0.5 });
    const kg = explain(n, supplier({ capacityAmount: 20000, capacityUnit: 'kg/bulan' }));
    expect(kg.by('capacity')[0]).toMatchObject({ applies: true, fit: 1 });
    const pieces = explain(n, supplier({ capacityAmount: 5, capacityUnit: 'pcs/bulan' }));
    expect(pieces.by('capacity')[0]).toMatchObject({ applies: false, fit: null });
    const yearly = explain(
      need({ quantity: 120, unit: 'pcs', frequency: 'yearly' }),
      supplier({ capacityAmount: 5, capacityUnit: 'pcs/bulan' }),
    );
    expect(yearly.by('capacity')[0]).toMatchObject({ fit: 0.5 });
  });

  it('counts the track record only for suppliers that have one', () => {
    const n = compileNeed(need(), tree, ['verified']);
    const none = assess(n, supplier(), { text: 0, trackRecord: null }, TODAY);
    const good = assess(n, supplier(), { text: 0, trackRecord: 1 }, TODAY);
    const poor = assess(n, supplier(), { text: 0, trackRecord: 0 }, TODAY);
    expect(none).toBe(100);
    expect(good).toBe(100);
    expect(poor).toBeLessThan(good as number);
  });
});

describe('hard constraints', () => {
  const iso = (until: string | null) => ({ certTypes: ['iso-9001'], certUntil: [until], certTkdn: [null] });

  it('excludes a supplier without a valid required certificate, judging expiry by the WIB date', () => {
    const n = need({ requiredCerts: ['iso-9001'] });
    expect(score(n, supplier(iso('2027-01-01')))).toBeGreaterThan(0);
    expect(score(n, supplier(iso(TODAY)))).toBeGreaterThan(0);
    expect(score(n, supplier(iso(null)))).toBeGreaterThan(0);
    expect(score(n, supplier(iso('2026-11-21')))).toBe(EXCLUDED);
    expect(score(n, supplier())).toBe(EXCLUDED);
    expect(explain(n, supplier(iso('2026-11-21'))).by('cert_required')[0]).toMatchObject({
      pass: false,
      state: 'expired',
      until: '2026-11-21',
    });
  });

  it('requires the minimum TKDN over valid tkdn certificates only', () => {
    const n = need({ minTkdn: 40 });
    const tkdn = (p: number, until: string) => ({ certTypes: ['tkdn'], certUntil: [until], certTkdn: [p] });
    expect(score(n, supplier(tkdn(45, '2027-01-01')))).toBeGreaterThan(0);
    expect(score(n, supplier(tkdn(70, '2026-01-01')))).toBe(EXCLUDED);
    expect(score(n, supplier(tkdn(35, '2027-01-01')))).toBe(EXCLUDED);
    expect(score(n, supplier({ certTypes: ['sni'], certUntil: [null], certTkdn: [90] }))).toBe(EXCLUDED);
  });

  it('excludes suppliers beyond the maximum distance or without a location', () => {
    const n = need({ maxDistanceKm: 50 });
    expect(score(n, supplier({ lat: -6.57, lon: 107.76 }))).toBeGreaterThan(0);
    expect(score(n, supplier({ lat: -8.58, lon: 116.12 }))).toBe(EXCLUDED);
    expect(score(n, supplier({ lat: null, lon: null }))).toBe(EXCLUDED);
  });

  it('hides statuses the viewer may not see matched, and never matches suspended or rejected ones', () => {
    expect(score(need(), supplier({ status: 'submitted' }))).toBe(HIDDEN);
    expect(score(need(), supplier({ status: 'submitted' }), 0, ['verified', 'submitted'])).toBeGreaterThan(0);
    for (const status of ['suspended', 'rejected', 'draft'] as const)
      expect(score(need(), supplier({ status }), 0, ['verified', 'submitted'])).toBe(HIDDEN);
  });

  it('needs relevance: a named process or material, else text; a need naming none matches anyone', () => {
    expect(score(need(), supplier({ processes: ['welding'] }))).toBe(IRRELEVANT);
    expect(score(need({ hasText: true }), supplier({ processes: ['welding'] }), 0.4)).toBe(IRRELEVANT);
    expect(
      score(need({ processes: [], hasText: true }), supplier({ processes: ['welding'] }), 0.4),
    ).toBeGreaterThan(0);
    expect(score(need({ processes: [] }), supplier({ processes: ['welding'] }))).toBeGreaterThan(0);
  });
});

describe('explained and fast paths', () => {
  it('agree on random suppliers and needs', () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const pick = <T>(xs: readonly T[], n: number) => xs.filter(() => rnd() < n / xs.length);
    const procs = ['turning', 'cnc-turning', 'milling', 'welding', 'casting', 'machining'];
    const mats = ['stainless-steel', 'stainless-304', 'brass', 'carbon-steel'];
    const certs = ['iso-9001', 'sni', 'halal', 'tkdn'];
    for (let i = 0; i < 500; i++) {
      const n = need({
        processes: pick(procs, 2),
        materials: pick(mats, 1),
        requiredCerts: pick(certs, 0.5),
        preferredCerts: pick(certs, 1),
        minTkdn: rnd() < 0.3 ? Math.round(rnd() * 60) : null,
        maxDistanceKm: rnd() < 0.5 ? 50 + rnd() * 400 : null,
        quantity: rnd() < 0.4 ? 100 : null,
        unit: 'pcs',
        frequency: 'monthly',
        hasText: rnd() < 0.5,
      });
      const types = pick(certs, 1.5);
      const s = supplier({
        status: rnd() < 0.8 ? 'verified' : 'submitted',
        lat: -6 - rnd() * 3,
        lon: 106 + rnd() * 11,
        processes: pick(procs, 1.5),
        materials: pick(mats, 1),
        certTypes: types,
        certUntil: types.map(() => (rnd() < 0.7 ? '2027-01-01' : '2026-01-01')),
        certTkdn: types.map((t) => (t === 'tkdn' ? Math.round(rnd() * 80) : null)),
        capacityAmount: rnd() < 0.5 ? Math.round(rnd() * 300) : null,
        capacityUnit: 'pcs/bulan',
      });
      const text = rnd() < 0.5 ? rnd() : 0;
      const compiled = compileNeed(n, tree, ['verified', 'submitted']);
      const fast = assess(compiled, s, sig(text), TODAY);
      const out: Criterion[] = [];
      const slow = assess(compiled, s, sig(text), TODAY, out);
      expect(slow).toBe(fast);
      const hardFails = out.filter((c) => c.hard && !c.pass).map((c) => c.code);
      if (fast >= 0) {
        expect(hardFails).toEqual([]);
        const points = out.filter((c) => !c.hard).reduce((a, c) => a + c.points, 0);
        expect(Math.abs(points - fast)).toBeLessThan(0.5);
      } else expect(hardFails.length).toBeGreaterThan(0);
    }
  });
});
