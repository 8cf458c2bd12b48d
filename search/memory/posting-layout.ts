import { type Bitset, forEachBit } from './bitset.js';

/**
 * The frozen layout of the posting lists (see Postings): how it is built from a stream of
 * entries, fed back, and read list by list.
 */

/** One run of a posting list: `slots[from..to)` with their weights, slots increasing. */
export type PostingPart = (slots: Int32Array, weights: Uint8Array, from: number, to: number) => void;

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
 * The frozen layout of `count` lists from `feed`, in two passes: count per list, then place;
 * adjacent repeats of a slot merge (best weight). Lists held by more than one slot in 32 then move
 * into bitsets. `capacity`: entries expected (room for them up front).
 */
export function buildFrozen(count: number, capacity: number, feed: (put: Put) => void): FrozenPostings {
  const start = new Int32Array(count + 1);
  let maxSlot = -1;
  feed((id, slot) => {
    start[id + 1]!++;
    if (slot > maxSlot) maxSlot = slot;
  });
  for (let id = 0; id < count; id++) start[id + 1]! += start[id]!;
  const slots = new Int32Array(Math.max(capacity, start[count]!));
  const weights = new Uint8Array(slots.length);
  const fill = start.slice(0, count);
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
  const slotStart = new Int32Array(count + 1);
  const dense = new Map<number, DenseList>();
  let j = 0;
  let js = 0;
  for (let id = 0; id < count; id++) {
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
  start[count] = j;
  slotStart[count] = js;
  return {
    start,
    slotStart,
    slots: slots.slice(0, js),
    weights: j === weights.length ? weights : weights.slice(0, j),
    dense,
  };
}

export type Put = (id: number, slot: number, weight: number) => void;

export function feedFrozen(old: FrozenPostings, put: Put): void {
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

export function forEachListed(
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
export function forEachChunk(d: DenseList, allWeights: Uint8Array, from: number, fn: PostingPart): void {
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
