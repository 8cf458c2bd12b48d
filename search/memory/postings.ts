import { type Bitset, forEachBit, popcount32, remapBitsInPlace } from './bitset.js';
import { Posting } from './columns.js';
import {
  buildFrozen,
  type DenseList,
  type FrozenPostings,
  feedFrozen,
  forEachChunk,
  forEachListed,
  type PostingPart,
  type Put,
} from './posting-layout.js';

export type { DenseList, FrozenPostings, PostingPart } from './posting-layout.js';

const INITIAL_LOG = 1 << 16;

/**
 * Every posting list of the index in one compressed-row layout: list `id` is
 * `slots[start[id] .. start[id + 1])`, with one weight byte per entry. A million documents with a
 * unique word each (an IKM's name) then cost 9 bytes per entry and 4 per word, instead of a
 * posting object and two typed arrays per word, about 600 bytes.
 *
 * A list held by more than one slot in 32 keeps its slots as a bitset instead, the way roaring
 * bitmaps choose containers: words common to most documents ("bengkel", "cv") then cost about
 * one byte per entry instead of five. `start` indexes the weights of every list; `slotStart` the
 * slots of the sparse ones.
 *
 * Slots are only ever appended, so entries written after the last `freeze()` (kept per list in
 * small tails) always follow the frozen run. A bulk load logs (list, slot, weight) triples in
 * three flat arrays and sorts them into place once, stably, at `freeze()`.
 */
