import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdTable } from '../../../search/memory/id-table.js';
import { FactStore } from '../../../src/matching/fact-store.js';
import { topSlots } from '../../../src/matching/rank.js';
import { compileNeed } from '../../../src/matching/scorer.js';
import { buildTermTree } from '../../../src/matching/term-tree.js';
import type { NeedCriteria, SupplierFacts } from '../../../src/matching/types.js';
import { TAXONOMY } from '../../../src/taxonomy/dictionary.js';
import { fullScan } from './full-scan.js';

const tree = buildTermTree(
  TAXONOMY.map((t) => ({ kind: t.kind, slug: t.slug, parentSlug: t.parent ?? null })),
);
const TODAY = '2026-11-22';
const SUBANG = { lat: -6.46, lon: 107.63 };

const supplier = (id: string, over: Partial<SupplierFacts> = {}): SupplierFacts => ({
  id,
  status: 'verified',
  lat: SUBANG.lat,
  lon: SUBANG.lon,
  processes: ['cnc-turning'],
  materials: [],
  certTypes: [],
  certUntil: [],
  certTkdn: [],
  capacityAmount: null,
  capacityUnit: null,
  ...over,
});

const need: NeedCriteria = {
  processes: ['cnc-turning'],
  materials: [],
  requiredCerts: [],
  preferredCerts: [],
  minTkdn: null,
  quantity: null,
  unit: null,
  frequency: null,
  point: SUBANG,
  placeName: 'Smartpolitan',
  maxDistanceKm: null,
  hasText: false,
};

// Random uuids (stored as words), plus ids kept as text: short and upper-case ones.
const anyId = fc.oneof(
  { weight: 6, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.constantFrom('a1', 's-2', 'A1B2C3D4-0000-4000-8000-000000000001') },
);

describe('FactStore supplier ids', () => {
  it('maps every id put to its slot and back, whatever the id, through removals and returns', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(anyId, fc.boolean()), { maxLength: 80 }), (writes) => {
        const store = new FactStore();
        const slotOf = new Map<string, number>();
        for (const [id, live] of writes) {
          store.put(id, live ? supplier(id) : null);
          if (!slotOf.has(id) && live) slotOf.set(id, slotOf.size);
        }
        expect(store.size).toBe(slotOf.size);
        for (const [id, slot] of slotOf) {
          expect(store.slotOf(id)).toBe(slot);
          expect(store.idAt(slot)).toBe(id);
        }
        expect(store.slotOf('00000000-0000-4000-8000-00000000dead')).toBeUndefined();
      }),
      { seed: 13, numRuns: 300 },
    );
  });

  it('keeps empty slots of FactStore.of unnamed but counted', () => {
    const a = supplier('6f1c0b4e-2d3a-4c5b-9e8f-0a1b2c3d4e5f');
    const store = FactStore.of([null, a, null]);
    expect(store.size).toBe(3);
    expect(store.factsAt(0)).toBeNull();
    expect(store.factsAt(2)).toBeNull();
    expect([store.idAt(0), store.idAt(1), store.idAt(2)]).toEqual(['', a.id, '']);
    expect(store.slotOf(a.id)).toBe(1);
    expect(store.slotOf('')).toBeUndefined();
  });

  it('breaks ties by id text, not by slot, exactly as the full scan does', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.uuid(), { minLength: 2, maxLength: 40 }), fc.nat(10), (ids, limit) => {
        const facts = ids.map((id) => supplier(id));
        const store = FactStore.of(facts);
        const n = compileNeed(need, tree, ['verified']);
        const fast = topSlots(store, n, new Map(), new Map(), TODAY, limit, 0);
        const slow = fullScan(facts, n, new Map(), new Map(), TODAY, limit, 0);
        expect(fast.top).toEqual(slow.top);
        const top = fast.top.map((s) => store.idAt(s));
        expect(top).toEqual([...ids].sort().slice(0, limit));
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('writes a uuid back from its words exactly as it was given', () => {
    const edges = fc.constantFrom(
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      '80000000-0000-4000-8000-000000000001',
    );
    fc.assert(
      fc.property(fc.oneof(fc.uuid(), edges), (id) => {
        const table = new IdTable();
        table.set(id, 3);
        expect(table.idAt(3)).toBe(id);
      }),
      { seed: 17, numRuns: 500 },
    );
  });
});
