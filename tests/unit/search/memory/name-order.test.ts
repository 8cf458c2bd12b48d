import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NameOrder } from '../../../../search/memory/name-order.js';

const byText = (names: string[]) => (a: number, b: number) =>
  names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : a - b;

/** Slots in rank order, among those `keep` says. */
const ranked = (order: NameOrder, slots: number[]) => {
  const rank = order.ranks();
  return [...slots].sort((a, b) => rank[a]! - rank[b]!);
};

describe('NameOrder', () => {
  it('ranks slots like a sort by name then slot, through batches, reads and compactions', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            adds: fc.array(fc.constantFrom('a', 'ab', 'b', 'cv karya', 'cv karya logam', 'z', ''), {
              maxLength: 40,
            }),
            read: fc.boolean(),
            compactEvery: fc.option(fc.integer({ min: 2, max: 4 })),
          }),
          { maxLength: 12 },
        ),
        (steps) => {
          let names: string[] = [];
          const order = new NameOrder((a, b) => byText(names)(a, b));
          for (const step of steps) {
            for (const name of step.adds) {
              names.push(name);
              order.add(names.length - 1);
            }
            if (step.read) {
              const all = names.map((_, s) => s);
              expect(ranked(order, all)).toEqual([...all].sort(byText(names)));
            }
            if (step.compactEvery) {
              // Drop every n-th slot; the others move down in order.
              const remap = new Int32Array(names.length).fill(-1);
              const kept: string[] = [];
              names.forEach((name, s) => {
                if (s % step.compactEvery! !== 0) {
                  remap[s] = kept.length;
                  kept.push(name);
                }
              });
              order.remap(remap);
              names = kept;
            }
          }
          const all = names.map((_, s) => s);
          expect(ranked(order, all)).toEqual([...all].sort(byText(names)));
          expect([...order.order()]).toEqual([...all].sort(byText(names)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('merges a load of many slots in batches and round-trips through order()', () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `cv bench logam ${(i * 7919) % 20_000}`);
    const order = new NameOrder(byText(names));
    names.forEach((_, s) => {
      order.add(s);
    });
    const all = names.map((_, s) => s);
    const expected = [...all].sort(byText(names));
    expect([...order.order()]).toEqual(expected);
    const copy = new NameOrder(byText(names));
    copy.load(order.order(), names.length);
    expect(ranked(copy, all)).toEqual(expected);
    expect(() => copy.load(new Int32Array(3), names.length)).toThrow(/wrong length/);
  });
});
