import { type EarlyStartReport, earlySlotCount, fillableEarlyCells } from './early-start.js';
import { buildModel } from './model.js';
import { Schedule } from './schedule.js';
import type { Instance, Solution } from './types.js';

/**
 * Replays a solution and reports its early table-slots: how many stay empty, and how many of
 * those a waiting or later meeting could take without moving anyone else. Any solver's answer
 * can be judged this way, so the benchmark compares like with like.
 */
export function measureEarlyStart(instance: Instance, solution: Solution): EarlyStartReport {
  const model = buildModel(instance);
  const schedule = new Schedule(model);
  const request = new Map(model.requestIds.map((id, i) => [id, i]));
  const slot = new Map(model.slotIds.map((id, i) => [id, i]));
  for (const m of solution.meetings) {
    const r = request.get(m.request);
    if (r !== undefined && !schedule.isLocked(r)) schedule.move(r, slot.get(m.slot)!);
  }
  schedule.commit();
  const earlySlots = earlySlotCount(model.slotCount);
  let emptyEarlyCells = 0;
  for (let s = 0; s < earlySlots; s++) emptyEarlyCells += Math.max(0, model.capacity[s]! - schedule.load[s]!);
  return { earlySlots, emptyEarlyCells, fillableEarlyCells: fillableEarlyCells(schedule) };
}
