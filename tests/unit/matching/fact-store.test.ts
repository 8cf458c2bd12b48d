import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FactStore } from '../../../src/matching/fact-store.js';
import type { SupplierFacts } from '../../../src/matching/types.js';

const idOf = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const slugs = fc.subarray(['turning', 'milling', 'welding', 'casting', 'forging']);
const located = fc.option(
  fc.record({
    lat: fc.double({ min: -11, max: 6, noNaN: true }),
    lon: fc.double({ min: 95, max: 141, noNaN: true }),
  }),
);
const certs = fc.array(
  fc.record({
    type: fc.constantFrom('iso-9001', 'sni', 'tkdn', 'halal'),
    until: fc.option(fc.constantFrom('2025-01-01', '2027-06-30')),
    tkdn: fc.option(fc.integer({ min: 10, max: 90 })),
  }),
  { maxLength: 3 },
);
const facts = fc.record({
  status: fc.constantFrom('verified', 'submitted', 'draft', 'suspended'),
  at: located,
  processes: slugs,
  materials: fc.subarray(['stainless-steel', 'carbon-steel', 'aluminium']),
  certs,
  capacity: fc.option(
    fc.record({
      amount: fc.double({ min: 0, max: 1e6, noNaN: true }),
      unit: fc.option(fc.constantFrom('pcs', 'kg', 'ton')),
    }),
  ),
});
type Raw = typeof facts extends fc.Arbitrary<infer T> ? T : never;

function toFacts(id: string, r: Raw): SupplierFacts {
  return {
    id,
    status: r.status as SupplierFacts['status'],
    lat: r.at?.lat ?? null,
    lon: r.at?.lon ?? null,
    processes: r.processes,
    materials: r.materials,
    certTypes: r.certs.map((c) => c.type),
    certUntil: r.certs.map((c) => c.until),
    certTkdn: r.certs.map((c) => c.tkdn),
    capacityAmount: r.capacity?.amount ?? null,
    capacityUnit: r.capacity?.unit ?? null,
  };
}

describe('FactStore columns', () => {
  it('gives back every supplier exactly as last written, and nothing for a removed one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(12), fc.option(facts, { freq: 5 })), { maxLength: 60 }),
        (writes) => {
          const store = new FactStore();
          const model = new Map<string, SupplierFacts | null>();
          for (const [i, raw] of writes) {
            const f = raw && toFacts(idOf(i), raw);
            store.put(idOf(i), f);
            if (f || model.has(idOf(i))) model.set(idOf(i), f);
          }
          let documents = 0;
          for (const [id, f] of model) {
            const slot = store.slotOf(id);
            expect(slot).toBeDefined();
            expect(store.factsAt(slot!)).toEqual(f);
            if (f) {
              documents++;
              expect(store.idAt(slot!)).toBe(id);
            }
          }
          expect(store.documents).toBe(documents);
          expect(store.facts.filter(Boolean)).toHaveLength(documents);
        },
      ),
      { seed: 5, numRuns: 400 },
    );
  });
});

describe('FactStore locations', () => {
  it('gives back a location with one side missing or NaN exactly, and follows rewrites', () => {
    const side = fc.constantFrom(null, Number.NaN, -6.2, 0, -0, 107.6);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(4), side, side), { minLength: 1, maxLength: 20 }), (writes) => {
        const store = new FactStore();
        const last = new Map<string, SupplierFacts>();
        for (const [i, lat, lon] of writes) {
          const f: SupplierFacts = {
            ...toFacts(idOf(i), {
              status: 'verified',
              at: null,
              processes: [],
              materials: [],
              certs: [],
              capacity: null,
            }),
            lat,
            lon,
          };
          store.put(f.id, f);
          last.set(f.id, f);
          if (i === 0) store.trim(); // later writes grow the trimmed columns again
        }
        store.trim();
        for (const [id, f] of last) {
          const got = store.factsAt(store.slotOf(id)!)!;
          const clean = (x: number | null) => (x === null || Number.isNaN(x) ? null : x);
          expect([got.lat, got.lon]).toEqual([clean(f.lat), clean(f.lon)]);
          expect(Object.is(got.lat, clean(f.lat))).toBe(true);
        }
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});
