import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBitset, forEachBit, nonZeroWords, setBit } from '../../../../search/memory/bitset.js';
import { FacetValue } from '../../../../search/memory/facet-value.js';

const CAPACITY = 256;
const list = (b: Uint32Array) => {
  const out: number[] = [];
  forEachBit(b, (s) => out.push(s));
  return out;
};

describe('FacetValue against a set of slots', () => {
  it('counts, unions and remaps alike whether it holds a list only or a bitset too', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(CAPACITY - 1), { maxLength: 120 }),
        fc.uniqueArray(fc.nat(CAPACITY - 1), { maxLength: 200 }),
        fc.array(fc.boolean(), { minLength: CAPACITY, maxLength: CAPACITY }),
        (held, baseSlots, keep) => {
          const v = new FacetValue(0);
          const sorted = [...held].sort((a, b) => a - b);
          for (const s of sorted) v.add(s, CAPACITY);
          expect(v.bits !== null).toBe(sorted.length * 32 > CAPACITY);
          expect(list(v.toBits(CAPACITY))).toEqual(sorted);
          const base = createBitset(CAPACITY);
          for (const s of baseSlots) setBit(base, s);
          const expected = sorted.filter((s) => baseSlots.includes(s)).length;
          expect(v.countIn(base, nonZeroWords(base))).toBe(expected);
          expect(
            v.countIn(
              base,
              new Int32Array(CAPACITY / 32).map((_, i) => i),
            ),
          ).toBe(expected);
          const union = createBitset(CAPACITY);
          v.orInto(union);
          expect(list(union)).toEqual(sorted);

          const remap = new Int32Array(CAPACITY).fill(-1);
          let n = 0;
          for (let s = 0; s < CAPACITY; s++) if (keep[s]) remap[s] = n++;
          v.remap(remap, CAPACITY);
          const moved = sorted.filter((s) => keep[s]).map((s) => remap[s]!);
          expect([...v.slots.subarray(0, v.length)]).toEqual(moved);
          expect(list(v.toBits(CAPACITY))).toEqual(moved);
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });
});
