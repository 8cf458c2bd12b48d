import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Instance } from '../../../src/scheduling/solver/index.js';
import { measureEarlyStart, solve, validateSolution } from '../../../src/scheduling/solver/index.js';
import { solveExactly } from '../../helpers/exact-scheduler.js';
import { randomInstance } from './random-instance.js';

const pad = (n: number) => String(n).padStart(3, '0');

/**
 * The event: 10 tables, 20-minute slots from 09.00 to 14.00, six buyers meeting twelve
 * suppliers each; one buyer arrives at 10.40 (the first five slots unavailable).
 */
function lateBuyerEvent(): Instance {
  const slots = Array.from({ length: 15 }, (_, i) => `s${pad(i)}`);
  const buyers = Array.from({ length: 6 }, (_, i) => `b${i}`);
  const suppliers = Array.from({ length: 20 }, (_, i) => `v${pad(i)}`);
  const participants = [...buyers, ...suppliers].map((id) => ({
    id,
    unavailable: id === 'b0' ? slots.slice(0, 5) : [],
  }));
  const requests = buyers.flatMap((b, i) =>
    suppliers
      .slice(0, 12)
      .map((v, j) => ({ id: `r${pad(i * 12 + j)}`, a: b, b: v, priority: ((i + j) % 3) + 1 })),
  );
  return { slots, tables: Array.from({ length: 10 }, (_, i) => `t${i}`), participants, requests };
}

describe('the day starts on time', () => {
  it('seats every buyer who is present in the first slots although one buyer arrives late', () => {
    const instance = lateBuyerEvent();
    const solution = solve(instance);
    expect(validateSolution(instance, solution)).toEqual([]);
    const perSlot = instance.slots.map((s) => solution.meetings.filter((m) => m.slot === s).length);
    // Five buyers are present from 09.00, so five of the ten tables can be used, and are.
    expect(perSlot.slice(0, 5)).toEqual([5, 5, 5, 5, 5]);
    expect(measureEarlyStart(instance, solution)).toMatchObject({ earlySlots: 4, fillableEarlyCells: 0 });
  });

  it('leaves no early table empty that a waiting or later meeting could take (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.record({
          participants: fc.integer({ min: 4, max: 30 }),
          requests: fc.integer({ min: 3, max: 60 }),
          slots: fc.integer({ min: 2, max: 12 }),
          tables: fc.integer({ min: 1, max: 8 }),
          unavailability: fc.double({ min: 0, max: 0.5, noNaN: true }),
          lockRate: fc.constantFrom(0, 0.05),
        }),
        (seed, shape) => {
          const instance = randomInstance(seed, shape);
          const solution = solve(instance);
          expect(validateSolution(instance, solution)).toEqual([]);
          expect(measureEarlyStart(instance, solution).fillableEarlyCells).toBe(0);
        },
      ),
      { numRuns: 60, seed: 11 },
    );
  });

  it('keeps at least 99% of the optimal total priority on small instances with slack tables', async () => {
    let total = 0;
    let optimum = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const instance = randomInstance(seed, {
        participants: 10,
        requests: 24,
        slots: 8,
        tables: 4,
        unavailability: 0.3,
        lockRate: 0.05,
      });
      const exact = await solveExactly(instance);
      expect(exact.optimal).toBe(true);
      const objective = solve(instance).objective;
      expect(objective).toBeLessThanOrEqual(exact.objective);
      total += objective;
      optimum += exact.objective;
    }
    expect(total / optimum).toBeGreaterThanOrEqual(0.99);
  });
});
