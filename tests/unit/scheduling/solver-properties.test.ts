import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Instance,
  parseInstance,
  type Solution,
  solve,
  validateSolution,
} from '../../../src/scheduling/solver/index.js';
import { seededRandom } from '../../../src/scheduling/solver/seeded-random.js';
import { randomInstance } from './random-instance.js';

interface Case {
  readonly seed: number;
  readonly instance: Instance;
  readonly solution: Solution;
}

const CASES = 2000;

/** Mostly tiny shapes, including degenerate ones: no tables, one slot, no requests. */
function shapeFor(seed: number) {
  const random = seededRandom(seed ^ 0x9e3779b9);
  const between = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  return {
    participants: between(2, 12),
    slots: between(1, 8),
    tables: between(0, 4),
    requests: between(0, 30),
    unavailability: random() * 0.5,
    lockRate: random() < 0.5 ? 0 : random() * 0.25,
  };
}

/** Independent re-derivation of the meetings per key, to state each property in its own terms. */
function groupBy(items: readonly { key: string; id: string }[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const { key, id } of items) groups.set(key, [...(groups.get(key) ?? []), id]);
  return groups;
}

function requestsById(instance: Instance) {
  return new Map(instance.requests.map((r) => [r.id, r]));
}

describe('solve on random instances', () => {
  let cases: Case[] = [];

  beforeAll(() => {
    cases = Array.from({ length: CASES }, (_, seed) => {
      const instance = parseInstance(randomInstance(seed, shapeFor(seed)));
      return { seed, instance, solution: solve(instance) };
    });
  });

  it('produces solutions that pass validateSolution', () => {
    const failures = cases
      .map(({ seed, instance, solution }) => ({ seed, violations: validateSolution(instance, solution) }))
      .filter((c) => c.violations.length > 0);
    expect(failures).toEqual([]);
  });

  it('never double-books a participant in a slot', () => {
    for (const { seed, instance, solution } of cases) {
      const requests = requestsById(instance);
      const bookings = solution.meetings.flatMap((m) => {
        const r = requests.get(m.request)!;
        return [r.a, r.b].map((p) => ({ key: `${m.slot}/${p}`, id: m.request }));
      });
      for (const [key, ids] of groupBy(bookings)) expect(ids, `seed ${seed} ${key}`).toHaveLength(1);
    }
  });

  it('never puts two meetings at one table in the same slot', () => {
    for (const { seed, solution } of cases) {
      const bookings = solution.meetings.map((m) => ({ key: `${m.slot}/${m.table}`, id: m.request }));
      for (const [key, ids] of groupBy(bookings)) expect(ids, `seed ${seed} ${key}`).toHaveLength(1);
    }
  });

  it('never schedules a meeting in a slot either side marked unavailable', () => {
    for (const { seed, instance, solution } of cases) {
      const requests = requestsById(instance);
      const away = new Set(instance.participants.flatMap((p) => p.unavailable.map((s) => `${p.id}/${s}`)));
      for (const m of solution.meetings) {
        const r = requests.get(m.request)!;
        expect(
          away.has(`${r.a}/${m.slot}`) || away.has(`${r.b}/${m.slot}`),
          `seed ${seed} ${m.request}`,
        ).toBe(false);
      }
    }
  });

  it('keeps every locked meeting exactly at its slot and table', () => {
    for (const { seed, instance, solution } of cases) {
      const placed = new Map(solution.meetings.map((m) => [m.request, { slot: m.slot, table: m.table }]));
      for (const r of instance.requests) {
        if (r.locked) expect(placed.get(r.id), `seed ${seed} ${r.id}`).toEqual(r.locked);
      }
    }
  });

  it('reports the objective as the sum of the scheduled priorities', () => {
    for (const { seed, instance, solution } of cases) {
      const requests = requestsById(instance);
      const sum = solution.meetings.reduce((total, m) => total + requests.get(m.request)!.priority, 0);
      expect(solution.objective, `seed ${seed}`).toBe(sum);
    }
  });

  it('lists every request exactly once, as a meeting or as unscheduled', () => {
    for (const { seed, instance, solution } of cases) {
      const listed = [...solution.meetings.map((m) => m.request), ...solution.unscheduled].sort();
      expect(listed, `seed ${seed}`).toEqual(instance.requests.map((r) => r.id).sort());
    }
  });

  it('leaves no request unscheduled that would fit into a free table as things stand', () => {
    for (const { seed, instance, solution } of cases) {
      const requests = requestsById(instance);
      const busy = new Set<string>();
      const load = new Map<string, number>();
      for (const m of solution.meetings) {
        const r = requests.get(m.request)!;
        busy.add(`${r.a}/${m.slot}`).add(`${r.b}/${m.slot}`);
        load.set(m.slot, (load.get(m.slot) ?? 0) + 1);
      }
      const away = new Set(instance.participants.flatMap((p) => p.unavailable.map((s) => `${p.id}/${s}`)));
      for (const id of solution.unscheduled) {
        const r = requests.get(id)!;
        const fits = instance.slots.filter(
          (s) =>
            (load.get(s) ?? 0) < instance.tables.length &&
            ![r.a, r.b].some((p) => busy.has(`${p}/${s}`) || away.has(`${p}/${s}`)),
        );
        expect(fits, `seed ${seed} ${id}`).toEqual([]);
      }
    }
  });

  it('still returns a valid schedule when the time budget is already spent', () => {
    const instance = randomInstance(3, {
      participants: 150,
      requests: 500,
      slots: 12,
      tables: 10,
      unavailability: 0.3,
      lockRate: 0.02,
    });
    const solution = solve(instance, { timeBudgetMs: 0 });
    expect(validateSolution(instance, solution)).toEqual([]);
    expect(solution.meetings.length).toBeGreaterThan(0);
  });
});
