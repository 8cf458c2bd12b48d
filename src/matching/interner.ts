/** A certificate list as matching reads it: three parallel arrays, interned together. */
export interface CertList {
  types: readonly string[];
  until: readonly (string | null)[];
  tkdn: readonly (number | null)[];
}

const EMPTY = 0;
const NO_CERTS: CertList = { types: [], until: [], tkdn: [] };

/**
 * The shared strings and lists of a FactStore, by small integer id. One string object per distinct
 * slug or status, shared by every supplier and by compiled needs: V8 then compares map keys by
 * pointer, which makes the pass over 100,000 suppliers ~4× faster. One array per distinct slug
 * list (most suppliers repeat a few combinations; arrays are never mutated).
 *
 * Lists are found through an open-addressing table of list ids keyed by a hash of their strings'
 * ids, not through a Map keyed by the joined text: at a million suppliers there are ~350,000
 * distinct lists, and their joined keys alone cost ~30 MB of heap and a garbage string per write.
 */
export class Interner {
  private readonly stringIds = new Map<string, number>();
  private readonly strings: string[] = [];
  private readonly lists: (readonly string[])[] = [];
  /** Hash of each list, by list id. */
  private listHash = new Int32Array(1024);
  /** List id + 1 or EMPTY, linear probing, at most half full. */
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
      if (this.listHash[e - 1] === h && this.same(this.lists[e - 1]!, ids, xs.length)) return e - 1;
    }
    const id = this.lists.length;
    this.lists.push(Array.from({ length: xs.length }, (_, k) => this.strings[ids[k]!]!));
    if (id >= this.listHash.length) {
      const more = new Int32Array(Math.max(1024, this.listHash.length * 2));
      more.set(this.listHash);
      this.listHash = more;
    }
    this.listHash[id] = h;
    this.table[i] = id + 1;
    if (this.lists.length * 2 > this.table.length) this.rehash(this.table.length * 2);
    return id;
  }

  /** Drops the growth slack of the list hashes (after a bulk load: up to half of them). */
  trim(): void {
    if (this.listHash.length > this.lists.length) this.listHash = this.listHash.slice(0, this.lists.length);
  }

  listAt(id: number): readonly string[] {
    return this.lists[id]!;
  }

  /** Distinct lists so far. */
  get listCount(): number {
    return this.lists.length;
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

  private same(list: readonly string[], ids: Int32Array, n: number): boolean {
    if (list.length !== n) return false;
    for (let k = 0; k < n; k++) if (list[k] !== this.strings[ids[k]!]) return false;
    return true;
  }

  private rehash(size: number): void {
    this.table = new Int32Array(size);
    const mask = size - 1;
    for (let id = 0; id < this.lists.length; id++) {
      let i = this.listHash[id]! & mask;
      while (this.table[i] !== EMPTY) i = (i + 1) & mask;
      this.table[i] = id + 1;
    }
  }
}
