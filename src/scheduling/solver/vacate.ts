import type { ChainSearch } from './chain-search.js';
import { claimOrder } from './greedy.js';
import { NONE, type Schedule } from './schedule.js';

/**
 * "One out, several in": unschedules one meeting, then tries to seat its participants' waiting
 * requests and finally the meeting itself again, keeping the result only on a strict gain.
 * Priority-first greedy happily gives a saturated buyer's last free slot to one priority-3
 * request when two priority-2 requests of that buyer's partners would fit instead; single
 * insertions cannot undo that, this move can. Returns whether it made any gain.
 */
export function vacateForGain(schedule: Schedule, chains: ChainSearch, deadline: number): boolean {
  const { requestCount } = schedule.model;
  let gained = false;
  let tries = 0;
  for (let m = 0; m < requestCount; m++) {
    if (schedule.slotOf[m] === NONE || schedule.isLocked(m)) continue;
    const waiting = waitingNeighbours(schedule, m);
    if (waiting.length === 0) continue;
    if (++tries % 64 === 0 && Date.now() > deadline) break;
    const before = schedule.objective;
    const mark = schedule.mark();
    schedule.move(m, NONE);
    for (const x of claimOrder(schedule.model, waiting)) chains.insert(x);
    if (schedule.slotOf[m] === NONE) chains.insert(m);
    if (schedule.objective > before) {
      schedule.commit();
      gained = true;
    } else {
      schedule.undo(mark);
    }
  }
  return gained;
}

function waitingNeighbours(schedule: Schedule, m: number): number[] {
  const { a, b, requestsOf, candidateSlots } = schedule.model;
  const waiting: number[] = [];
  for (const p of [a[m]!, b[m]!]) {
    for (const x of requestsOf[p]!) {
      const seatable = schedule.slotOf[x] === NONE && candidateSlots[x]!.length > 0;
      if (seatable && !waiting.includes(x)) waiting.push(x);
    }
  }
  return waiting;
}
