import { describe, expect, it } from 'vitest';
import type { Instance, Solution } from '../../../src/scheduling/solver/index.js';
import { validateSolution } from '../../../src/scheduling/solver/index.js';

const instance: Instance = {
  slots: ['s01', 's02'],
  tables: ['T01', 'T02'],
  participants: [
    { id: 'b1', unavailable: ['s02'] },
    { id: 'v1', unavailable: [] },
    { id: 'v2', unavailable: [] },
  ],
  requests: [
    { id: 'r1', a: 'b1', b: 'v1', priority: 3, locked: { slot: 's01', table: 'T01' } },
    { id: 'r2', a: 'b1', b: 'v2', priority: 2 },
    { id: 'r3', a: 'v1', b: 'v2', priority: 1 },
  ],
};

const valid: Solution = {
  meetings: [
    { request: 'r1', slot: 's01', table: 'T01' },
    { request: 'r3', slot: 's02', table: 'T01' },
  ],
  unscheduled: ['r2'],
  objective: 4,
};

describe('validateSolution', () => {
  it('accepts a valid solution', () => {
    expect(validateSolution(instance, valid)).toEqual([]);
  });

  it('reports a participant booked twice in one slot', () => {
    const solution = {
      ...valid,
      meetings: [...valid.meetings, { request: 'r2', slot: 's01', table: 'T02' }],
    };
    expect(validateSolution(instance, { ...solution, unscheduled: [], objective: 6 })).toEqual([
      'participant b1 is double-booked in slot s01 (r1, r2)',
    ]);
  });

  it('reports a table used twice in one slot', () => {
    const meetings = [valid.meetings[0]!, { request: 'r3', slot: 's01', table: 'T01' }];
    expect(validateSolution(instance, { ...valid, meetings })).toEqual([
      'table T01 is double-booked in slot s01 (r1, r3)',
      'participant v1 is double-booked in slot s01 (r1, r3)',
    ]);
  });

  it('reports a meeting in a slot its participant marked unavailable', () => {
    const solution: Solution = {
      meetings: [...valid.meetings, { request: 'r2', slot: 's02', table: 'T02' }],
      unscheduled: [],
      objective: 6,
    };
    expect(validateSolution(instance, solution)).toEqual([
      'participant b1 meets in slot s02 but is unavailable then',
      'participant v2 is double-booked in slot s02 (r3, r2)',
    ]);
  });

  it('reports a locked meeting that moved or vanished', () => {
    const moved = { ...valid, meetings: [{ request: 'r1', slot: 's01', table: 'T02' }, valid.meetings[1]!] };
    expect(validateSolution(instance, moved)).toEqual(['locked request r1 moved from s01/T01 to s01/T02']);
    const dropped: Solution = { meetings: [valid.meetings[1]!], unscheduled: ['r1', 'r2'], objective: 1 };
    expect(validateSolution(instance, dropped)).toEqual(['locked request r1 was left unscheduled']);
  });

  it('reports a wrong objective and requests missing from both lists', () => {
    expect(validateSolution(instance, { ...valid, unscheduled: [], objective: 5 })).toEqual([
      'request r2 is neither scheduled nor unscheduled',
      'objective is 5 but scheduled priorities sum to 4',
    ]);
  });

  it('reports unknown ids', () => {
    const solution: Solution = {
      meetings: [...valid.meetings, { request: 'r9', slot: 's01', table: 'T02' }],
      unscheduled: ['r2', 'r8'],
      objective: 4,
    };
    expect(validateSolution(instance, solution)).toEqual([
      'meeting for unknown request r9',
      'unscheduled list names unknown request r8',
    ]);
  });
});
