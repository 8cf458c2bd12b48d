import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FactStore } from '../../../src/matching/fact-store.js';
import { topSlots } from '../../../src/matching/rank.js';
import { assess, compileNeed, HIDDEN } from '../../../src/matching/scorer.js';
import { buildTermTree } from '../../../src/matching/term-tree.js';
import {
  IRRELEVANT,
  type NeedCriteria,
  type SupplierFacts,
  type SupplierStatus,
} from '../../../src/matching/types.js';
import { fullScan } from './full-scan.js';

const TODAY = '2026-11-22';
const SEED = 20261205;

// A small tree with descendants: p0 > p1 > p3, p0 > p2, p4 > p5 > p6; m0 > m1, m0 > m2 > m3.
const LINKS: [string, string, string | null][] = [
  ['process', 'p0', null],
  ['process', 'p1', 'p0'],
  ['process', 'p2', 'p0'],
  ['process', 'p3', 'p1'],
  ['process', 'p4', null],
  ['process', 'p5', 'p4'],
  ['process', 'p6', 'p5'],
  ['process', 'p7', null],
  ['material', 'm0', null],
  ['material', 'm1', 'm0'],
  ['material', 'm2', 'm0'],
  ['material', 'm3', 'm2'],
  ['material', 'm4', null],
];
const tree = buildTermTree(LINKS.map(([kind, slug, parentSlug]) => ({ kind, slug, parentSlug })));
const PROCESSES = [...LINKS.filter((l) => l[0] === 'process').map((l) => l[1]), 'p-unknown'];
const MATERIALS = [...LINKS.filter((l) => l[0] === 'material').map((l) => l[1])];
const STATUSES: SupplierStatus[] = ['draft', 'submitted', 'verified', 'rejected', 'suspended'];
const CERTS = ['iso-9001', 'tkdn', 'halal'];

const cert = fc.record({
  type: fc.constantFrom(...CERTS),
  until: fc.constantFrom(null, '2026-01-01', '2026-11-22', '2027-06-30'),
  tkdn: fc.constantFrom(null, 10, 40, 75),
});
const facts = fc.record({
  status: fc.constantFrom(...STATUSES),
  located: fc.boolean(),
  lat: fc.oneof(
    fc.constantFrom(-6.46, -7.45, 1.1),
    fc.integer({ min: 0, max: 40 }).map((k) => -6.46 - k * 0.05),
  ),
  lon: fc.constantFrom(107.63, 107.9, 112.72, 116.1),
  processes: fc.subarray(PROCESSES, { maxLength: 4 }),
  materials: fc.subarray(MATERIALS, { maxLength: 3 }),
  certs: fc.array(cert, { maxLength: 2 }),
  capacity: fc.constantFrom(null, 100, 5000),
});
type Raw = typeof facts extends fc.Arbitrary<infer T> ? T : never;

const toFacts = (id: string, r: Raw): SupplierFacts => ({
  id,
  status: r.status,
  lat: r.located ? r.lat : null,
  lon: r.located ? r.lon : null,
  processes: r.processes,
  materials: r.materials,
  certTypes: r.certs.map((c) => c.type),
  certUntil: r.certs.map((c) => c.until),
  certTkdn: r.certs.map((c) => (c.type === 'tkdn' ? c.tkdn : null)),
  capacityAmount: r.capacity,
  capacityUnit: r.capacity === null ? null : 'pcs/bulan',
});

const need = fc.record({
  processes: fc.subarray(PROCESSES, { maxLength: 3 }),
  materials: fc.subarray(MATERIALS, { maxLength: 2 }),
  requiredCerts: fc.subarray(CERTS, { maxLength: 1 }),
  preferredCerts: fc.subarray(CERTS, { maxLength: 2 }),
  minTkdn: fc.constantFrom(null, null, 30),
  quantity: fc.constantFrom(null, 1000),
  point: fc.constantFrom(null, { lat: -6.46, lon: 107.63 }, { lat: -7.45, lon: 112.72 }),
  maxDistanceKm: fc.constantFrom(null, null, 100, 700),
  hasText: fc.boolean(),
});

