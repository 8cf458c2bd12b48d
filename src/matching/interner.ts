import { ListPool, listHash } from './list-pool.js';

/** A certificate list as matching reads it: three parallel arrays, interned together. */
export interface CertList {
  types: readonly string[];
  until: readonly (string | null)[];
  tkdn: readonly (number | null)[];
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
  /** Lists, in separate id spaces (see ListPool): pool 0 by default. */
  private readonly pools = [new ListPool(this.strings), new ListPool(this.strings)];
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

  /**
   * The id of the shared list equal (element by element) to `xs` in `pool` (0 or 1), added when
   * new. Each pool numbers its lists from 0, so a kind with few distinct lists (materials) keeps
   * small ids that fit a narrow column.
   */
  list(xs: readonly string[], pool = 0): number {
    if (this.scratch.length < xs.length) this.scratch = new Int32Array(xs.length * 2);
    const ids = this.scratch;
    for (let k = 0; k < xs.length; k++) ids[k] = this.stringId(xs[k]!);
    return this.pools[pool]!.idOf(ids, xs.length, listHash(ids, 0, xs.length));
  }

  /** Drops the growth slack of the lists (after a bulk load: up to half of what they hold). */
  trim(): void {
    for (const p of this.pools) p.trim();
  }

  /** List `id` of `pool`, as a fresh array of the shared strings (callers may not keep it for long). */
  listAt(id: number, pool = 0): readonly string[] {
    return this.pools[pool]!.at(id);
  }

  /** `emit(string, slot)` for each string of list `id` of `pool`, with no array made. */
  forEachListed(id: number, pool: number, slot: number, emit: (s: string, slot: number) => void): void {
    this.pools[pool]!.forEach(id, slot, emit);
  }

  /** Distinct lists so far, over both pools. */
  get listCount(): number {
    return this.pools[0]!.size + this.pools[1]!.size;
  }

  /** The id of the shared certificate list equal to these arrays (0: no certificate). */
  certs(
    types: readonly string[],
    until: readonly (string | null)[],
    tkdn: readonly (number | null)[],
  ): number {
    if (types.length === 0 && until.length === 0 && tkdn.length === 0) return 0;
    const key = certKey(types, until, tkdn);
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

  /** Strings, lists and certificate lists by id, copied (a snapshot's contents). */
  parts(): InternerParts {
    return {
      strings: [...this.strings],
      pools: this.pools.map((p) => p.parts()),
      certs: this.certLists.slice(1),
    };
  }

  /**
   * Takes a snapshot's strings and lists, with the same ids, in place of a new interner's (which
   * holds only the strings interned at construction: they must come first, in the same order).
   */
  adopt(parts: InternerParts): void {
    const own = this.strings.length;
    if (parts.strings.length < own || parts.strings.slice(0, own).some((s, i) => s !== this.strings[i]))
      throw new Error('interner: strings differ from a new store');
    if (parts.pools.length !== this.pools.length || this.certLists.length !== 1)
      throw new Error('interner: not new');
    for (const s of parts.strings.slice(own)) {
      if (this.stringIds.has(s)) throw new Error('interner: a string twice');
      this.stringIds.set(s, this.strings.length);
      this.strings.push(s);
    }
    parts.pools.forEach((p, i) => {
      this.pools[i]!.adopt(p.items, p.start);
    });
    for (const c of parts.certs) {
      if (c.types.length !== c.until.length || c.types.length !== c.tkdn.length)
        throw new Error('interner: certificate arrays differ in length');
      this.certIds.set(certKey(c.types, c.until, c.tkdn), this.certLists.length);
      this.certLists.push({ types: c.types.map(this.intern), until: [...c.until], tkdn: [...c.tkdn] });
    }
  }
}

/** What an Interner holds, by id (see Interner.parts). */
export interface InternerParts {
  strings: string[];
  pools: { items: Int32Array<ArrayBuffer>; start: Int32Array<ArrayBuffer> }[];
  certs: CertList[];
}

function certKey(
  types: readonly string[],
  until: readonly (string | null)[],
  tkdn: readonly (number | null)[],
): string {
  return [types.join('\u0001'), until.map((u) => u ?? '\u0000').join('\u0001'), tkdn.join('\u0001')].join(
    '\u0002',
  );
}
