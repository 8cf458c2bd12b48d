import { describe, expect, it } from 'vitest';
import { compact } from '../../../src/scheduling/solver/compact.js';
import { placeGreedily } from '../../../src/scheduling/solver/greedy.js';
import { totalIdlePenalty } from '../../../src/scheduling/solver/idle-penalty.js';
import type { Instance } from '../../../src/scheduling/solver/index.js';
import { solve } from '../../../src/scheduling/solver/index.js';
import { improve } from '../../../src/scheduling/solver/local-search.js';
import { buildModel } from '../../../src/scheduling/solver/model.js';
import { NONE, Schedule } from '../../../src/scheduling/solver/schedule.js';
import { seededRandom } from '../../../src/scheduling/solver/seeded-random.js';
import { randomInstance } from './random-instance.js';

const FAR_FUTURE = Number.MAX_SAFE_INTEGER;

function searchedSchedule(instance: Instance): Schedule {
  const model = buildModel(instance);
  const schedule = new Schedule(model);
  placeGreedily(
    schedule,
    Array.from({ length: model.requestCount }, (_, r) => r),
  );
  improve(schedule, {
    maxDepth: 3,
    nodeBudget: 400,
    maxRounds: 20,
    vacate: { maxDepth: 2, nodeBudget: 60 },
    deadline: FAR_FUTURE,
  });
  return schedule;
}

function scheduledSet(schedule: Schedule): number[] {
  return Array.from(schedule.slotOf.keys()).filter((r) => schedule.slotOf[r] !== NONE);
}

describe('gap compaction', () => {
  const instances = Array.from({ length: 150 }, (_, seed) => {
    const random = seededRandom(seed + 1000);
    return randomInstance(seed, {
      participants: 8 + Math.floor(random() * 40),
      requests: 10 + Math.floor(random() * 120),
      slots: 4 + Math.floor(random() * 12),
      tables: 1 + Math.floor(random() * 10),
      unavailability: random() * 0.4,
      lockRate: random() < 0.5 ? 0 : 0.05,
    });
  });

  it('never lowers the objective and keeps exactly the same requests scheduled', () => {
    for (const instance of instances) {
      const schedule = searchedSchedule(instance);
      const objective = schedule.objective;
      const scheduled = scheduledSet(schedule);
      compact(schedule, 20, FAR_FUTURE);
      expect(schedule.objective).toBe(objective);
      expect(scheduledSet(schedule)).toEqual(scheduled);
    }
  });

  it('never makes idle gaps worse, and shortens them overall', () => {
    let before = 0;
    let after = 0;
    for (const instance of instances) {
      const schedule = searchedSchedule(instance);
      const penalty = totalIdlePenalty(schedule);
      compact(schedule, 20, FAR_FUTURE);
      expect(totalIdlePenalty(schedule)).toBeLessThanOrEqual(penalty);
      before += penalty;
      after += totalIdlePenalty(schedule);
    }
    expect(after).toBeLessThan(before);
  });

  const slots = ['s01', 's02', 's03', 's04', 's05', 's06'];
  const event = (requests: Instance['requests']): Instance => ({
    slots,
    tables: ['T01'],
    participants: [
      { id: 'b1', unavailable: [] },
      { id: 'v1', unavailable: slots.slice(1) },
      { id: 'v2', unavailable: [] },
      { id: 'v3', unavailable: slots.slice(0, 5) },
    ],
    requests,
  });
  const slotsOf = (instance: Instance) => new Map(solve(instance).meetings.map((m) => [m.request, m.slot]));

  it("puts a participant's meetings next to each other when nothing else is at stake", () => {
    const instance = event([
      { id: 'r1', a: 'b1', b: 'v1', priority: 1 },
      { id: 'r2', a: 'b1', b: 'v2', priority: 3 },
    ]);
    expect(slotsOf(instance)).toEqual(
      new Map([
        ['r1', 's01'],
        ['r2', 's02'],
      ]),
    );
  });

  it('fills the early table before splitting a long wait when meetings are pinned far apart', () => {
    const instance = event([
      { id: 'r1', a: 'b1', b: 'v1', priority: 1 },
      { id: 'r2', a: 'b1', b: 'v2', priority: 3 },
      { id: 'r3', a: 'b1', b: 'v3', priority: 1 },
    ]);
    // s01 and s02 are the early slots of six: the day starting on time outranks a shorter wait.
    expect(slotsOf(instance).get('r2')).toBe('s02');
  });

  it('splits one long wait into shorter ones when the early slots are full', () => {
    const instance: Instance = {
      ...event([
        { id: 'r1', a: 'b1', b: 'v1', priority: 1 },
        { id: 'r2', a: 'b1', b: 'v2', priority: 3 },
        { id: 'r3', a: 'b1', b: 'v3', priority: 1 },
        { id: 'r4', a: 'b2', b: 'v4', priority: 1 },
      ]),
      participants: [
        { id: 'b1', unavailable: [] },
        { id: 'b2', unavailable: slots.slice(2) },
        { id: 'v1', unavailable: slots.slice(1) },
        { id: 'v2', unavailable: [] },
        { id: 'v3', unavailable: slots.slice(0, 5) },
        { id: 'v4', unavailable: [slots[0]!, ...slots.slice(2)] },
      ],
    };
    expect(slotsOf(instance).get('r4')).toBe('s02');
    expect(['s03', 's04']).toContain(slotsOf(instance).get('r2'));
  });
});
