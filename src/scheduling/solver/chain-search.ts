import { NONE, type Schedule } from './schedule.js';

export interface ChainLimits {
  /** How many displaced meetings deep a chain may go. */
  readonly maxDepth: number;
  /** Relocations and slot trials per top-level attempt, so one hopeless request cannot stall the solve. */
  readonly nodeBudget: number;
}

/**
 * Ejection chains (augmenting paths) over slot assignments. To seat request r in slot s we may
 * have to move r's participants' meetings out of s, and one more meeting if s has no table left;
 * each displaced meeting is then seated elsewhere the same way, recursively. A meeting moved once
 * in a chain is tabu for the rest of it, so chains never cycle. Every failed branch is undone
 * through the schedule's journal, so callers see either a committed improvement or no change.
 */
export class ChainSearch {
  private readonly tabu: Uint8Array;
  private readonly tabuList: number[] = [];
  private nodes = 0;
  /** Priority the current chain may still drop instead of relocating. */
  private spare = 0;

  constructor(
    private readonly schedule: Schedule,
    private readonly limits: ChainLimits,
  ) {
    this.tabu = new Uint8Array(schedule.model.requestCount);
  }

  /**
   * Seats the unscheduled request r by moving others around, unscheduling at most `maxLoss`
   * priority along the way (0 = a pure relocation chain). Returns the priority actually dropped,
   * or NONE with the schedule unchanged if no chain was found within the limits.
   */
  insert(r: number, maxLoss = 0): number {
    this.nodes = 0;
    this.spare = maxLoss;
    this.setTabu(r);
    const ok = this.relocate(r, this.limits.maxDepth);
    this.clearTabu();
    return ok ? maxLoss - this.spare : NONE;
  }

  /** Every call and every slot tried counts against the node budget, so work per attempt is bounded. */
  private relocate(r: number, depth: number): boolean {
    const { schedule } = this;
    if (++this.nodes > this.limits.nodeBudget) return false;
    const slots = schedule.model.candidateSlots[r]!;
    for (const s of slots) {
      if (schedule.fitsDirectly(r, s)) {
        schedule.move(r, s);
        return true;
      }
    }
    if (depth <= 0) return false;
    for (const s of slots) {
      if (s === schedule.slotOf[r]) continue;
      if (++this.nodes > this.limits.nodeBudget) return false;
      if (this.seatMoving(r, s, depth)) return true;
    }
    return false;
  }

  private seatMoving(r: number, s: number, depth: number): boolean {
    const { schedule } = this;
    const blockers = this.blockersOf(r, s);
    if (blockers === null) return false;
    const mark = schedule.mark();
    const tabuMark = this.tabuList.length;
    const spare = this.spare;
    for (const blocker of blockers) this.unseat(blocker);
    schedule.move(r, s);
    let ok = blockers.every((blocker) => this.relocate(blocker, depth - 1) || this.drop(blocker));
    if (ok && schedule.load[s]! > schedule.model.capacity[s]!) ok = this.evictOne(s, depth - 1);
    if (ok) return true;
    schedule.undo(mark);
    this.clearTabu(tabuMark);
    this.spare = spare;
    return false;
  }

  /**
   * Moves one meeting out of the over-full slot s, trying shallow chains for every candidate
   * before deeper ones, and dropping the lightest candidate only as a last resort.
   */
  private evictOne(s: number, depth: number): boolean {
    const { schedule } = this;
    const movable = schedule.members[s]!.filter((c) => !this.tabu[c]);
    for (let level = 0; level <= depth; level++) {
      for (const c of movable) {
        const mark = schedule.mark();
        const tabuMark = this.tabuList.length;
        const spare = this.spare;
        this.unseat(c);
        if (this.relocate(c, level)) return true;
        schedule.undo(mark);
        this.clearTabu(tabuMark);
        this.spare = spare;
        if (this.nodes > this.limits.nodeBudget) break;
      }
    }
    const victim = this.lightest(movable);
    return victim !== NONE && this.drop(victim);
  }

  /** Unschedules r if the chain's loss allowance still covers it. */
  private drop(r: number): boolean {
    const w = this.schedule.model.weight[r]!;
    if (w > this.spare) return false;
    this.spare -= w;
    this.unseat(r);
    return true;
  }

  /** The meetings that must leave s before r can sit there, or null if one of them may not move. */
  private blockersOf(r: number, s: number): number[] | null {
    const { schedule } = this;
    const { a, b } = schedule.model;
    const blockers: number[] = [];
    for (const p of [a[r]!, b[r]!]) {
      const occupant = schedule.occupantOf(p, s);
      if (occupant === NONE || blockers.includes(occupant)) continue;
      if (schedule.isLocked(occupant) || this.tabu[occupant]) return null;
      blockers.push(occupant);
    }
    return blockers;
  }

  /** Lightest meeting, ties to the highest index, so drops are predictable. */
  private lightest(candidates: readonly number[]): number {
    const { weight } = this.schedule.model;
    let best = NONE;
    for (const c of candidates) {
      if (best === NONE || weight[c]! < weight[best]! || (weight[c] === weight[best] && c > best)) best = c;
    }
    return best;
  }

  private unseat(r: number): void {
    this.schedule.move(r, NONE);
    this.setTabu(r);
  }

  private setTabu(r: number): void {
    if (this.tabu[r]) return;
    this.tabu[r] = 1;
    this.tabuList.push(r);
  }

  private clearTabu(downTo = 0): void {
    while (this.tabuList.length > downTo) this.tabu[this.tabuList.pop()!] = 0;
  }
}
