import { type Bitset, forEachBit, popcount32, remapBitsInPlace } from './bitset.js';
import { Posting } from './columns.js';

/** One run of a posting list: `slots[from..to)` with their weights, slots increasing. */
export type PostingPart = (slots: Int32Array, weights: Uint8Array, from: number, to: number) => void;

const INITIAL_LOG = 1 << 16;
/** Slots handed to a PostingPart at a time when a dense list is read from its bitset. */
const CHUNK = 4096;
const chunk = new Int32Array(CHUNK);

/** The frozen layout (see Postings), as a snapshot stores it. */
export interface FrozenPostings {
  start: Int32Array;
  slotStart: Int32Array;
  slots: Int32Array;
  weights: Uint8Array;
  dense: Map<number, DenseList>;
}

/**
 * A list kept as a bitset: its slots, how many, and the weight all of them share, or -1 when
 * their weights differ (they are then in `weights` like a sparse list's). A word most documents
 * hold usually sits in the same field everywhere ("bengkel" in the description), so 323 of the
 * 327 dense lists at a million suppliers need no weight array at all.
 */
export interface DenseList {
  bits: Bitset;
  count: number;
  weight: number;
}

/** CHUNK copies of each weight, handed to a PostingPart for a dense list of one weight. */
const sameWeight = new Map<number, Uint8Array>();
const weightsAll = (w: number) => {
  let a = sameWeight.get(w);
  if (!a) {
    a = new Uint8Array(CHUNK).fill(w);
    sameWeight.set(w, a);
  }
  return a;
};

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

  /**
   * Two passes over `feed`: count per list, then place; adjacent repeats of a slot merge. Lists
   * held by more than one slot in 32 then move into bitsets.
   */
  private rebuild(capacity: number, feed: (put: Put) => void) {
    const start = new Int32Array(this.count + 1);
    let maxSlot = -1;
    feed((id, slot) => {
      start[id + 1]!++;
      if (slot > maxSlot) maxSlot = slot;
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
    // Merged repeats leave gaps: close them so every list is one contiguous run; dense lists
    // leave the slot array for a bitset.
    const words = Math.ceil((maxSlot + 1) / 32);
    const slotStart = new Int32Array(this.count + 1);
    const dense = new Map<number, DenseList>();
    let j = 0;
    let js = 0;
    for (let id = 0; id < this.count; id++) {
      const from = start[id]!;
      const to = fill[id]!;
      start[id] = j;
      slotStart[id] = js;
      if ((to - from) * 32 > maxSlot + 1) {
        const bits = new Uint32Array(words);
        let weight = weights[from]!;
        for (let k = from; k < to; k++) {
          bits[slots[k]! >>> 5]! |= 1 << (slots[k]! & 31);
          if (weights[k] !== weight) weight = -1;
        }
        dense.set(id, { bits, count: to - from, weight });
        if (weight >= 0) continue;
      } else {
        slots.copyWithin(js, from, to);
        js += to - from;
      }
      weights.copyWithin(j, from, to);
      j += to - from;
    }
    start[this.count] = j;
    slotStart[this.count] = js;
    this.start = start;
    this.slotStart = slotStart;
    this.dense = dense;
    this.slots = slots.slice(0, js);
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

function feedFrozen(old: FrozenPostings, put: Put): void {
  for (let id = 0; id + 1 < old.start.length; id++) {
    const d = old.dense.get(id);
    let k = old.start[id]!;
    if (d)
      forEachBit(d.bits, (s) => {
        put(id, s, d.weight >= 0 ? d.weight : old.weights[k++]!);
      });
    else
      for (let i = old.slotStart[id]!; i < old.slotStart[id + 1]!; i++)
        put(id, old.slots[i]!, old.weights[k++]!);
  }
}

function forEachListed(
  slots: Int32Array,
  weights: Uint8Array,
  from: number,
  to: number,
  filter: Bitset,
  fn: (slot: number, weight: number) => void,
): void {
  for (let k = from; k < to; k++) {
    const s = slots[k]!;
    if ((filter[s >>> 5]! & (1 << (s & 31))) !== 0) fn(s, weights[k]!);
  }
}

/** A dense list's slots, decoded CHUNK at a time, with the matching run of its weights. */
function forEachChunk(d: DenseList, allWeights: Uint8Array, from: number, fn: PostingPart): void {
  const { bits } = d;
  const weights = d.weight >= 0 ? null : allWeights;
  let k = from;
  let n = 0;
  for (let w = 0; w < bits.length; w++) {
    let x = bits[w]!;
    while (x !== 0) {
      const t = x & -x;
      chunk[n++] = (w << 5) + 31 - Math.clz32(t);
      x ^= t;
      if (n === CHUNK) {
        fn(chunk, weights ? weights.subarray(k, k + n) : weightsAll(d.weight), 0, n);
        k += n;
        n = 0;
      }
    }
  }
  if (n > 0) fn(chunk, weights ? weights.subarray(k, k + n) : weightsAll(d.weight), 0, n);
}
