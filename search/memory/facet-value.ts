import {
  type Bitset,
  countAnd,
  createBitset,
  growBitset,
  orInto,
  remapBitsInPlace,
  setBit,
} from './bitset.js';

/**
 * The slots holding one facet value, stored the way roaring bitmaps choose containers: always as
 * a sorted list of slots, plus a bitset once the value is dense (more than one slot in 32, where
 * the bitset becomes the smaller of the two). A regency held by 2,000 of a million suppliers then
 * costs 8 KB instead of a 125 KB bitset, and is counted with 2,000 lookups instead of 31,250
 * word operations; a province or a common process keeps its bitset for word-wide AND.
 */
export class FacetValue {
  /** `id`: the value's number in the index's FacetForward. */
  constructor(readonly id: number) {}

  slots = new Int32Array(4);
  length = 0;
  bits: Bitset | null = null;

  /** Appends `slot` (slots only grow); `capacity` is the index's slot capacity. */
  add(slot: number, capacity: number): void {
    if (this.length > 0 && this.slots[this.length - 1] === slot) return;
    if (this.length === this.slots.length) {
      const more = new Int32Array(this.length * 2);
      more.set(this.slots);
      this.slots = more;
    }
    this.slots[this.length++] = slot;
    if (this.bits) setBit(this.bits, slot);
    else if (this.length * 32 > capacity) this.bits = this.toBits(capacity);
  }

  /** The index grew: a dense value's bitset grows with it. */
  grow(capacity: number): void {
    if (this.bits) this.bits = growBitset(this.bits, capacity);
  }

  /** Renumbers in place like every other column (see MemoryIndex.compact); drops spare room. */
  remap(remap: Int32Array, capacity: number): void {
    let j = 0;
    for (let k = 0; k < this.length; k++) {
      const to = remap[this.slots[k]!]!;
      if (to >= 0) this.slots[j++] = to;
    }
    this.length = j;
    this.slots = this.slots.slice(0, Math.max(4, j));
    if (this.bits) {
      if (j * 32 > capacity) remapBitsInPlace(this.bits, remap);
      else this.bits = null;
    }
  }

  /** Its bitset, or a new one built from the list (`capacity` bits). */
  toBits(capacity: number): Bitset {
    if (this.bits) return this.bits;
    const b = createBitset(capacity);
    for (let k = 0; k < this.length; k++) setBit(b, this.slots[k]!);
    return b;
  }

  /** `dst |= this`. */
  orInto(dst: Bitset): void {
    if (this.bits) {
      orInto(dst, this.bits);
      return;
    }
    for (let k = 0; k < this.length; k++) setBit(dst, this.slots[k]!);
  }

  /** |base AND this|, by whichever is shorter: the base's non-zero `words` or this list. */
  countIn(base: Bitset, words: Int32Array): number {
    if (this.bits && words.length <= this.length) return countAnd(base, this.bits, words);
    let n = 0;
    const slots = this.slots;
    for (let k = 0; k < this.length; k++) {
      const s = slots[k]!;
      n += (base[s >>> 5]! >>> (s & 31)) & 1;
    }
    return n;
  }
}
