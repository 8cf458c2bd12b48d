/** A certificate list as matching reads it: three parallel arrays, interned together. */
export interface CertList {
  types: readonly string[];
  until: readonly (string | null)[];
  tkdn: readonly (number | null)[];
}

const EMPTY = 0;
const NO_STRINGS: readonly string[] = Object.freeze([]);

/** A copy of `a` with room for at least `min` elements (doubling, so appends stay amortised O(1)). */
function grown(a: Int32Array, min: number): Int32Array<ArrayBuffer> {
  const more = new Int32Array(Math.max(min, a.length * 2, 1024));
  more.set(a);
  return more;
}

const NO_CERTS: CertList = { types: [], until: [], tkdn: [] };

/**
 * The shared strings and lists of a FactStore, by small integer id. One string object per distinct
 * slug or status, shared by every supplier and by compiled needs: V8 then compares map keys by
 * pointer, which makes the pass over 100,000 suppliers ~4× faster. One entry per distinct slug
 * list (most suppliers repeat a few combinations), stored flat as string ids and read back as a
 * fresh array of the shared strings.
 *
 * Lists are found through an open-addressing table of list ids keyed by a hash of their strings'
 * ids, not through a Map keyed by the joined text: at a million suppliers there are ~350,000
 * distinct lists, and their joined keys alone cost ~30 MB of heap and a garbage string per write.
 */
export class Interner {
  private readonly stringIds = new Map<string, number>();
  private readonly strings: string[] = [];
  /**
   * The lists, flat: list i holds the string ids `listItems[listStart[i] .. listStart[i + 1])`.
   * A JS array per list costs ~75 bytes of heap (no pointer compression in Node); at a million
   * suppliers there are ~350,000 lists, ~26 MB of heap that also raised the heap V8 lets grow
   * while loading. Here they cost ~4 bytes per entry plus 4 per list.
   */
  private listItems = new Int32Array(4096);
  private listStart = new Int32Array(1024);
  private listTotal = 0;
  private items = 0;
  /** Hash of each list, by list id. */
  private listHash = new Int32Array(1024);
  /**
   * List id + 1 or EMPTY, linear probing, at most three quarters full: a probe compares the
   * stored hash first, so longer runs cost little, and at ~350,000 lists the table is 2 MB, not 4.
   */
  private table = new Int32Array(2048);
  private scratch = new Int32Array(16);
  private readonly certIds = new Map<string, number>();
  private readonly certLists: CertList[] = [NO_CERTS];

  /** The shared string object equal to `x` (added when new). */
  readonly intern = (x: string): string => this.strings[this.stringId(x)]!;

  /** A small id for `x`, the same for equal strings. */
  stringId(x: string): number {
    let id = this.stringIds.get(x);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(x);
      this.stringIds.set(x, id);
    }
    return id;
  }

  stringAt(id: number): string {
    return this.strings[id]!;
  }

  /** The id of the shared list equal (element by element) to `xs`, added when new. */
  list(xs: readonly string[]): number {
    if (this.scratch.length < xs.length) this.scratch = new Int32Array(xs.length * 2);
    const ids = this.scratch;
    let h = xs.length;
    for (let k = 0; k < xs.length; k++) {
      ids[k] = this.stringId(xs[k]!);
      h = Math.imul(h ^ ids[k]!, 0x9e3779b1);
      h ^= h >>> 15;
    }
    const mask = this.table.length - 1;
    let i = h & mask;
    for (; ; i = (i + 1) & mask) {
      const e = this.table[i]!;
      if (e === EMPTY) break;
      if (this.listHash[e - 1] === h && this.same(e - 1, ids, xs.length)) return e - 1;
    }
    const id = this.listTotal++;
    if (this.items + xs.length > this.listItems.length)
      this.listItems = grown(this.listItems, this.items + xs.length);
    this.listItems.set(ids.subarray(0, xs.length), this.items);
    this.items += xs.length;
    if (id + 2 > this.listStart.length) this.listStart = grown(this.listStart, id + 2);
    this.listStart[id + 1] = this.items;
    if (id >= this.listHash.length) this.listHash = grown(this.listHash, id + 1);
    this.listHash[id] = h;
    this.table[i] = id + 1;
    if (this.listTotal * 4 > this.table.length * 3) this.rehash(this.table.length * 2);
    return id;
  }

  /** Drops the growth slack of the lists (after a bulk load: up to half of what they hold). */
  trim(): void {
    const n = this.listTotal;
    if (this.listHash.length > n) this.listHash = this.listHash.slice(0, n);
    if (this.listStart.length > n + 1) this.listStart = this.listStart.slice(0, n + 1);
    if (this.listItems.length > this.items) this.listItems = this.listItems.slice(0, this.items);
  }

  /** The list `id`, as a fresh array of the shared strings (callers may not keep it for long). */
  listAt(id: number): readonly string[] {
    const from = this.listStart[id]!;
    const n = this.listStart[id + 1]! - from;
    const at = (k: number) => this.strings[this.listItems[from + k]!]!;
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

  /** Distinct lists so far. */
  get listCount(): number {
    return this.listTotal;
  }

  /** The id of the shared certificate list equal to these arrays (0: no certificate). */
  certs(
    types: readonly string[],
    until: readonly (string | null)[],
    tkdn: readonly (number | null)[],
  ): number {
    if (types.length === 0 && until.length === 0 && tkdn.length === 0) return 0;
    const key = [
      types.join('\u0001'),
      until.map((u) => u ?? '\u0000').join('\u0001'),
      tkdn.join('\u0001'),
    ].join('\u0002');
    let id = this.certIds.get(key);
    if (id === undefined) {
      id = this.certLists.length;
      this.certLists.push({ types: types.map(this.intern), until: [...until], tkdn: [...tkdn] });
      this.certIds.set(key, id);
    }
    return id;
  }

  certsAt(id: number): CertList {
    return this.certLists[id]!;
  }

  private same(id: number, ids: Int32Array, n: number): boolean {
    const from = this.listStart[id]!;
    if (this.listStart[id + 1]! - from !== n) return false;
    for (let k = 0; k < n; k++) if (this.listItems[from + k] !== ids[k]) return false;
    return true;
  }

  private rehash(size: number): void {
    this.table = new Int32Array(size);
    const mask = size - 1;
    for (let id = 0; id < this.listTotal; id++) {
      let i = this.listHash[id]! & mask;
      while (this.table[i] !== EMPTY) i = (i + 1) & mask;
      this.table[i] = id + 1;
    }
  }
}
