import { Posting } from './columns.js';

/** One run of a posting list: `slots[from..to)` with their weights, slots increasing. */
export type PostingPart = (slots: Int32Array, weights: Uint8Array, from: number, to: number) => void;

const INITIAL_LOG = 1 << 16;

/**
 * Every posting list of the index in one compressed-row layout: list `id` is
 * `slots[start[id] .. start[id + 1])`, with one weight byte per entry. A million documents with a
 * unique word each (an IKM's name) then cost 9 bytes per entry and 4 per word, instead of a
 * posting object and two typed arrays per word, about 600 bytes.
 *
 * Slots are only ever appended, so entries written after the last `freeze()` (kept per list in
 * small tails) always follow the frozen run. A bulk load logs (list, slot, weight) triples in
 * three flat arrays and sorts them into place once, stably, at `freeze()`.
 */
export class Postings {
  private start: Int32Array = new Int32Array(1);
  private slots: Int32Array = new Int32Array(0);
  private weights: Uint8Array = new Uint8Array(0);
  private readonly tails = new Map<number, Posting>();
  private log: { id: Int32Array; slot: Int32Array; weight: Uint8Array; n: number } | null = null;
  /** Lists handed out. */
  count = 0;

  /** A new, empty list. */
  newList(): number {
    return this.count++;
  }

  /** Until the next `freeze()`, appends go to a flat log (a load of many documents). */
  beginBulk(): void {
    if (this.log) return;
    this.flushTails();
    this.log = {
      id: new Int32Array(INITIAL_LOG),
      slot: new Int32Array(INITIAL_LOG),
      weight: new Uint8Array(INITIAL_LOG),
      n: 0,
    };
  }

  /** Adds `slot` (never below the list's last slot) to list `id`; a repeated slot keeps its best weight. */
  add(id: number, slot: number, weight: number): void {
    const log = this.log;
    if (log) {
      if (log.n === log.id.length) this.growLog(log.n * 2);
      const l = this.log!;
      l.id[l.n] = id;
      l.slot[l.n] = slot;
      l.weight[l.n++] = weight;
      return;
    }
    let tail = this.tails.get(id);
    if (!tail) {
      tail = new Posting();
      this.tails.set(id, tail);
    }
    tail.add(slot, weight);
  }

  /** Entries of list `id`. Reading ends a bulk load (the log is sorted into place first). */
  length(id: number): number {
    if (this.log) this.freeze();
    const frozen = id + 1 < this.start.length ? this.start[id + 1]! - this.start[id]! : 0;
    return frozen + (this.tails.get(id)?.length ?? 0);
  }

  /** Calls `fn` for the list's frozen run and then for its tail, in slot order. */
  forEachPart(id: number, fn: PostingPart): void {
    if (this.log) this.freeze();
    if (id + 1 < this.start.length) {
      const from = this.start[id]!;
      const to = this.start[id + 1]!;
      if (to > from) fn(this.slots, this.weights, from, to);
    }
    const tail = this.tails.get(id);
    if (tail?.length) fn(tail.slots, tail.weights, 0, tail.length);
  }

  /**
   * Moves the bulk log or the tails into the frozen layout. A bulk load is sorted by list with a
   * counting sort (stable, so slots stay increasing); repeated (list, slot) pairs merge.
   */
  freeze(): void {
    if (this.log) {
      const log = this.log;
      this.log = null;
      const old = { start: this.start, slots: this.slots, weights: this.weights };
      this.rebuild(old.slots.length + log.n, (put) => {
        feedFrozen(old, put);
        for (let k = 0; k < log.n; k++) put(log.id[k]!, log.slot[k]!, log.weight[k]!);
      });
      return;
    }
    if (this.tails.size === 0 && this.start.length === this.count + 1) return;
    const tails = [...this.tails].sort((a, b) => a[0] - b[0]);
    this.tails.clear();
    let extra = 0;
    for (const [, t] of tails) extra += t.length;
    const old = { start: this.start, slots: this.slots, weights: this.weights };
    this.rebuild(old.slots.length + extra, (put) => {
      feedFrozen(old, put);
      for (const [id, t] of tails) for (let k = 0; k < t.length; k++) put(id, t.slots[k]!, t.weights[k]!);
    });
  }

