import type { Model } from './model.js';

export const NONE = -1;

/**
 * Mutable slot assignment with an undo journal. Local search explores a chain of tentative moves
 * and must be able to roll back exactly, so every change goes through `move` and is journaled.
 * Locked requests are placed once in the constructor and never journaled or moved.
 */
export class Schedule {
  readonly slotOf: Int32Array;
  /** `occupant[p * slotCount + s]`: request participant p meets in slot s, or NONE. */
  readonly occupant: Int32Array;
  /** Unlocked meetings per slot; compared against `model.capacity`. */
  readonly load: Int32Array;
  /** Unlocked meetings in each slot, in no particular order. */
  readonly members: number[][];
  /** Unlocked meetings scheduled per priority, to tell quickly whether anything is light enough to drop. */
  private readonly perWeight: Int32Array;
  private readonly position: Int32Array;
  private readonly journal: number[] = [];
  objective = 0;

  constructor(readonly model: Model) {
    const { slotCount, participantCount, requestCount } = model;
    this.slotOf = new Int32Array(requestCount).fill(NONE);
    this.occupant = new Int32Array(participantCount * slotCount).fill(NONE);
    this.load = new Int32Array(slotCount);
    this.members = Array.from({ length: slotCount }, () => []);
    this.position = new Int32Array(requestCount).fill(NONE);
    this.perWeight = new Int32Array(model.weight.reduce((max, w) => Math.max(max, w), 0) + 1);
    for (let r = 0; r < requestCount; r++) {
      const s = model.lockedSlot[r]!;
      if (s === NONE) continue;
      this.slotOf[r] = s;
      this.occupant[model.a[r]! * slotCount + s] = r;
      this.occupant[model.b[r]! * slotCount + s] = r;
      this.objective += model.weight[r]!;
    }
  }

  isLocked(r: number): boolean {
    return this.model.lockedSlot[r] !== NONE;
  }

  occupantOf(p: number, s: number): number {
    return this.occupant[p * this.model.slotCount + s]!;
  }

  hasRoom(s: number): boolean {
    return this.load[s]! < this.model.capacity[s]!;
  }

  /** True when r could go to s right now without disturbing anyone. */
  fitsDirectly(r: number, s: number): boolean {
    return (
      this.hasRoom(s) &&
      this.occupantOf(this.model.a[r]!, s) === NONE &&
      this.occupantOf(this.model.b[r]!, s) === NONE
    );
  }

  /** True when some movable meeting has priority at most `w`, i.e. dropping it could pay for a gain. */
  hasMeetingUpTo(w: number): boolean {
    for (let i = Math.min(w, this.perWeight.length - 1); i >= 0; i--) if (this.perWeight[i]! > 0) return true;
    return false;
  }

  /** Journal length, to pass to `undo` later. */
  mark(): number {
    return this.journal.length;
  }

  undo(mark: number): void {
    while (this.journal.length > mark) {
      const from = this.journal.pop()!;
      const r = this.journal.pop()!;
      this.apply(r, from);
    }
  }

  /** Commits everything journaled so far; undo can no longer go behind this point. */
  commit(): void {
    this.journal.length = 0;
  }

  /** Moves r to slot `to` (NONE unschedules it). Capacity may be exceeded transiently during a chain. */
  move(r: number, to: number): void {
    const from = this.slotOf[r]!;
    if (from === to) return;
    this.journal.push(r, from);
    this.apply(r, to);
  }

  private apply(r: number, to: number): void {
    const { slotCount, a, b, weight } = this.model;
    const from = this.slotOf[r]!;
    const pa = a[r]! * slotCount;
    const pb = b[r]! * slotCount;
    if (from !== NONE) {
      this.occupant[pa + from] = NONE;
      this.occupant[pb + from] = NONE;
      this.load[from]!--;
      this.detach(r, from);
      this.objective -= weight[r]!;
      this.perWeight[weight[r]!]!--;
    }
    if (to !== NONE) {
      this.occupant[pa + to] = r;
      this.occupant[pb + to] = r;
      this.load[to]!++;
      this.position[r] = this.members[to]!.push(r) - 1;
      this.objective += weight[r]!;
      this.perWeight[weight[r]!]!++;
    }
    this.slotOf[r] = to;
  }

  private detach(r: number, s: number): void {
    const list = this.members[s]!;
    const i = this.position[r]!;
    const last = list.pop()!;
    if (last !== r) {
      list[i] = last;
      this.position[last] = i;
    }
    this.position[r] = NONE;
  }
}