const fields = {
  rows: fc.array(facts, { maxLength: 40 }),
  // Later writes of existing suppliers (null: removed), to leave stale postings behind.
  rewrites: fc.array(fc.tuple(fc.nat(39), fc.option(facts, { freq: 4 })), { maxLength: 15 }),
  need,
  statuses: fc.subarray<SupplierStatus>(['verified', 'submitted'], { minLength: 1 }),
  text: fc.array(fc.tuple(fc.nat(45), fc.constantFrom(0, 0.5, 0.75, 1)), { maxLength: 20 }),
  track: fc.array(fc.tuple(fc.nat(39), fc.constantFrom(0, 0.35, 1)), { maxLength: 10 }),
  limit: fc.constantFrom(0, 1, 2, 3, 5, 50),
  minScore: fc.constantFrom(-5, 0, 0, 40, 70),
};
const world = fc.record(fields);
/** Needs naming nothing, over more suppliers with more track records: score ceilings get used. */
const ungated = fc.record({
  ...fields,
  rows: fc.array(facts, { minLength: 10, maxLength: 80 }),
  track: fc.array(fc.tuple(fc.nat(79), fc.constantFrom(0, 0.35, 1)), { maxLength: 60 }),
  need: need.map((n) => ({ ...n, processes: [], materials: [], hasText: false })),
  limit: fc.constantFrom<0 | 1 | 2 | 3 | 5 | 50>(1, 2, 3),
  minScore: fc.constantFrom<-5 | 0 | 40 | 70>(0),
});
type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

const idOf = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

function build(w: World) {
  const store = new FactStore();
  for (const [i, r] of w.rows.entries()) store.put(idOf(i), toFacts(idOf(i), r));
  store.trim();
  for (const [i, r] of w.rewrites) store.put(idOf(i), r === null ? null : toFacts(idOf(i), r));
  const criteria: NeedCriteria = { ...w.need, unit: 'pcs', frequency: 'monthly', placeName: null };
  const n = compileNeed(criteria, tree, w.statuses, store.intern);
  const text = new Map(w.text.map(([i, v]) => [idOf(i), v] as const));
  const track = new Map(w.track.map(([i, v]) => [idOf(i), v] as const));
  return { store, n, text, track };
}

