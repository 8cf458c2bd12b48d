const EMPTY = 0;
const decoder = new TextDecoder();

/** FNV-1a over `bytes[from, to)`, then Murmur3's finaliser so the low bits (the table index) mix. */
function hashBytes(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Grows a typed array to at least `min` entries, an eighth at a time: arrays loaded from a snapshot
 * are exact, and the first few appends after a load should not double them.
 */
export function grown<T extends Uint8Array | Int32Array>(a: T, min: number, make: (n: number) => T): T {
  let size = Math.max(64, a.length);
  while (size < min) size = Math.ceil(size * 1.125);
  const more = make(size);
  more.set(a);
  return more;
}

/**
 * A string → id dictionary for the text index's lexemes. A million suppliers whose names each
 * carry a word of their own hold about 900,000 lexemes: as a `Map<string, number>` that is a heap
 * string and a map entry each (about 70 bytes). Here every lexeme is its UTF-8 bytes in one pool,
 * an Int32 offset and, at a load of at most one half, two Int32 cells of an open-addressing table
 * (about 20 bytes), and a snapshot stores and loads the pool and offsets as two typed arrays.
 *
 * Ids are dense, 0..size-1, in the order of first `intern`. A lookup encodes the string into a
 * scratch buffer (no allocation), hashes the bytes and compares them with the pool. A lone
 * surrogate is stored as U+FFFD, as `TextEncoder` does (PostgreSQL text never holds one).
 */
export class Lexicon {
  private pool: Uint8Array = new Uint8Array(1024);
  /** Lexeme `id` is `pool[offsets[id], offsets[id + 1])`. */
  private offsets: Int32Array = new Int32Array(64);
  /** Open addressing with linear probing: id + 1, or EMPTY. */
  private table = new Int32Array(64);
  private mask = 63;
  private count = 0;
  private scratch = new Uint8Array(256);

  /** Lexemes held. */
  get size(): number {
    return this.count;
  }

  /** The id of `s`, or -1 when it was never interned. */
  get(s: string): number {
    const len = this.encode(s);
    const { table, mask } = this;
    for (let i = hashBytes(this.scratch, 0, len) & mask; ; i = (i + 1) & mask) {
      const e = table[i]!;
      if (e === EMPTY) return -1;
      if (this.equals(e - 1, len)) return e - 1;
    }
  }

  /** The id of `s`, added as the next id when new. */
  intern(s: string): number {
    const len = this.encode(s);
    const h = hashBytes(this.scratch, 0, len);
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const e = this.table[i]!;
      if (e === EMPTY) break;
      if (this.equals(e - 1, len)) return e - 1;
    }
    const id = this.count;
    const at = this.offsets[id]!;
    if (at + len > this.pool.length) this.pool = grown(this.pool, at + len, (n) => new Uint8Array(n));
    if (id + 2 > this.offsets.length) this.offsets = grown(this.offsets, id + 2, (n) => new Int32Array(n));
    this.pool.set(this.scratch.subarray(0, len), at);
    this.offsets[id + 1] = at + len;
    this.count++;
    if (this.count * 2 > this.table.length) this.rehash(this.table.length * 2);
    else this.place(id, h);
    return id;
  }

  /** The lexeme with id `id`. */
  keyAt(id: number): string {
    if (!(id >= 0 && id < this.count)) throw new RangeError(`lexicon: no id ${id}`);
    return decoder.decode(this.pool.subarray(this.offsets[id]!, this.offsets[id + 1]!));
  }

  /** The UTF-8 bytes of lexemes `0..n)` back to back, for a snapshot (a view, not a copy). */
  poolOf(n = this.count): Uint8Array {
    return this.pool.subarray(0, this.offsets[n]!);
  }

  /** Where each of lexemes `0..n)` starts in `poolOf(n)`, and where the last ends (n + 1 entries). */
  offsetsOf(n = this.count): Int32Array {
    return this.offsets.subarray(0, n + 1);
  }

  /**
   * A lexicon over a snapshot's pool and offsets (adopted, not copied). The table is filled
   * `slice` lexemes at a time with a yield to the event loop between; malformed offsets or a
   * repeated lexeme throw, so the caller reads the rows instead.
   */
  static async load(pool: Uint8Array, offsets: Int32Array, slice = 100_000): Promise<Lexicon> {
    const n = offsets.length - 1;
    if (n < 0 || offsets[0] !== 0 || offsets[n] !== pool.length) throw new Error('lexicon: bad offsets');
    const lex = new Lexicon();
    lex.pool = pool;
    lex.offsets = offsets;
    let size = 64;
    while (size < n * 2) size *= 2;
    lex.table = new Int32Array(size);
    lex.mask = size - 1;
    for (let from = 0; from < n; from += slice) {
      for (let id = from; id < Math.min(n, from + slice); id++) {
        const a = offsets[id]!;
        const b = offsets[id + 1]!;
        if (b < a) throw new Error('lexicon: bad offsets');
        if (!lex.placeNew(id, hashBytes(pool, a, b))) throw new Error('lexicon: repeated lexeme');
        lex.count = id + 1;
      }
      if (from + slice < n) await new Promise<void>((r) => setImmediate(r));
    }
    return lex;
  }

  /** Puts `id` at the first free cell of its probe run. */
  private place(id: number, h: number): void {
    let i = h & this.mask;
    while (this.table[i] !== EMPTY) i = (i + 1) & this.mask;
    this.table[i] = id + 1;
  }

  /** Like `place`, but false when an equal lexeme is already there. */
  private placeNew(id: number, h: number): boolean {
    const { pool, offsets } = this;
    const a = offsets[id]!;
    const len = offsets[id + 1]! - a;
    let i = h & this.mask;
    for (; this.table[i] !== EMPTY; i = (i + 1) & this.mask) {
      const o = this.table[i]! - 1;
      const c = offsets[o]!;
      if (offsets[o + 1]! - c !== len) continue;
      let k = 0;
      while (k < len && pool[c + k] === pool[a + k]) k++;
      if (k === len) return false;
    }
    this.table[i] = id + 1;
    return true;
  }

  private rehash(size: number): void {
    this.table = new Int32Array(size);
    this.mask = size - 1;
    const { pool, offsets } = this;
    for (let id = 0; id < this.count; id++) this.place(id, hashBytes(pool, offsets[id]!, offsets[id + 1]!));
  }

  /** Whether lexeme `id` is the `len` bytes in `scratch`. */
  private equals(id: number, len: number): boolean {
    const a = this.offsets[id]!;
    if (this.offsets[id + 1]! - a !== len) return false;
    const { pool, scratch } = this;
    for (let k = 0; k < len; k++) if (pool[a + k] !== scratch[k]) return false;
    return true;
  }

  /** Writes `s` as UTF-8 into `scratch`; returns the byte length. */
  private encode(s: string): number {
    if (s.length * 3 > this.scratch.length) this.scratch = new Uint8Array(s.length * 3);
    return encodeUtf8(s, this.scratch, 0);
  }
}

/**
 * Writes `s` as UTF-8 into `out` from `at` (room for `3 * s.length` bytes is the caller's) and
 * returns the end: no allocation, unlike `TextEncoder.encode`. A lone surrogate becomes U+FFFD.
 */
export function encodeUtf8(s: string, out: Uint8Array, at: number): number {
  const n = s.length;
  let j = at;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out[j++] = c;
    } else if (c < 0x800) {
      out[j++] = 0xc0 | (c >> 6);
      out[j++] = 0x80 | (c & 63);
    } else {
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < n) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d < 0xe000) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          out[j++] = 0xf0 | (cp >> 18);
          out[j++] = 0x80 | ((cp >> 12) & 63);
          out[j++] = 0x80 | ((cp >> 6) & 63);
          out[j++] = 0x80 | (cp & 63);
          i++;
          continue;
        }
      }
      if (c >= 0xd800 && c < 0xe000) c = 0xfffd;
      out[j++] = 0xe0 | (c >> 12);
      out[j++] = 0x80 | ((c >> 6) & 63);
      out[j++] = 0x80 | (c & 63);
    }
  }
  return j;
}
