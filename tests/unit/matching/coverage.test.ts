import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverageOf } from '../../../src/matching/coverage.js';
import { FactStore } from '../../../src/matching/fact-store.js';
import { topSlots } from '../../../src/matching/rank.js';
import { assess, compileNeed } from '../../../src/matching/scorer.js';
import { buildTermTree } from '../../../src/matching/term-tree.js';
import { IRRELEVANT, type NeedCriteria, type SupplierFacts } from '../../../src/matching/types.js';
import { TAXONOMY } from '../../../src/taxonomy/dictionary.js';

const tree = buildTermTree(
  TAXONOMY.map((t) => ({ kind: t.kind, slug: t.slug, parentSlug: t.parent ?? null })),
);
const TODAY = '2026-11-22';
const SUBANG = { lat: -6.46, lon: 107.63 };

const need = (over: Partial<NeedCriteria> = {}): NeedCriteria => ({
  processes: ['cnc-turning'],
  materials: ['stainless-steel'],
  requiredCerts: [],
  preferredCerts: [],
  minTkdn: null,
  quantity: null,
  unit: null,
  frequency: null,
  point: SUBANG,
  placeName: 'Smartpolitan',
  maxDistanceKm: null,
  hasText: true,
  ...over,
});

let seq = 0;
const supplier = (over: Partial<SupplierFacts> = {}): SupplierFacts => ({
  id: `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`,
  status: 'verified',
  lat: SUBANG.lat,
  lon: SUBANG.lon,
  processes: [],
  materials: [],
  certTypes: [],
  certUntil: [],
  certTkdn: [],
  capacityAmount: null,
  capacityUnit: null,
  ...over,
});

describe('matching covers what was asked', () => {
  it('reproduces "stainless CNC turning": none-of-it is no match, full coverage ranks first', () => {
    const n = compileNeed(need(), tree, ['verified']);
    const full = supplier({ processes: ['cnc-turning'], materials: ['stainless-304'], lat: -8.5, lon: 116 });
    const part = supplier({
      processes: ['cnc-turning'],
      materials: ['aluminium'],
      certTypes: ['iso-9001'],
      certUntil: [null],
      certTkdn: [null],
    });
    const none = supplier({ processes: ['welding'], materials: ['carbon-steel'] });
    const text = new Map([
      [none.id, 0.9],
      [part.id, 0.2],
      [full.id, 0.1],
    ]);
    expect(assess(n, none, { text: 0.9, trackRecord: null }, TODAY)).toBe(IRRELEVANT);
    const ranked = topSlots(FactStore.of([none, part, full]), n, text, new Map(), TODAY, 10, 0);
    expect(ranked.top.map((s) => [none, part, full][s]!.id)).toEqual([full.id, part.id]);
    expect(coverageOf(n, full.processes, full.materials)).toMatchObject({
      processes: { covered: 1, named: 1 },
      materials: { covered: 1, named: 1 },
      ratio: 1,
    });
  });

  it('always ranks a supplier covering more of the named terms above one covering less', () => {
    const slugsP = ['turning', 'cnc-turning', 'milling', 'welding', 'tig', 'casting'];
    const slugsM = ['stainless-steel', 'stainless-304', 'aluminium', 'brass', 'carbon-steel'];
    const arb = fc.record({
      processes: fc.subarray(slugsP),
      materials: fc.subarray(slugsM),
      lat: fc.double({ min: -9, max: -6, noNaN: true }),
      lon: fc.double({ min: 106, max: 117, noNaN: true }),
      text: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(arb, { minLength: 2, maxLength: 12 }),
        fc.subarray(slugsP, { minLength: 1, maxLength: 3 }),
        fc.subarray(slugsM, { maxLength: 2 }),
        (rows, processes, materials) => {
          const n = compileNeed(need({ processes, materials }), tree, ['verified']);
          const facts = rows.map((r) =>
            supplier({ processes: r.processes, materials: r.materials, lat: r.lat, lon: r.lon }),
          );
          const text = new Map(facts.map((f, i) => [f.id, rows[i]!.text]));
          const top = topSlots(FactStore.of(facts), n, text, new Map(), TODAY, 50, 0).top;
          const ratios = top.map((s) => coverageOf(n, facts[s]!.processes, facts[s]!.materials).ratio);
          for (let i = 1; i < ratios.length; i++) expect(ratios[i]!).toBeLessThanOrEqual(ratios[i - 1]!);
          for (const s of top) expect(ratios[top.indexOf(s)]!).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
