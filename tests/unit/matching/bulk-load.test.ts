import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FactStore } from '../../../src/matching/fact-store.js';
import { AmountColumn, IdColumn } from '../../../src/matching/narrow-columns.js';
import { topSlots } from '../../../src/matching/rank.js';
import { compileNeed } from '../../../src/matching/scorer.js';
import { buildTermTree } from '../../../src/matching/term-tree.js';
import type { NeedCriteria, SupplierFacts, SupplierStatus } from '../../../src/matching/types.js';
import { fullScan } from './full-scan.js';

const TODAY = '2026-11-22';
const idOf = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const PROCESSES = ['p0', 'p1', 'p2', 'p3'];
const MATERIALS = ['m0', 'm1'];
const tree = buildTermTree([
  { kind: 'process', slug: 'p0', parentSlug: null },
  { kind: 'process', slug: 'p1', parentSlug: 'p0' },
  { kind: 'process', slug: 'p2', parentSlug: null },
  { kind: 'process', slug: 'p3', parentSlug: null },
  { kind: 'material', slug: 'm0', parentSlug: null },
  { kind: 'material', slug: 'm1', parentSlug: 'm0' },
]);

const facts = fc.record({
  status: fc.constantFrom<SupplierStatus>('verified', 'submitted', 'draft'),
  at: fc.option(
    fc.tuple(fc.double({ min: -8, max: -6, noNaN: true }), fc.double({ min: 106, max: 108, noNaN: true })),
  ),
  processes: fc.subarray(PROCESSES),
  materials: fc.subarray(MATERIALS),
  tkdn: fc.option(fc.integer({ min: 10, max: 90 })),
  amount: fc.option(
    fc.oneof(
      fc.integer({ min: 0, max: 10 ** 7 }).map((c) => c / 100),
      fc.double({ min: 0, max: 1e9 }),
    ),
  ),
  unit: fc.option(fc.constantFrom('pcs/bulan', 'ton/bulan')),
});
type Raw = typeof facts extends fc.Arbitrary<infer T> ? T : never;
const toFacts = (id: string, r: Raw): SupplierFacts => ({
  id,
  status: r.status,
  lat: r.at?.[0] ?? null,
  lon: r.at?.[1] ?? null,
  processes: r.processes,
  materials: r.materials,
  certTypes: r.tkdn === null ? [] : ['tkdn'],
  certUntil: r.tkdn === null ? [] : ['2027-06-30'],
  certTkdn: r.tkdn === null ? [] : [r.tkdn],
  capacityAmount: r.amount,
  capacityUnit: r.unit,
});

const need = fc.record({
  processes: fc.subarray(PROCESSES, { maxLength: 2 }),
  materials: fc.subarray(MATERIALS, { maxLength: 1 }),
  maxDistanceKm: fc.constantFrom(null, 50, 150),
  minTkdn: fc.constantFrom(null, 40),
});

describe('FactStore bulk load (beginLoad … endLoad, as CandidateIndex.build loads)', () => {
  it('holds and ranks exactly what one-by-one writes do, before and after later rewrites', () => {
    fc.assert(
      fc.property(
        fc.array(facts, { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(45), fc.option(facts)), { maxLength: 10 }),
        need,
        (rows, rewrites, nd) => {
          const bulk = new FactStore();
          const slow = new FactStore();
          bulk.beginLoad(rows.length);
          for (const [i, r] of rows.entries()) {
            bulk.put(idOf(i), toFacts(idOf(i), r));
            slow.put(idOf(i), toFacts(idOf(i), r));
          }
          bulk.endLoad();
          slow.trim();
          const check = () => {
            expect(bulk.facts).toEqual(slow.facts);
            for (const slug of PROCESSES)
              expect([...bulk.postings('process', slug)].sort()).toEqual(
                [...slow.postings('process', slug)].sort(),
              );
            const criteria: NeedCriteria = {
              ...nd,
              requiredCerts: [],
              preferredCerts: [],
              quantity: 100,
              unit: 'pcs',
              frequency: 'monthly',
              point: { lat: -7, lon: 107 },
              placeName: null,
              hasText: false,
            };
            const n = compileNeed(criteria, tree, ['verified', 'submitted'], bulk.intern);
            const got = topSlots(bulk, n, new Map(), new Map(), TODAY, 5, 0);
            const want = fullScan(bulk.facts, n, new Map(), new Map(), TODAY, 5, 0);
            expect(got.top.map((s) => bulk.idAt(s))).toEqual(want.top.map((s) => bulk.idAt(s)));
            expect([got.total, got.excluded]).toEqual([want.total, want.excluded]);
          };
          check();
          for (const [i, r] of rewrites) {
            bulk.put(idOf(i), r && toFacts(idOf(i), r));
            slow.put(idOf(i), r && toFacts(idOf(i), r));
          }
          check();
        },
      ),
      { seed: 20261205, numRuns: 300 },
    );
  });

  it('allocates every posting list at its exact length (no growth slack left by the load)', () => {
    const store = new FactStore();
    store.beginLoad(1000);
    for (let i = 0; i < 1000; i++) {
      const r: Raw = {
        status: 'verified',
        at: null,
        processes: PROCESSES.slice(0, 1 + (i % 4)),
        materials: [],
        tkdn: null,
        amount: null,
        unit: null,
      };
      store.put(idOf(i), toFacts(idOf(i), r));
    }
    store.endLoad();
    for (const slug of PROCESSES) {
      const list = store.postings('process', slug);
      expect(list.length).toBeGreaterThan(0);
      expect(list.buffer.byteLength).toBe(list.byteLength);
    }
    expect(store.postings('process', 'p0')).toHaveLength(1000);
  });
});

describe('narrow columns', () => {
  it('give back every capacity amount exactly (cents in 4 bytes, anything else beside)', () => {
    const amount = fc.oneof(
      fc.integer({ min: 0, max: 2 ** 32 + 10 }).map((c) => c / 100),
      fc.double({ noNaN: false }),
      fc.constantFrom(-0, 0, 0.1, 0.29, 42_949_672.93, 42_949_672.94, 42_949_672.95, null),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(20), amount), { maxLength: 60 }), (writes) => {
        const col = new AmountColumn(4);
        const model = new Map<number, number | null>();
        for (const [slot, x] of writes) {
          if (slot >= col.length) col.resize(slot + 1);
          col.set(slot, x);
          model.set(slot, x === null || Number.isNaN(x) ? null : x);
        }
        for (const [slot, x] of model) expect(Object.is(col.get(slot), x)).toBe(true);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('widen an id column from 1 to 2 to 4 bytes without losing what it held', () => {
    const col = new IdColumn(8);
    expect(col.byteLength).toBe(8);
    const want = [3, 255, 256, 65_535, 65_536, 2 ** 32 - 1, 0, 7];
    want.forEach((v, i) => {
      col.set(i, v);
      for (let k = 0; k <= i; k++) expect(col.get(k)).toBe(want[k]);
    });
    expect(col.byteLength).toBe(32);
    col.resize(3);
    expect([col.get(0), col.get(1), col.get(2), col.length]).toEqual([3, 255, 256, 3]);
  });
});
