import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdTable } from '../../../../search/memory/id-table.js';

// A small pool of ids, so operations collide: uuids that differ in one word only, sequential
// test uuids, upper-case and short ids (both kept as text).
const POOL = [
  ...Array.from({ length: 12 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`),
  ...Array.from(
    { length: 12 },
    (_, i) => `${(i * 0x1f3a7).toString(16).padStart(8, '0')}-9b1d-4c2e-8f00-5a6b7c8d9e0f`,
  ),
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-0000-0000-000000000000',
  'A1B2C3D4-0000-4000-8000-000000000001',
  // 36 characters that are not a lower-case uuid (kept as text): a character just outside each
  // hex range, an upper-case digit, a dash moved or replaced.
  '0000000g-0000-4000-8000-000000000001',
  '00000000-0000-4000-8000-0000000000:1',
  '00000000-0000-4000-8000-0000000000`1',
  '00000000-0000-4000-8000-0000000000/1',
  '00000000-0000-4000-8000-00000000000F',
  '000000000-000-4000-8000-000000000001',
  '00000000-0000-4000-8000_000000000001',
  'a1',
  's-2',
];

type Op = { kind: 'add'; id: number } | { kind: 'delete'; id: number } | { kind: 'compact' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('add' as const), id: fc.nat(POOL.length - 1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), id: fc.nat(POOL.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('compact' as const) }) },
);

describe('IdTable', () => {
  it('behaves like a Map plus a slot array under adds, deletes and compactions', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const table = new IdTable();
        // The oracle: how MemoryIndex kept ids before (a string per slot and a Map).
        let names: string[] = [];
        const slotOf = new Map<string, number>();
        for (const o of ops) {
          if (o.kind === 'add') {
            const id = POOL[o.id]!;
            const slot = names.length;
            names.push(id);
            slotOf.set(id, slot);
            table.set(id, slot);
          } else if (o.kind === 'delete') {
            const id = POOL[o.id]!;
            expect(table.delete(id)).toBe(slotOf.delete(id));
          } else {
            const live = new Set(slotOf.values());
            const remap = new Int32Array(names.length).fill(-1);
            let n = 0;
            for (let s = 0; s < names.length; s++) if (live.has(s)) remap[s] = n++;
            table.remap(remap, names.length);
            names = names.filter((_, s) => live.has(s));
            slotOf.clear();
            names.forEach((id, s) => {
              slotOf.set(id, s);
            });
          }
          expect(table.size).toBe(slotOf.size);
        }
        for (const id of POOL) expect(table.get(id)).toBe(slotOf.get(id));
        names.forEach((id, s) => {
          expect(table.idAt(s)).toBe(id);
        });
        for (let a = 0; a < names.length; a++)
          for (let b = 0; b < names.length; b++) {
            const text = names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0;
            expect(table.compare(a, b)).toBe(text);
          }
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips through its words, as a snapshot stores them', async () => {
    const a = new IdTable();
    POOL.forEach((id, s) => {
      a.set(id, s);
    });
    a.delete(POOL[3]!);
    const b = new IdTable();
    // Slices of 5 slots: the table is filled across several turns of the event loop.
    await b.load(a.wordsOf(POOL.length).slice(), new Map(a.others()), POOL.length, (s) => s !== 3, 5);
    POOL.forEach((id, s) => {
      expect(b.idAt(s)).toBe(id);
      expect(b.get(id)).toBe(s === 3 ? undefined : s);
    });
    expect(b.size).toBe(POOL.length - 1);
  });

  it('keeps 200,000 uuids findable through growth and deletions', () => {
    const t = new IdTable();
    const id = (i: number) =>
      `${(Math.imul(i, 2654435761) >>> 0).toString(16).padStart(8, '0')}-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const n = 200_000;
    for (let i = 0; i < n; i++) t.set(id(i), i);
    for (let i = 0; i < n; i += 3) t.delete(id(i));
    for (let i = 0; i < n; i++) expect(t.get(id(i))).toBe(i % 3 === 0 ? undefined : i);
    expect(t.size).toBe(n - Math.ceil(n / 3));
  });
});
