const EMPTY = 0;
const NO_STRINGS: readonly string[] = Object.freeze([]);

/** A copy of `a` with room for at least `min` elements (doubling, so appends stay amortised O(1)). */
function grown(a: Int32Array, min: number): Int32Array<ArrayBuffer> {
  const more = new Int32Array(Math.max(min, a.length * 2, 1024));
  more.set(a);
  return more;
}

/** The hash of a list of string ids `ids[from .. to)` (Interner.list and a snapshot's load agree on it). */
export function listHash(ids: Int32Array, from: number, to: number): number {
  let h = to - from;
  for (let k = from; k < to; k++) {
    h = Math.imul(h ^ ids[k]!, 0x9e3779b1);
    h ^= h >>> 15;
  }
  return h;
}

/**
 * One id space of interned string lists (see Interner), stored flat: list i holds the string ids
 * `items[start[i] .. start[i + 1])`. A JS array per list costs ~75 bytes of heap (Node has no
 * pointer compression); at a million suppliers there are ~350,000 lists, ~26 MB of heap that also
 * raised the heap V8 lets grow while loading. Here they cost ~4 bytes per entry plus 8 per list.
 */
export class ListPool {
  private items = new Int32Array(1024);
  private start = new Int32Array(1024);
  private lists = 0;
  private used = 0;
  /** Hash of each list, by list id. */
  private hashes = new Int32Array(1024);
  /**
   * List id + 1 or EMPTY, linear probing, at most three quarters full: a probe compares the
   * stored hash first, so longer runs cost little, and at ~350,000 lists the table is 2 MB, not 4.
   */
  private table = new Int32Array(2048);

  constructor(private readonly strings: readonly string[]) {}

  /** Lists held. */
  get size(): number {
    return this.lists;
  }

  /** The id of the list of string ids `ids[0..n)` (hash `h`), added when new. */
  idOf(ids: Int32Array, n: number, h: number): number {
    const mask = this.table.length - 1;
    let i = h & mask;
    for (; ; i = (i + 1) & mask) {
      const e = this.table[i]!;
      if (e === EMPTY) break;
      if (this.hashes[e - 1] === h && this.same(e - 1, ids, n)) return e - 1;
    }
    const id = this.lists++;
    if (this.used + n > this.items.length) this.items = grown(this.items, this.used + n);
    this.items.set(ids.subarray(0, n), this.used);
    this.used += n;
    if (id + 2 > this.start.length) this.start = grown(this.start, id + 2);
    this.start[id + 1] = this.used;
    if (id >= this.hashes.length) this.hashes = grown(this.hashes, id + 1);
    this.hashes[id] = h;
    this.table[i] = id + 1;
    if (this.lists * 4 > this.table.length * 3) this.rehash(this.table.length * 2);
    return id;
  }

  /** List `id` as a fresh array of the shared strings. */
  at(id: number): readonly string[] {
    const from = this.start[id]!;
    const n = this.start[id + 1]! - from;
    const at = (k: number) => this.strings[this.items[from + k]!]!;
    // Literals for the usual lengths: packed arrays of exactly that size, which assess and
    // coverageOf read faster than the holey ones `new Array(n)` makes.
    if (n === 0) return NO_STRINGS;
    if (n === 1) return [at(0)];
    if (n === 2) return [at(0), at(1)];
    if (n === 3) return [at(0), at(1), at(2)];
    if (n === 4) return [at(0), at(1), at(2), at(3)];
    const out: string[] = [];
    for (let k = 0; k < n; k++) out.push(at(k));
    return out;
  }

  /** `emit(string, slot)` for each string of list `id`, with no array made (a rebuild over every slot). */
  forEach(id: number, slot: number, emit: (s: string, slot: number) => void): void {
    for (let k = this.start[id]!, end = this.start[id + 1]!; k < end; k++)
      emit(this.strings[this.items[k]!]!, slot);
  }

  /** The lists as two flat arrays (copies), for a snapshot. */
  parts(): { items: Int32Array<ArrayBuffer>; start: Int32Array<ArrayBuffer> } {
    return { items: this.items.slice(0, this.used), start: this.start.slice(0, this.lists + 1) };
  }

  /**
   * Takes the lists of `parts()` in place of none (an empty pool): hashes and the table are
   * worked out again. Offsets that do not add up, or a string id out of range, throw.
   */
  adopt(items: Int32Array<ArrayBuffer>, start: Int32Array<ArrayBuffer>): void {
    if (this.lists > 0) throw new Error('list pool: not empty');
    const n = start.length - 1;
    if (n < 0 || start[0] !== 0 || start[n] !== items.length) throw new Error('list pool: bad offsets');
    for (let id = 0; id < n; id++) if (start[id + 1]! < start[id]!) throw new Error('list pool: bad offsets');
    for (let k = 0; k < items.length; k++)
      if (items[k]! < 0 || items[k]! >= this.strings.length) throw new Error('list pool: unknown string');
    const hashes = new Int32Array(Math.max(n, 1024));
    for (let id = 0; id < n; id++) hashes[id] = listHash(items, start[id]!, start[id + 1]!);
    this.items = items;
    this.start = start;
    this.hashes = hashes;
    this.lists = n;
    this.used = items.length;
    let size = 2048;
    while (n * 4 > size * 3) size *= 2;
    this.rehash(size);
  }

  /** Drops the growth slack (after a bulk load). */
  trim(): void {
    const n = this.lists;
    if (this.hashes.length > n) this.hashes = this.hashes.slice(0, n);
    if (this.start.length > n + 1) this.start = this.start.slice(0, n + 1);
    if (this.items.length > this.used) this.items = this.items.slice(0, this.used);
  }

  private same(id: number, ids: Int32Array, n: number): boolean {
    const from = this.start[id]!;
    if (this.start[id + 1]! - from !== n) return false;
    for (let k = 0; k < n; k++) if (this.items[from + k] !== ids[k]) return false;
    return true;
  }

  private rehash(size: number): void {
    this.table = new Int32Array(size);
    const mask = size - 1;
    for (let id = 0; id < this.lists; id++) {
      let i = this.hashes[id]! & mask;
      while (this.table[i] !== EMPTY) i = (i + 1) & mask;
      this.table[i] = id + 1;
    }
  }
}
