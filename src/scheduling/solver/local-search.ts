import { type ChainLimits, ChainSearch } from './chain-search.js';
import { claimOrder } from './greedy.js';
import { NONE, type Schedule } from './schedule.js';
import { vacateForGain } from './vacate.js';

export interface SearchLimits extends ChainLimits {
  /** Passes over the unscheduled requests (and over vacate moves); both settle in a few. */
  readonly maxRounds: number;
  /** Cheaper chains for the vacate move, which runs one search per scheduled meeting. */
  readonly vacate: ChainLimits;
  /** Wall-clock safety net (epoch ms); normal runs finish long before it. */
  readonly deadline: number;
}

/**
 * Alternates two neighbourhoods until neither gains: seating each unscheduled request (by pure
 * chains, or ejecting lighter meetings), and vacating one meeting to seat several.
 * Every accepted step raises the objective or seats one more request at no loss, so the loops
 * terminate; the round limits only bound the work.
 */
export function improve(schedule: Schedule, limits: SearchLimits): void {
  const chains = new ChainSearch(schedule, limits);
  const vacateChains = new ChainSearch(schedule, limits.vacate);
  for (let round = 0; round < limits.maxRounds; round++) {
    insertAll(schedule, chains, limits);
    if (!vacateForGain(schedule, vacateChains, limits.deadline)) return;
  }
}

function insertAll(schedule: Schedule, chains: ChainSearch, limits: SearchLimits): void {
  const { weight } = schedule.model;
  const minWeight = weight.reduce((min, w) => Math.min(min, w), Number.POSITIVE_INFINITY);
  for (let round = 0; round < limits.maxRounds; round++) {
    let changed = false;
    for (const r of claimOrder(schedule.model, unscheduled(schedule))) {
      if (schedule.slotOf[r] !== NONE) continue;
      if (Date.now() > limits.deadline) return;
      if (anyRoom(schedule) && chains.insert(r) !== NONE) {
        schedule.commit();
        changed = true;
      } else if (weight[r]! > minWeight && ejectForGain(chains, schedule, r)) {
        changed = true;
      }
    }
    if (!changed) return;
  }
}

function unscheduled(schedule: Schedule): number[] {
  const { candidateSlots, requestCount } = schedule.model;
  const out: number[] = [];
  for (let r = 0; r < requestCount; r++) {
    if (schedule.slotOf[r] === NONE && candidateSlots[r]!.length > 0) out.push(r);
  }
  return out;
}

/** A chain can only end in a slot with a free table; if none has one, pure insertion is futile. */
function anyRoom(schedule: Schedule): boolean {
  const { capacity, slotCount } = schedule.model;
  for (let s = 0; s < slotCount; s++) if (schedule.load[s]! < capacity[s]!) return true;
  return false;
}

/**
 * Seats r while dropping lighter meetings, allowing one more point of loss at a time so the
 * cheapest chain found wins; the loss is always below r's priority, so the objective rises.
 */
function ejectForGain(chains: ChainSearch, schedule: Schedule, r: number): boolean {
  const gain = schedule.model.weight[r]!;
  for (let loss = 1; loss < gain; loss++) {
    if (!schedule.hasMeetingUpTo(loss)) continue;
    if (chains.insert(r, loss) !== NONE) {
      schedule.commit();
      return true;
    }
  }
  return false;
}
