import { describe, expect, it } from 'vitest';
import { createRng, seedFromString } from '../../../src/seed/random.js';

describe('seeded random', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = createRng(7);
    const b = createRng(7);
    const seqA = Array.from({ length: 20 }, () => a.next());
    const seqB = Array.from({ length: 20 }, () => b.next());
    expect(seqA).toEqual(seqB);
    expect(createRng(8).next()).not.toBe(seqA[0]);
  });

  it('keeps every helper inside its bounds', () => {
    const rng = createRng(1);
    for (let i = 0; i < 2000; i++) {
      const n = rng.next();
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n).toBeLessThan(1);
      const k = rng.int(3, 5);
      expect(k).toBeGreaterThanOrEqual(3);
      expect(k).toBeLessThanOrEqual(5);
      const f = rng.float(-1, 1);
      expect(f).toBeGreaterThanOrEqual(-1);
      expect(f).toBeLessThan(1);
      const g = rng.gaussianish(10, 4);
      expect(g).toBeGreaterThanOrEqual(4);
      expect(g).toBeLessThanOrEqual(16);
    }
  });

  it('picks distinct items and respects weights', () => {
    const rng = createRng(2);
    const some = rng.pickSome([1, 2, 3, 4, 5], 3);
    expect(new Set(some).size).toBe(3);
    expect(rng.pickSome([1, 2], 5)).toHaveLength(2);
    let heavy = 0;
    for (let i = 0; i < 1000; i++) if (rng.pickWeighted(['a', 'b'], [9, 1]) === 'a') heavy++;
    expect(heavy).toBeGreaterThan(850);
    expect(() => rng.pick([])).toThrow();
  });

  it('derives stable seeds from labels', () => {
    expect(seedFromString('demo')).toBe(seedFromString('demo'));
    expect(seedFromString('demo')).not.toBe(seedFromString('synthetic'));
  });
});