  /**
   * Renumbers every slot in place (`remap[slot]`, -1 drops it); order is kept because compaction
   * only moves slots down in the same order. Lists that end up empty stay as empty runs.
   */
  remap(remap: Int32Array): void {
    const { start, slots, weights } = this;
    let j = 0;
    let from = 0;
    for (let id = 0; id + 1 < start.length; id++) {
      const to = start[id + 1]!;
      start[id] = j;
      for (let k = from; k < to; k++) {
        const s = remap[slots[k]!]!;
        if (s < 0) continue;
        slots[j] = s;
        weights[j++] = weights[k]!;
      }
      from = to;
    }
    start[start.length - 1] = j;
    if (j < slots.length) {
      this.slots = slots.slice(0, j);
      this.weights = weights.slice(0, j);
    }
    for (const t of this.tails.values()) t.remap(remap);
  }

  /** The frozen layout, for a snapshot. */
  frozen(): { start: Int32Array; slots: Int32Array; weights: Uint8Array } {
    this.freeze();
    return { start: this.start, slots: this.slots, weights: this.weights };
  }

  /** Takes over a frozen layout read from a snapshot (`start.length - 1` lists). */
  adopt(start: Int32Array, slots: Int32Array, weights: Uint8Array): void {
    this.start = start;
    this.slots = slots;
    this.weights = weights;
    this.tails.clear();
    this.log = null;
    this.count = Math.max(this.count, start.length - 1);
  }

  /** Two passes over `feed`: count per list, then place; adjacent repeats of a slot merge. */
  private rebuild(capacity: number, feed: (put: Put) => void) {
    const start = new Int32Array(this.count + 1);
    feed((id) => {
      start[id + 1]!++;
    });
    for (let id = 0; id < this.count; id++) start[id + 1]! += start[id]!;
    const slots = new Int32Array(Math.max(capacity, start[this.count]!));
    const weights = new Uint8Array(slots.length);
    const fill = start.slice(0, this.count);
    feed((id, slot, weight) => {
      const at = fill[id]!;
      if (at > start[id]! && slots[at - 1] === slot) {
        if (weight > weights[at - 1]!) weights[at - 1] = weight;
        return;
      }
      slots[at] = slot;
      weights[at] = weight;
      fill[id] = at + 1;
    });
    // Merged repeats leave gaps: close them so every list is one contiguous run.
    let j = 0;
    for (let id = 0; id < this.count; id++) {
      const from = start[id]!;
      const to = fill[id]!;
      start[id] = j;
      if (j !== from) {
        slots.copyWithin(j, from, to);
        weights.copyWithin(j, from, to);
      }
      j += to - from;
    }
    start[this.count] = j;
    this.start = start;
    this.slots = j === slots.length ? slots : slots.slice(0, j);
    this.weights = j === weights.length ? weights : weights.slice(0, j);
  }

  private growLog(size: number): void {
    const l = this.log!;
    const id = new Int32Array(size);
    id.set(l.id);
    const slot = new Int32Array(size);
    slot.set(l.slot);
    const weight = new Uint8Array(size);
    weight.set(l.weight);
    this.log = { id, slot, weight, n: l.n };
  }

  private flushTails(): void {
    if (this.tails.size) this.freeze();
  }
}

type Put = (id: number, slot: number, weight: number) => void;

function feedFrozen(old: { start: Int32Array; slots: Int32Array; weights: Uint8Array }, put: Put): void {
  for (let id = 0; id + 1 < old.start.length; id++)
    for (let k = old.start[id]!; k < old.start[id + 1]!; k++) put(id, old.slots[k]!, old.weights[k]!);
}