describe('topSlots with postings and coverage tiers', () => {
  it('answers exactly what a scan of every supplier answers (property, fixed seed)', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { store, n, text, track } = build(w);
        const fast = topSlots(store, n, text, track, TODAY, w.limit, w.minScore);
        const slow = fullScan(store.facts, n, text, track, TODAY, w.limit, w.minScore);
        expect(fast.top.map((s) => store.facts[s]!.id)).toEqual(slow.top.map((s) => store.facts[s]!.id));
        expect(fast.total).toBe(slow.total);
        expect(fast.excluded).toBe(slow.excluded);
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });

  it('answers exactly what a full scan answers for needs naming nothing (score ceilings)', () => {
    fc.assert(
      fc.property(ungated, (w) => {
        const { store, n, text, track } = build(w);
        const fast = topSlots(store, n, text, track, TODAY, w.limit, w.minScore);
        const slow = fullScan(store.facts, n, text, track, TODAY, w.limit, w.minScore);
        expect(fast.top.map((s) => store.facts[s]!.id)).toEqual(slow.top.map((s) => store.facts[s]!.id));
        expect([fast.total, fast.excluded]).toEqual([slow.total, slow.excluded]);
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });

  it('never prunes a supplier whose track record lifts it above a nearer one (ceiling counts it)', () => {
    const store = new FactStore();
    const raw = { status: 'verified', located: true, lon: 107.63, processes: [], materials: [], certs: [] };
    // Decay 0.6 (~55 km) without a record scores 70.0; decay 0.55 (~65 km) with a perfect one 73.0.
    const km = (decay: number) => (75 * Math.log2(1 / decay)) / 111.2;
    const a = toFacts(idOf(1), { ...raw, lat: -6.46 - km(0.6), capacity: null } as Raw);
    const b = toFacts(idOf(2), { ...raw, lat: -6.46 - km(0.55), capacity: null } as Raw);
    store.put(a.id, a);
    store.put(b.id, b);
    const n = compileNeed({ ...NONE, point: { lat: -6.46, lon: 107.63 } }, tree, ['verified'], store.intern);
    const track = new Map([[b.id, 1]]);
    const ranked = topSlots(store, n, new Map(), track, TODAY, 1, 0);
    expect(ranked).toEqual(fullScan(store.facts, n, new Map(), track, TODAY, 1, 0));
    expect(ranked.top.map((s) => store.facts[s]!.id)).toEqual([b.id]);
  });

  it('loses nothing by skipping hidden and irrelevant suppliers: they count in neither total', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { store, n, text, track } = build(w);
        const sig = (id: string) => ({ text: text.get(id) ?? 0, trackRecord: null });
        const kept = store.facts.map((f) => {
          const r = f && assess(n, f, sig(f.id), TODAY);
          return r === HIDDEN || r === IRRELEVANT ? null : f;
        });
        const all = fullScan(store.facts, n, text, track, TODAY, w.limit, w.minScore);
        const some = fullScan(kept, n, text, track, TODAY, w.limit, w.minScore);
        expect(some).toEqual(all);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('hard checks alone give the same verdict, and a match never scores below 0', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { store, n, text, track } = build(w);
        for (const f of store.facts) {
          if (!f) continue;
          const sig = { text: text.get(f.id) ?? 0, trackRecord: track.get(f.id) ?? null };
          const full = assess(n, f, sig, TODAY);
          const hard = assess(n, f, sig, TODAY, undefined, undefined, true);
          if (full < 0) expect(hard).toBe(full);
          else expect([full >= 0, hard]).toEqual([true, 0]);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('finds a supplier by its new process after a rewrite and drops it from the old one', () => {
    const store = new FactStore();
    const base = toFacts(idOf(1), {
      status: 'verified',
      located: true,
      lat: -6.46,
      lon: 107.63,
      processes: ['p3'],
      materials: [],
      certs: [],
      capacity: null,
    });
    store.put(base.id, base);
    const rank = (processes: string[]) => {
      const criteria = { ...NONE, processes };
      const n = compileNeed(criteria, tree, ['verified'], store.intern);
      return topSlots(store, n, new Map(), new Map(), TODAY, 10, 0);
    };
    expect(rank(['p0']).total).toBe(1);
    store.put(base.id, { ...base, processes: ['p6'] });
    expect(rank(['p0'])).toEqual({ top: [], total: 0, excluded: 0 });
    expect(rank(['p4']).top).toEqual([0]);
    store.put(base.id, null);
    expect(rank(['p4']).total).toBe(0);
  });

  it('still scores a supplier whose coverage ties the weakest kept one when a stale entry overstated that one', () => {
    const store = new FactStore();
    const raw = { status: 'verified', located: true, lat: -6.46, lon: 107.63, materials: [], certs: [] };
    const a = toFacts(idOf(2), { ...raw, processes: ['p1', 'p5'], capacity: null } as Raw);
    const b = toFacts(idOf(1), { ...raw, processes: ['p5'], capacity: null } as Raw);
    store.put(a.id, a);
    store.put(b.id, b);
    // a drops p1 but its slot stays in p1's postings: walked, it looks like it covers both terms.
    store.put(a.id, { ...a, processes: ['p5'] });
    const n = compileNeed({ ...NONE, processes: ['p0', 'p4'] }, tree, ['verified'], store.intern);
    const ranked = topSlots(store, n, new Map(), new Map(), TODAY, 1, 0);
    expect(ranked).toEqual(fullScan(store.facts, n, new Map(), new Map(), TODAY, 1, 0));
    expect(ranked.top.map((s) => store.facts[s]!.id)).toEqual([b.id]);
  });
});

const NONE: NeedCriteria = {
  processes: [],
  materials: [],
  requiredCerts: [],
  preferredCerts: [],
  minTkdn: null,
  quantity: null,
  unit: null,
  frequency: null,
  point: null,
  placeName: null,
  maxDistanceKm: null,
  hasText: false,
};
