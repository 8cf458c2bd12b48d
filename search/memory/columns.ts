/** Growable per-slot columns and posting lists: the storage behind the in-memory index. */

/** The slots whose document holds a lexeme or phrase, in increasing order (slots are only appended). */
export class Posting {
  slots = new Int32Array(4);
  /** Best weight (0 = D … 3 = A) of the lexeme or phrase in each slot's document. */
  weights = new Uint8Array(4);
  length = 0;

  add(slot: number, weight: number): void {
    const last = this.length - 1;
    if (last >= 0 && this.slots[last] === slot) {
      if (weight > this.weights[last]!) this.weights[last] = weight;
      return;
    }
    if (this.length === this.slots.length) {
      const room = Math.max(4, this.length * 2);
      const slots = new Int32Array(room);
      slots.set(this.slots);
      this.slots = slots;
      const weights = new Uint8Array(room);
      weights.set(this.weights);
      this.weights = weights;
    }
    this.slots[this.length] = slot;
    this.weights[this.length] = weight;
    this.length++;
  }

  /**
   * Renumbers the slots in place (`remap[slot]`, -1 drops it); the order is kept because
   * compaction only ever moves slots down in the same order.
   */
  remap(remap: Int32Array): void {
    let j = 0;
    for (let k = 0; k < this.length; k++) {
      const to = remap[this.slots[k]!]!;
      if (to < 0) continue;
      this.slots[j] = to;
      this.weights[j++] = this.weights[k]!;
    }
    this.length = j;
  }

  /** Drops the spare room left by doubling (a quarter of the postings on average). */
  trim(): void {
    if (this.slots.length === this.length) return;
    this.slots = this.slots.slice(0, this.length);
    this.weights = this.weights.slice(0, this.length);
  }
}

/** Moves each kept cell to its new slot in place and resets the freed tail to `fill`. */
export function remapColumn(col: Int32Array | Float64Array, remap: Int32Array, size: number, fill: number) {
  let n = 0;
  for (let s = 0; s < size; s++) {
    const to = remap[s]!;
    if (to < 0) continue;
    col[to] = col[s]!;
    n = to + 1;
  }
  col.fill(fill, n, size);
}

/** A larger copy, new cells set to `fill` (columns grow with the slots); `a` itself when it fits. */
export function growInt32(a: Int32Array, size: number, fill: number): Int32Array {
  if (a.length === size) return a;
  const out = new Int32Array(size).fill(fill);
  out.set(a);
  return out;
}

/** A larger copy, new cells set to `fill`; `a` itself when it fits. */
export function growFloat64(a: Float64Array, size: number, fill: number): Float64Array {
  if (a.length === size) return a;
  const out = new Float64Array(size).fill(fill);
  out.set(a);
  return out;
}

/** Day number of a `YYYY-MM-DD` date (days since 1970-01-01); 'infinity' sorts after every day. */
export function dayNumber(date: string): number {
  if (date === 'infinity') return NO_EXPIRY;
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Math.floor(t / 86_400_000);
}

export const NO_EXPIRY = 2_147_483_647;
export const NO_CERT = 0;