export class Postings {
  private start: Int32Array = new Int32Array(1);
  private slotStart: Int32Array = new Int32Array(1);
  private slots: Int32Array = new Int32Array(0);
  private weights: Uint8Array = new Uint8Array(0);
  private dense = new Map<number, DenseList>();
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
    const d = this.dense.get(id);
    const frozen = d ? d.count : id + 1 < this.start.length ? this.start[id + 1]! - this.start[id]! : 0;
    return frozen + (this.tails.get(id)?.length ?? 0);
  }

  /** Calls `fn` for the list's frozen run (in chunks when dense) and then its tail, in slot order. */
  forEachPart(id: number, fn: PostingPart): void {
    if (this.log) this.freeze();
    if (id + 1 < this.start.length) {
      const from = this.start[id]!;
      const to = this.start[id + 1]!;
      const d = this.dense.get(id);
      if (d) forEachChunk(d, this.weights, from, fn);
      else if (to > from) {
        const s0 = this.slotStart[id]!;
        fn(this.slots, this.weights.subarray(from - s0), s0, s0 + to - from);
      }
    }
    const tail = this.tails.get(id);
    if (tail?.length) fn(tail.slots, tail.weights, 0, tail.length);
  }

  /**
   * Calls `fn(slot, weight)` for the list's slots that are also in `filter`, in slot order. A
   * dense list skips every word it shares no slot with, so a narrow result costs little even
   * against a word most documents hold.
   */
  forEachIn(id: number, filter: Bitset, fn: (slot: number, weight: number) => void): void {
    if (this.log) this.freeze();
    const d = this.dense.get(id);
    if (d) {
      const { bits, weight } = d;
      const weights = this.weights;
      let k = this.start[id]!;
      for (let w = 0, n = Math.min(bits.length, filter.length); w < n; w++) {
        let x = bits[w]!;
        if (x === 0) continue;
        const hit = x & filter[w]!;
        if (hit === 0) {
          k += popcount32(x);
          continue;
        }
        while (x !== 0) {
          const t = x & -x;
          if ((hit & t) !== 0) fn((w << 5) + 31 - Math.clz32(t), weight >= 0 ? weight : weights[k]!);
          k++;
          x ^= t;
        }
      }
      const tail = this.tails.get(id);
      if (tail) forEachListed(tail.slots, tail.weights, 0, tail.length, filter, fn);
      return;
    }
    this.forEachPart(id, (slots, weights, from, to) => forEachListed(slots, weights, from, to, filter, fn));
  }

  /** `dst |= the list's slots`. */
  orInto(id: number, dst: Bitset): void {
    if (this.log) this.freeze();
    const bits = this.dense.get(id)?.bits;
    if (bits) {
      for (let w = 0, n = Math.min(bits.length, dst.length); w < n; w++) dst[w]! |= bits[w]!;
      const tail = this.tails.get(id);
      if (tail)
        for (let k = 0; k < tail.length; k++) dst[tail.slots[k]! >>> 5]! |= 1 << (tail.slots[k]! & 31);
      return;
    }
    this.forEachPart(id, (slots, _w, from, to) => {
      for (let k = from; k < to; k++) dst[slots[k]! >>> 5]! |= 1 << (slots[k]! & 31);
    });
  }

  /**
   * Moves the bulk log or the tails into the frozen layout. A bulk load is sorted by list with a
   * counting sort (stable, so slots stay increasing); repeated (list, slot) pairs merge.
   */
  freeze(): void {
    if (this.log) {
      const log = this.log;
      this.log = null;
      const old = this.frozenLayout();
      this.rebuild(old.weights.length + log.n, (put) => {
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
    const old = this.frozenLayout();
    this.rebuild(old.weights.length + extra, (put) => {
      feedFrozen(old, put);
      for (const [id, t] of tails) for (let k = 0; k < t.length; k++) put(id, t.slots[k]!, t.weights[k]!);
    });
  }

  /**
   * Renumbers every slot in place (`remap[slot]`, -1 drops it); order is kept because compaction
   * only moves slots down in the same order. Lists that end up empty stay as empty runs, and a
   * dense list stays a bitset.
   */
  remap(remap: Int32Array): void {
    const { start, slotStart, slots, weights } = this;
    let j = 0;
    let js = 0;
    let from = 0;
    let fromS = 0;
    for (let id = 0; id + 1 < start.length; id++) {
      const to = start[id + 1]!;
      const toS = slotStart[id + 1]!;
      start[id] = j;
      slotStart[id] = js;
      const d = this.dense.get(id);
      if (d) {
        let k = from;
        let count = 0;
        forEachBit(d.bits, (s) => {
          if ((remap[s] ?? -1) < 0) return void k++;
          if (d.weight < 0) weights[j++] = weights[k]!;
          k++;
          count++;
        });
        remapBitsInPlace(d.bits, remap);
        d.count = count;
      } else
        for (let k = fromS; k < toS; k++) {
          const s = remap[slots[k]!] ?? -1;
          if (s < 0) continue;
          slots[js++] = s;
          weights[j++] = weights[from + k - fromS]!;
        }
      from = to;
      fromS = toS;
    }
    start[start.length - 1] = j;
    slotStart[slotStart.length - 1] = js;
    if (js < slots.length) this.slots = slots.slice(0, js);
    if (j < weights.length) this.weights = weights.slice(0, j);
    for (const t of this.tails.values()) t.remap(remap);
  }

  /** The frozen layout, for a snapshot. */
  frozen(): FrozenPostings {
    this.freeze();
    return this.frozenLayout();
  }

  /** Takes over a frozen layout read from a snapshot (`start.length - 1` lists). */
  adopt(layout: FrozenPostings): void {
    const lists = layout.start.length - 1;
    if (layout.slotStart.length !== lists + 1 || layout.start[lists] !== layout.weights.length)
      throw new Error('snapshot: posting layout of the wrong length');
    this.start = layout.start;
    this.slotStart = layout.slotStart;
    this.slots = layout.slots;
    this.weights = layout.weights;
    this.dense = layout.dense;
    this.tails.clear();
    this.log = null;
    this.count = Math.max(this.count, lists);
  }

  private frozenLayout(): FrozenPostings {
    const { start, slotStart, slots, weights, dense } = this;
    return { start, slotStart, slots, weights, dense };
  }

  /** Sorts `feed` into the frozen layout (see buildFrozen). */
  private rebuild(capacity: number, feed: (put: Put) => void) {
    const layout = buildFrozen(this.count, capacity, feed);
    this.start = layout.start;
    this.slotStart = layout.slotStart;
    this.slots = layout.slots;
    this.weights = layout.weights;
    this.dense = layout.dense;
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
