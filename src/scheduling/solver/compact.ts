import { earlySlotCount } from './early-start.js';
import { idlePenalty } from './idle-penalty.js';
import { NONE, type Schedule } from './schedule.js';

/**
 * Shortens idle gaps without changing which requests are scheduled: only slot moves and slot
 * swaps, both of which keep every meeting, so the objective cannot drop. Each accepted step
 * lowers the integer total penalty, so it terminates; `maxPasses` and the deadline bound the work.
 * A plain move never leaves an early slot (only swaps do), so a filled start of the day stays filled.
 */
export function compact(schedule: Schedule, maxPasses: number, deadline: number): void {
  const compactor = new Compactor(schedule, earlySlotCount(schedule.model.slotCount));
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    for (let r = 0; r < schedule.model.requestCount; r++) {
      if (schedule.slotOf[r] === NONE || schedule.isLocked(r)) continue;
      if (compactor.improveMeeting(r)) improved = true;
    }
    if (!improved || Date.now() > deadline) return;
  }
}

/** Caches each participant's current penalty, so pricing a move costs two short scans. */
class Compactor {
  private readonly current: Int32Array;

  constructor(
    private readonly schedule: Schedule,
    private readonly early: number,
  ) {
    this.current = new Int32Array(schedule.model.participantCount);
    for (let p = 0; p < this.current.length; p++) this.current[p] = idlePenalty(schedule, p);
  }

  /** Applies the best gap-reducing move or swap for meeting r, if any. */
  improveMeeting(r: number): boolean {
    const { schedule } = this;
    const from = schedule.slotOf[r]!;
    let best: number[] | null = null;
    let bestDelta = 0;
    for (const to of schedule.model.candidateSlots[r]!) {
      if (to === from) continue;
      const own = this.shift(r, from, to);
      for (const partner of swapPartners(schedule, r, to, own < 0)) {
        if (partner === NONE && from < this.early) continue;
        const delta = partner === NONE ? own : this.swapDelta(r, partner, from, to, own);
        if (delta < bestDelta) {
          bestDelta = delta;
          best = partner === NONE ? [r, to] : [r, to, partner, from];
        }
      }
    }
    if (best === null) return false;
    for (let i = 0; i < best.length; i += 2) schedule.move(best[i]!, NONE);
    for (let i = 0; i < best.length; i += 2) schedule.move(best[i]!, best[i + 1]!);
    schedule.commit();
    for (let i = 0; i < best.length; i += 2) this.refresh(best[i]!);
    return true;
  }

  /** Penalty change if meeting m alone moved between the two slots. */
  private shift(m: number, from: number, to: number): number {
    const { a, b } = this.schedule.model;
    return this.change(a[m]!, from, to) + this.change(b[m]!, from, to);
  }

  /** In a swap a shared participant keeps both slots busy, so only the other two sides change. */
  private swapDelta(r: number, m: number, from: number, to: number, own: number): number {
    const { a, b } = this.schedule.model;
    const shared = [a[r]!, b[r]!].find((p) => p === a[m] || p === b[m]);
    if (shared === undefined) return own + this.shift(m, to, from);
    const mover = a[r] === shared ? b[r]! : a[r]!;
    const other = a[m] === shared ? b[m]! : a[m]!;
    if (mover === other) return 0;
    return this.change(mover, from, to) + this.change(other, to, from);
  }

  private change(p: number, leave: number, join: number): number {
    return idlePenalty(this.schedule, p, leave, join) - this.current[p]!;
  }

  private refresh(m: number): void {
    const { a, b } = this.schedule.model;
    this.current[a[m]!] = idlePenalty(this.schedule, a[m]!);
    this.current[b[m]!] = idlePenalty(this.schedule, b[m]!);
  }
}

/**
 * Who could trade places with r when r goes to slot `to`: NONE for a plain move into a free
 * table, the meeting already holding r's participant there, or, when `to` is full, any meeting
 * in `to` whose participants are free in r's current slot. That widest case is priced only when
 * the move helps r's own participants; a trade that helps only the other meeting is found on
 * that meeting's turn.
 */
function swapPartners(schedule: Schedule, r: number, to: number, tradeIntoFullSlot: boolean): number[] {
  const { a, b } = schedule.model;
  const from = schedule.slotOf[r]!;
  const holders = [schedule.occupantOf(a[r]!, to), schedule.occupantOf(b[r]!, to)].filter((m) => m !== NONE);
  if (holders.length === 0) {
    if (schedule.hasRoom(to)) return [NONE];
    if (!tradeIntoFullSlot) return [];
    return schedule.members[to]!.filter((m) => canTakeSlot(schedule, m, from, r));
  }
  const holder = holders[0]!;
  if (holders.some((m) => m !== holder) || !canTakeSlot(schedule, holder, from, r)) return [];
  return [holder];
}

/** True when m may move into slot s once r (currently in s) has left it. */
function canTakeSlot(schedule: Schedule, m: number, s: number, r: number): boolean {
  if (schedule.isLocked(m) || !schedule.model.candidateSlots[m]!.includes(s)) return false;
  const { a, b } = schedule.model;
  for (const p of [a[m]!, b[m]!]) {
    const occupant = schedule.occupantOf(p, s);
    if (occupant !== NONE && occupant !== r) return false;
  }
  return true;
}
