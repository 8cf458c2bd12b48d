import { beforeAll, describe, expect, it } from 'vitest';
import { solve } from '../../../src/scheduling/solver/index.js';
import { seededRandom } from '../../../src/scheduling/solver/seeded-random.js';
import { solveExactly } from '../../helpers/exact-scheduler.js';
import { randomInstance } from './random-instance.js';

interface Comparison {
  readonly seed: number;
  readonly objective: number;
  readonly optimum: number;
}

const INSTANCES = 80;

/** Tight tables and heavy unavailability: the shapes where greedy choices hurt most. */
function tightShape(seed: number) {
  const random = seededRandom(seed * 7919);
  const between = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  return {
    participants: between(6, 12),
    slots: between(4, 8),
    tables: between(1, 3),
    requests: between(10, 30),
    unavailability: 0.1 + random() * 0.3,
    lockRate: random() < 0.5 ? 0 : 0.08,
  };
}

describe('solve compared with the exact optimum (HiGHS)', () => {
  let comparisons: Comparison[] = [];

  beforeAll(async () => {
    comparisons = [];
    for (let seed = 1; seed <= INSTANCES; seed++) {
      const instance = randomInstance(seed, tightShape(seed));
      const exact = await solveExactly(instance);
      if (!exact.optimal) throw new Error(`HiGHS did not prove optimality for seed ${seed}: ${exact.status}`);
      comparisons.push({ seed, objective: solve(instance).objective, optimum: exact.objective });
    }
    const total = comparisons.reduce((sum, c) => sum + c.objective, 0);
    const optimum = comparisons.reduce((sum, c) => sum + c.optimum, 0);
    const worst = Math.min(...comparisons.map(ratio));
    console.log(
      `scheduler vs optimum on ${INSTANCES} tight instances: aggregate ${(total / optimum).toFixed(4)}, worst ${worst.toFixed(4)}`,
    );
  });

  const ratio = (c: Comparison): number => (c.optimum === 0 ? 1 : c.objective / c.optimum);

  it('never claims more than the optimum (sanity check of both solvers)', () => {
    for (const c of comparisons) expect(c.objective, `seed ${c.seed}`).toBeLessThanOrEqual(c.optimum);
  });

  it('reaches at least 99% of the optimal total priority over all instances', () => {
    const total = comparisons.reduce((sum, c) => sum + c.objective, 0);
    const optimum = comparisons.reduce((sum, c) => sum + c.optimum, 0);
    expect(total / optimum).toBeGreaterThanOrEqual(0.99);
  });

  it('reaches at least 90% of the optimum on every single instance', () => {
    for (const c of comparisons) expect(ratio(c), `seed ${c.seed}`).toBeGreaterThanOrEqual(0.9);
  });

  it('stays within 1% of the optimum on medium events where buyers are fully booked', async () => {
    const shape = {
      participants: 100,
      requests: 300,
      slots: 12,
      tables: 20,
      unavailability: 0.5,
      lockRate: 0.01,
    };
    let total = 0;
    let optimum = 0;
    for (const seed of [1, 2, 3]) {
      const instance = randomInstance(seed, shape);
      const exact = await solveExactly(instance);
      expect(exact.optimal).toBe(true);
      total += solve(instance).objective;
      optimum += exact.objective;
    }
    console.log(
      `scheduler vs optimum on 3 medium instances: ${total} / ${optimum} = ${(total / optimum).toFixed(4)}`,
    );
    expect(total / optimum).toBeGreaterThanOrEqual(0.99);
  });
});
