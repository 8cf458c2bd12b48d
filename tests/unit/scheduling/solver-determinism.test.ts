import { describe, expect, it } from 'vitest';
import type { Instance } from '../../../src/scheduling/solver/index.js';
import { solve } from '../../../src/scheduling/solver/index.js';
import { seededRandom } from '../../../src/scheduling/solver/seeded-random.js';
import { randomInstance } from './random-instance.js';

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** The same event, listed in another order: only slots and tables keep theirs (they mean time and place). */
function reordered(instance: Instance, seed: number): Instance {
  const random = seededRandom(seed);
  return {
    slots: instance.slots,
    tables: instance.tables,
    participants: shuffled(instance.participants, random).map((p) => ({
      ...p,
      unavailable: shuffled(p.unavailable, random),
    })),
    requests: shuffled(instance.requests, random),
  };
}

const shapes = [
  { participants: 10, requests: 25, slots: 6, tables: 2, unavailability: 0.3, lockRate: 0.1 },
  { participants: 60, requests: 200, slots: 12, tables: 6, unavailability: 0.4, lockRate: 0.02 },
  { participants: 120, requests: 400, slots: 16, tables: 30, unavailability: 0.5, lockRate: 0.02 },
];

describe('solve determinism', () => {
  it.each(shapes.map((shape, i) => [i, shape] as const))(
    'returns identical output for identical input (shape %i)',
    (_, shape) => {
      const instance = randomInstance(17, shape);
      const first = solve(instance);
      const second = solve(structuredClone(instance));
      expect(second).toEqual(first);
    },
  );

  it.each(shapes.map((shape, i) => [i, shape] as const))(
    'does not depend on the order of participants, requests or unavailable slots (shape %i)',
    (_, shape) => {
      const instance = randomInstance(23, shape);
      const expected = solve(instance);
      for (const seed of [1, 2, 3]) expect(solve(reordered(instance, seed))).toEqual(expected);
    },
  );

  it('lists meetings in slot then table order and unscheduled requests by id', () => {
    const instance = randomInstance(5, shapes[1]!);
    const { meetings, unscheduled } = solve(instance);
    const key = (m: { slot: string; table: string }) =>
      instance.slots.indexOf(m.slot) * 1000 + instance.tables.indexOf(m.table);
    expect(meetings.map(key)).toEqual(meetings.map(key).sort((x, y) => x - y));
    expect(unscheduled).toEqual([...unscheduled].sort());
  });
});
