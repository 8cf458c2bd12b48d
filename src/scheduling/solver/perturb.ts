import { type ChainLimits, ChainSearch } from './chain-search.js';
import { claimOrder } from './greedy.js';
import { NONE, type Schedule } from './schedule.js';
import { seededRandom } from './seeded-random.js';

export interface KickLimits extends ChainLimits {
  readonly maxKicks: number;
  /** Stop after this many kicks in a row without a strict gain. */
  readonly stallKicks: number;
  /** Wall-clock safety net (epoch ms). */
  readonly deadline: number;
}

/**
 * Iterated local search. Chains only accept strict gains, so they stop in local optima where,
 * say, two priority-1 requests fit only if a third priority-1 meeting moves out first. A kick
 * forces one unscheduled request into a random slot, evicting whoever is in the way, then repairs
 * the neighbourhood with chains; the result is kept if the objective did not fall (sideways steps
 * let the search drift across plateaus), otherwise undone. The objective never decreases.
 */
export function perturb(schedule: Schedule, limits: KickLimits): void {
  const random = seededRandom(0x5eed);
  const chains = new ChainSearch(schedule, limits);
  let best = schedule.objective;
  let lastGain = 0;
  for (let kick = 0; kick < limits.maxKicks && kick - lastGain < limits.stallKicks; kick++) {
    if (kick % 64 === 0 && Date.now() > limits.deadline) return;
    const pool = unscheduledPool(schedule);
    if (pool.length === 0) return;
    const r = pool[Math.floor(random() * pool.length)]!;
    const before = schedule.objective;
    const mark = schedule.mark();
    const touched = forceIn(schedule, r, random);
    if (touched === null) continue;
    repair(schedule, chains, touched);
    if (schedule.objective < before) schedule.undo(mark);
    schedule.commit();
    if (schedule.objective > best) {
      best = schedule.objective;
      lastGain = kick;
    }
  }
}

function unscheduledPool(schedule: Schedule): number[] {
  const { requestCount, candidateSlots } = schedule.model;
  const pool: number[] = [];
  for (let r = 0; r < requestCount; r++) {
    if (schedule.slotOf[r] === NONE && candidateSlots[r]!.length > 0) pool.push(r);
  }
  return pool;
}

/** Seats r in a random slot by unscheduling its blockers; returns the participants affected. */
function forceIn(schedule: Schedule, r: number, random: () => number): number[] | null {
  const { a, b, candidateSlots, capacity } = schedule.model;
  const slots = candidateSlots[r]!;
  const s = slots[Math.floor(random() * slots.length)]!;
  const touched = [a[r]!, b[r]!];
  for (const p of [a[r]!, b[r]!]) {
    const blocker = schedule.occupantOf(p, s);
    if (blocker !== NONE && schedule.isLocked(blocker)) return null;
  }
  for (const p of [a[r]!, b[r]!]) {
    const blocker = schedule.occupantOf(p, s);
    if (blocker === NONE) continue;
    touched.push(a[blocker]!, b[blocker]!);
    schedule.move(blocker, NONE);
  }
  if (schedule.load[s]! >= capacity[s]!) {
    const members = schedule.members[s]!;
    const victim = members[Math.floor(random() * members.length)]!;
    touched.push(a[victim]!, b[victim]!);
    schedule.move(victim, NONE);
  }
  schedule.move(r, s);
  return touched;
}

/** Re-seats the unscheduled requests of the touched participants, best first. */
function repair(schedule: Schedule, chains: ChainSearch, touched: readonly number[]): void {
  const { requestsOf, weight, candidateSlots } = schedule.model;
  const waiting = new Set<number>();
  for (const p of touched) {
    for (const x of requestsOf[p]!) {
      if (schedule.slotOf[x] === NONE && candidateSlots[x]!.length > 0) waiting.add(x);
    }
  }
  for (const x of claimOrder(schedule.model, waiting)) {
    if (schedule.slotOf[x] !== NONE || chains.insert(x) !== NONE) continue;
    for (let loss = 1; loss < weight[x]!; loss++) {
      if (schedule.hasMeetingUpTo(loss) && chains.insert(x, loss) !== NONE) break;
    }
  }
}
