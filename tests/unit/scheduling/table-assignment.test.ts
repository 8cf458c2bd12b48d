import { describe, expect, it } from 'vitest';
import type { Instance } from '../../../src/scheduling/solver/index.js';
import { solve } from '../../../src/scheduling/solver/index.js';

const slots = ['s01', 's02', 's03'];

describe('table assignment', () => {
  it('keeps each buyer at one table all day when tables allow', () => {
    const instance: Instance = {
      slots,
      tables: ['T01', 'T02', 'T03'],
      participants: ['b1', 'b2', 'v1', 'v2', 'v3', 'v4', 'v5', 'v6'].map((id) => ({ id, unavailable: [] })),
      requests: [
        { id: 'r1', a: 'b1', b: 'v1', priority: 2 },
        { id: 'r2', a: 'b1', b: 'v2', priority: 2 },
        { id: 'r3', a: 'b1', b: 'v3', priority: 2 },
        { id: 'r4', a: 'b2', b: 'v4', priority: 2 },
        { id: 'r5', a: 'b2', b: 'v5', priority: 2 },
        { id: 'r6', a: 'b2', b: 'v6', priority: 2 },
      ],
    };
    const { meetings } = solve(instance);
    const tablesOf = (ids: string[]) =>
      new Set(meetings.filter((m) => ids.includes(m.request)).map((m) => m.table));
    expect(meetings).toHaveLength(6);
    expect(tablesOf(['r1', 'r2', 'r3']).size).toBe(1);
    expect(tablesOf(['r4', 'r5', 'r6']).size).toBe(1);
  });

  it('gives free tables to other meetings around a locked table', () => {
    const instance: Instance = {
      slots,
      tables: ['T01', 'T02'],
      participants: ['b1', 'b2', 'v1', 'v2', 'v3'].map((id) => ({ id, unavailable: [] })),
      requests: [
        { id: 'r1', a: 'b1', b: 'v1', priority: 1, locked: { slot: 's02', table: 'T02' } },
        { id: 'r2', a: 'b2', b: 'v2', priority: 3 },
        { id: 'r3', a: 'b2', b: 'v3', priority: 3 },
      ],
    };
    const solution = solve(instance);
    expect(solution.meetings).toContainEqual({ request: 'r1', slot: 's02', table: 'T02' });
    expect(solution.meetings.filter((m) => m.slot === 's02' && m.table === 'T02')).toHaveLength(1);
    expect(solution.objective).toBe(7);
  });

  it('schedules nothing but locks when a slot has no table left', () => {
    const instance: Instance = {
      slots: ['s01'],
      tables: ['T01'],
      participants: ['b1', 'b2', 'v1', 'v2'].map((id) => ({ id, unavailable: [] })),
      requests: [
        { id: 'r1', a: 'b1', b: 'v1', priority: 1, locked: { slot: 's01', table: 'T01' } },
        { id: 'r2', a: 'b2', b: 'v2', priority: 3 },
      ],
    };
    expect(solve(instance)).toEqual({
      meetings: [{ request: 'r1', slot: 's01', table: 'T01' }],
      unscheduled: ['r2'],
      objective: 1,
    });
  });
});
