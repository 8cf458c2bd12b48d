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
      const slots = new Int32Array(this.length * 2);
      slots.set(this.slots);
      this.slots = slots;
      const weights = new Uint8Array(this.length * 2);
      weights.set(this.weights);
      this.weights = weights;
    }
    this.slots[this.length] = slot;
    this.weights[this.length] = weight;
    this.length++;
  }
}

/** A larger copy, new cells set to `fill` (columns grow with the slots). */
export function growInt32(a: Int32Array, size: number, fill: number): Int32Array {
  const out = new Int32Array(size).fill(fill);
  out.set(a);
  return out;
}

/** A larger copy, new cells set to `fill`. */
export function growFloat64(a: Float64Array, size: number, fill: number): Float64Array {
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
