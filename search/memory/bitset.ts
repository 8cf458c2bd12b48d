/**
 * Fixed-size bitsets over supplier slots, as plain Uint32Arrays: set algebra and counting in a
 * few microseconds per facet value, the way search engines count facets (PERF_NOTES.md).
 */
export type Bitset = Uint32Array;

/** All bits clear; sized in whole 32-bit words. */
export function createBitset(bits: number): Bitset {
  return new Uint32Array(Math.ceil(bits / 32));
}

/** Marks slot `i`. */
export function setBit(b: Bitset, i: number): void {
  b[i >>> 5]! |= 1 << (i & 31);
}

/** Unmarks slot `i` (a dead or filtered-out slot). */
export function clearBit(b: Bitset, i: number): void {
  b[i >>> 5]! &= ~(1 << (i & 31));
}

/** True when slot `i` is marked. */
export function hasBit(b: Bitset, i: number): boolean {
  return (b[i >>> 5]! & (1 << (i & 31))) !== 0;
}

/** Copies `b` into a larger bitset (slots only ever grow); `b` itself when it fits. */
export function growBitset(b: Bitset, bits: number): Bitset {
  if (Math.ceil(bits / 32) === b.length) return b;
  const out = createBitset(bits);
  out.set(b);
  return out;
}

/** Set bits in a 32-bit word (SWAR), the inner step of every facet count. */
export function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Number of marked slots. */
export function count(b: Bitset): number {
  let n = 0;
  for (let i = 0; i < b.length; i++) if (b[i] !== 0) n += popcount32(b[i]!);
  return n;
}

/** `dst = dst AND src`, in place. */
export function andInto(dst: Bitset, src: Bitset): Bitset {
  for (let i = 0; i < dst.length; i++) dst[i]! &= src[i]!;
  return dst;
}

/** `dst = dst OR src`, in place. */
export function orInto(dst: Bitset, src: Bitset): Bitset {
  for (let i = 0; i < dst.length; i++) dst[i]! |= src[i]!;
  return dst;
}

/** Indices of the non-zero words: counting against a sparse set then only touches those. */
export function nonZeroWords(b: Bitset): Int32Array {
  let n = 0;
  for (let i = 0; i < b.length; i++) if (b[i] !== 0) n++;
  const out = new Int32Array(n);
  n = 0;
  for (let i = 0; i < b.length; i++) if (b[i] !== 0) out[n++] = i;
  return out;
}

/** |a AND b|, looking only at the words listed in `words` (the non-zero words of `a`). */
export function countAnd(a: Bitset, b: Bitset, words: Int32Array): number {
  let n = 0;
  for (let k = 0; k < words.length; k++) {
    const i = words[k]!;
    const x = a[i]! & b[i]!;
    if (x !== 0) n += popcount32(x);
  }
  return n;
}

/** Calls `fn` for every set bit, in increasing order. */
export function forEachBit(b: Bitset, fn: (i: number) => void): void {
  for (let w = 0; w < b.length; w++) {
    let x = b[w]!;
    while (x !== 0) {
      const t = x & -x;
      fn((w << 5) + 31 - Math.clz32(t));
      x ^= t;
    }
  }
}

/**
 * Renumbers the set bits in place: bit `i` moves to `remap[i]`, or is dropped when that is -1.
 * `remap` must never move a bit up (new ≤ old), as compaction does, so no second bitset is needed.
 */
export function remapBitsInPlace(b: Bitset, remap: Int32Array): void {
  for (let w = 0; w < b.length; w++) {
    let x = b[w]!;
    if (x === 0) continue;
    b[w] = 0;
    while (x !== 0) {
      const t = x & -x;
      x ^= t;
      const to = remap[(w << 5) + 31 - Math.clz32(t)] ?? -1;
      if (to >= 0) b[to >>> 5]! |= 1 << (to & 31);
    }
  }
}

/** True when no bit is set. */
export function isEmpty(b: Bitset): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] !== 0) return false;
  return true;
}
