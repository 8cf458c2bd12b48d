import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  andInto,
  count,
  countAnd,
  createBitset,
  forEachBit,
  isEmpty,
  nonZeroWords,
  orInto,
  remapBitsInPlace,
  setBit,
} from '../../../../search/memory/bitset.js';
import { Posting } from '../../../../search/memory/columns.js';

const BITS = 300;
const slots = fc.uniqueArray(fc.integer({ min: 0, max: BITS - 1 }), { maxLength: 120 });
const toBits = (xs: number[]) => {
  const b = createBitset(BITS);
  for (const x of xs) setBit(b, x);
  return b;
};
const list = (b: Uint32Array) => {
  const out: number[] = [];
  forEachBit(b, (i) => out.push(i));
  return out;
};
const sorted = (xs: Iterable<number>) => [...xs].sort((a, b) => a - b);
/** A compaction's renumbering: kept slots move down in order, the others map to -1. */
const remapOf = (keep: Set<number>) => {
  const remap = new Int32Array(BITS).fill(-1);
  let n = 0;
  for (let s = 0; s < BITS; s++) if (keep.has(s)) remap[s] = n++;
  return remap;
};

describe('bitset against a set of numbers', () => {
  it('lists, counts, intersects and unites like a Set', () => {
    fc.assert(
      fc.property(slots, slots, (a, b) => {
        const A = toBits(a);
        const B = toBits(b);
        const inter = a.filter((x) => b.includes(x));
        expect(list(A)).toEqual(sorted(a));
        expect(count(A)).toBe(a.length);
        expect(isEmpty(A)).toBe(a.length === 0);
        expect(countAnd(A, B, nonZeroWords(A))).toBe(inter.length);
        expect(list(andInto(A.slice(), B))).toEqual(sorted(inter));
        expect(list(orInto(A.slice(), B))).toEqual(sorted(new Set([...a, ...b])));
      }),
    );
  });

  it('renumbers in place like mapping the kept members', () => {
    fc.assert(
      fc.property(slots, slots, (a, kept) => {
        const keep = new Set(kept);
        const remap = remapOf(keep);
        const b = toBits(a);
        remapBitsInPlace(b, remap);
        expect(list(b)).toEqual(sorted(a.filter((x) => keep.has(x)).map((x) => remap[x]!)));
      }),
    );
  });
});

describe('Posting against a list of pairs', () => {
  it('keeps increasing slots with their best weight through remap and trim', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), { maxLength: 80 }),
        slots,
        (steps, kept) => {
          const p = new Posting();
          const model: [number, number][] = [];
          let slot = 0;
          for (const [gap, w] of steps) {
            slot += gap;
            p.add(slot, w);
            const last = model[model.length - 1];
            if (last && last[0] === slot) last[1] = Math.max(last[1], w);
            else model.push([slot, w]);
          }
          const keep = new Set(kept);
          const remap = remapOf(keep);
          p.remap(remap);
          p.trim();
          p.add(BITS, 2);
          const expected = [...model.filter(([s]) => keep.has(s)).map(([s, w]) => [remap[s]!, w]), [BITS, 2]];
          expect([...p.slots.subarray(0, p.length)].map((s, i) => [s, p.weights[i]])).toEqual(expected);
        },
      ),
    );
  });
});
