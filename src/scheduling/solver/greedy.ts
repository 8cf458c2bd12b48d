import type { Model } from './model.js';
import { NONE, type Schedule } from './schedule.js';

/**
 * Order in which requests claim slots: high priority first (a priority-3 meeting must never lose
 * its place to a priority-1 one), then the request with the fewest usable slots, because a
 * flexible request can still go elsewhere later and a constrained one cannot. Ties by index,
 * which is id order, so the order is stable.
 */
export function claimOrder(model: Model, requests: Iterable<number>): number[] {
  const { weight, candidateSlots } = model;
  return [...requests].sort(
    (x, y) => weight[y]! - weight[x]! || candidateSlots[x]!.length - candidateSlots[y]!.length || x - y,
  );
}

/**
 * Builds the starting point for local search. Each request takes the free slot that least
 * disturbs the still-unplaced requests of its two participants ("least constraining value"),
 * which keeps busy participants' remaining options open.
 */
export function placeGreedily(schedule: Schedule, requests: readonly number[]): void {
  const { model } = schedule;
  const demand = countDemand(model, requests, schedule);
  for (const r of claimOrder(model, requests)) {
    if (schedule.slotOf[r] !== NONE) continue;
    const s = leastConstrainingSlot(schedule, demand, r);
    forgetDemand(model, demand, r);
    if (s !== NONE) schedule.move(r, s);
  }
  schedule.commit();
}

function leastConstrainingSlot(schedule: Schedule, demand: Int32Array, r: number): number {
  const { model, load } = schedule;
  const { slotCount, capacity } = model;
  const pa = model.a[r]! * slotCount;
  const pb = model.b[r]! * slotCount;
  let best = NONE;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const s of model.candidateSlots[r]!) {
    if (!schedule.fitsDirectly(r, s)) continue;
    const room = capacity[s]! - load[s]!;
    const score = demand[pa + s]! + demand[pb + s]! - room / (capacity[s]! + 1);
    if (score < bestScore) {
      bestScore = score;
      best = s;
    }
  }
  return best;
}

function countDemand(model: Model, requests: readonly number[], schedule: Schedule): Int32Array {
  const demand = new Int32Array(model.participantCount * model.slotCount);
  for (const r of requests) {
    if (schedule.slotOf[r] === NONE) adjustDemand(model, demand, r, 1);
  }
  return demand;
}

function forgetDemand(model: Model, demand: Int32Array, r: number): void {
  adjustDemand(model, demand, r, -1);
}

function adjustDemand(model: Model, demand: Int32Array, r: number, delta: number): void {
  const pa = model.a[r]! * model.slotCount;
  const pb = model.b[r]! * model.slotCount;
  for (const s of model.candidateSlots[r]!) {
    demand[pa + s]! += delta;
    demand[pb + s]! += delta;
  }
}
