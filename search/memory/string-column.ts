import { encodeUtf8, grown } from './lexicon.js';

const decoder = new TextDecoder();

/**
 * One string per slot (the normalised names of an index), as UTF-8 bytes in one pool in slot
 * order, plus an Int32 offset per slot: a million names take their bytes and 4 more each, instead
 * of a heap string and an array entry (about 50 bytes for a 25-letter name). Slots are appended in
 * order and never rewritten, as the index's slots are; `remap` squeezes dead ones out in place.
 *
 * `compare` orders by UTF-8 bytes, which is code point order: PostgreSQL's "C" collation.
 */
export class StringColumn {
  private pool: Uint8Array = new Uint8Array(1024);
  /** Slot `s` is `pool[ends[s - 1] ?? 0, ends[s])`. */
  private ends: Int32Array = new Int32Array(64);
  private count = 0;

  /** Slots held. */
  get size(): number {
    return this.count;
  }

  /** Stores `s` at `slot`, which must be the next one. */
  push(slot: number, s: string): void {
    if (slot !== this.count) throw new Error(`string column: slot ${slot} is not the next (${this.count})`);
    const at = this.startOf(slot);
    if (at + s.length * 3 > this.pool.length)
      this.pool = grown(this.pool, at + s.length * 3, (n) => new Uint8Array(n));
    if (slot + 1 > this.ends.length) this.ends = grown(this.ends, slot + 1, (n) => new Int32Array(n));
    this.ends[slot] = encodeUtf8(s, this.pool, at);
    this.count++;
  }

  /** The string at `slot` (decoded: a new string each call). */
  at(slot: number): string {
    if (!(slot >= 0 && slot < this.count)) throw new RangeError(`string column: no slot ${slot}`);
    return decoder.decode(this.pool.subarray(this.startOf(slot), this.ends[slot]!));
  }

  /** Orders two slots by their strings' bytes. */
  compare(a: number, b: number): number {
    const { pool, ends } = this;
    let i = this.startOf(a);
    let j = this.startOf(b);
    const ea = ends[a]!;
    const eb = ends[b]!;
    for (; i < ea && j < eb; i++, j++) if (pool[i] !== pool[j]) return pool[i]! < pool[j]! ? -1 : 1;
    return ea - i === eb - j ? 0 : i === ea ? -1 : 1;
  }

  /** Slot `s` moves to `remap[s]` (never up, in order; -1 drops it), bytes and all, in place. */
  remap(remap: Int32Array, size: number): void {
    const { pool, ends } = this;
    let n = 0;
    let out = 0;
    let from = 0;
    for (let s = 0; s < Math.min(size, this.count); s++) {
      const end = ends[s]!;
      if (remap[s]! >= 0) {
        pool.copyWithin(out, from, end);
        out += end - from;
        ends[n++] = out;
      }
      from = end;
    }
    this.count = n;
  }

  /** Bytes of slots `0..n)` back to back and where each ends, for a snapshot (views). */
  arrays(n = this.count): { pool: Uint8Array; ends: Int32Array } {
    return { pool: this.pool.subarray(0, n ? this.ends[n - 1]! : 0), ends: this.ends.subarray(0, n) };
  }

  /** Takes a snapshot's arrays (adopted, not copied); ends that do not fit the pool throw. */
  load(pool: Uint8Array, ends: Int32Array): void {
    let prev = 0;
    for (const e of ends) {
      if (e < prev) throw new Error('string column: bad ends');
      prev = e;
    }
    if (prev !== pool.length) throw new Error('string column: bad ends');
    this.pool = pool;
    this.ends = ends;
    this.count = ends.length;
  }

  private startOf(slot: number): number {
    return slot === 0 ? 0 : this.ends[slot - 1]!;
  }
}
