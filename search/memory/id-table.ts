const EMPTY = 0;
/** Two lower-case hex digits per byte value. */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex32 = (x: number) => HEX[x >>> 24]! + HEX[(x >>> 16) & 255]! + HEX[(x >>> 8) & 255]! + HEX[x & 255]!;

/** Murmur3's finaliser over the four words: version-4 and sequential test uuids spread alike. */
function mix(a: number, b: number, c: number, d: number): number {
  let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1) ^ Math.imul(c, 0x85ebca77) ^ Math.imul(d, 0xc2b2ae3d), 1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Supplier ids of an in-memory index, both ways: id → slot and slot → id. A uuid (lower-case
 * text, as PostgreSQL prints it) is kept as four 32-bit words in one typed array, found through
 * an open-addressing table of slots: 24 bytes per id at a load of one half, instead of a string,
 * an array entry and a Map entry (about 100 bytes). Any other id (tests use short ones) is kept
 * as text beside it.
 *
 * A slot keeps its id after `delete` (a dead slot is still named) until `remap` drops it.
 */
export class IdTable {
  /** Four words per slot: the uuid's 128 bits, most significant first. */
  private words = new Uint32Array(0);
  /** Open addressing with linear probing: slot + 1, or EMPTY. */
  private table = new Int32Array(16);
  private mask = 15;
  private entries = 0;
  /** Ids that are not lower-case uuids, both ways. */
  private readonly otherSlot = new Map<string, number>();
  private readonly otherId = new Map<number, string>();
  private readonly scratch = new Uint32Array(4);

  /** Ids currently mapped to a slot. */
  get size(): number {
    return this.entries + this.otherSlot.size;
  }

  /** The slot `id` is mapped to. */
  get(id: string): number | undefined {
    if (!this.parse(id)) return this.otherSlot.get(id);
    const s = this.scratch;
    for (let i = mix(s[0]!, s[1]!, s[2]!, s[3]!) & this.mask; ; i = (i + 1) & this.mask) {
      const e = this.table[i]!;
      if (e === EMPTY) return undefined;
      if (this.equals(e - 1, s)) return e - 1;
    }
  }

  /** Names `slot` by `id` and maps `id` to it (replacing the slot it was mapped to). */
  set(id: string, slot: number): void {
    this.ensure(slot + 1);
    if (!this.parse(id)) {
      this.otherSlot.set(id, slot);
      this.otherId.set(slot, id);
      return;
    }
    this.otherId.delete(slot);
    this.words.set(this.scratch, slot * 4);
    this.insert(slot, 'replace');
  }

  /** Unmaps `id`; its slot keeps the name. */
  delete(id: string): boolean {
    if (!this.parse(id)) return this.otherSlot.delete(id);
    const s = this.scratch;
    for (let i = mix(s[0]!, s[1]!, s[2]!, s[3]!) & this.mask; ; i = (i + 1) & this.mask) {
      const e = this.table[i]!;
      if (e === EMPTY) return false;
      if (this.equals(e - 1, s)) {
        this.removeAt(i);
        return true;
      }
    }
  }

  /** The id naming `slot` (a uuid is written out through a byte-to-hex table, 16 reads). */
  idAt(slot: number): string {
    if (this.otherId.size > 0) {
      const other = this.otherId.get(slot);
      if (other !== undefined) return other;
    }
    const w = this.words;
    const o = slot * 4;
    const a = w[o]!;
    const b = w[o + 1]!;
    const c = w[o + 2]!;
    const d = w[o + 3]!;
    return `${hex32(a)}-${HEX[b >>> 24]}${HEX[(b >>> 16) & 255]}-${HEX[(b >>> 8) & 255]}${HEX[b & 255]}-${HEX[c >>> 24]}${HEX[(c >>> 16) & 255]}-${HEX[(c >>> 8) & 255]}${HEX[c & 255]}${hex32(d)}`;
  }

  /** Orders two slots like their ids as text. */
  compare(a: number, b: number): number {
    if (this.otherId.size === 0 || (!this.otherId.has(a) && !this.otherId.has(b))) {
      const w = this.words;
      for (let k = 0; k < 4; k++) {
        const x = w[a * 4 + k]!;
        const y = w[b * 4 + k]!;
        if (x !== y) return x < y ? -1 : 1;
      }
      return 0;
    }
    const x = this.idAt(a);
    const y = this.idAt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }

  /**
   * Slot `s` moves to `remap[s]` (never up; -1 drops it), as an index compaction does; every
   * remaining slot is mapped by its id again.
   */
  remap(remap: Int32Array, size: number): void {
    const others = [...this.otherId];
    this.otherId.clear();
    this.otherSlot.clear();
    let n = 0;
    for (let s = 0; s < size; s++) {
      const to = remap[s]!;
      if (to < 0) continue;
      this.words.copyWithin(to * 4, s * 4, s * 4 + 4);
      n = to + 1;
    }
    for (const [slot, id] of others) {
      const to = remap[slot] ?? -1;
      if (to >= 0) {
        this.otherId.set(to, id);
        this.otherSlot.set(id, to);
      }
    }
    this.rebuild(n);
  }

  /** The words of slots `0..n)`, for a snapshot (four per slot; zero for a non-uuid id). */
  wordsOf(n: number): Uint32Array {
    return this.words.subarray(0, n * 4);
  }

  /**
   * Names slots `0..n)` from snapshot words (others by text) and maps the ones `live` says. The
   * table is filled `slice` slots at a time with a yield to the event loop between (a million ids
   * take about 100 ms in all), so a start-up never holds a request up for long. Two live slots
   * with one id, or a text id outside `0..n)`, throw: the words came from a damaged snapshot.
   */
  async load(
    words: Uint32Array,
    others: Map<number, string>,
    n: number,
    live: (slot: number) => boolean,
    slice = 100_000,
  ): Promise<void> {
    this.ensure(n);
    this.words.set(words.subarray(0, n * 4));
    this.otherId.clear();
    this.otherSlot.clear();
    for (const [slot, id] of others) {
      if (!(slot >= 0 && slot < n)) throw new Error('id table: a slot out of range');
      this.otherId.set(slot, id);
      if (!live(slot)) continue;
      if (this.otherSlot.has(id)) throw new Error('id table: an id held by two slots');
      this.otherSlot.set(id, slot);
    }
    this.table = new Int32Array(this.tableSizeFor(n));
    this.mask = this.table.length - 1;
    this.entries = 0;
    for (let from = 0; from < n; from += slice) {
      for (let s = from; s < Math.min(n, from + slice); s++)
        if (live(s) && !this.otherId.has(s)) this.insert(s, 'refuse');
      if (from + slice < n) await new Promise<void>((r) => setImmediate(r));
    }
  }

  /** Non-uuid ids by slot (for a snapshot). */
  others(): ReadonlyMap<number, string> {
    return this.otherId;
  }

  private rebuild(n: number): void {
    this.table = new Int32Array(this.tableSizeFor(n));
    this.mask = this.table.length - 1;
    this.entries = 0;
    for (let s = 0; s < n; s++) if (!this.otherId.has(s)) this.insert(s, null);
  }

  private tableSizeFor(n: number): number {
    let size = 16;
    while (size < n * 2) size *= 2;
    return size;
  }

  /**
   * Maps the id held in `slot`'s words to `slot`. An entry with the same id is replaced
   * (`'replace'`), refused with a throw (`'refuse'`: two slots naming one supplier in a snapshot),
   * or not looked for (null: ids known to differ).
   */
  private insert(slot: number, same: 'replace' | 'refuse' | null): void {
    if ((this.entries + 1) * 2 > this.table.length) this.resize(this.table.length * 2);
    const w = this.words;
    const o = slot * 4;
    let i = mix(w[o]!, w[o + 1]!, w[o + 2]!, w[o + 3]!) & this.mask;
    for (; ; i = (i + 1) & this.mask) {
      const e = this.table[i]!;
      if (e === EMPTY) break;
      if (same !== null && this.sameWords(e - 1, slot)) {
        if (same === 'refuse') throw new Error('id table: an id held by two slots');
        this.table[i] = slot + 1;
        return;
      }
    }
    this.table[i] = slot + 1;
    this.entries++;
  }

  private resize(size: number): void {
    const old = this.table;
    this.table = new Int32Array(size);
    this.mask = size - 1;
    this.entries = 0;
    for (const e of old) if (e !== EMPTY) this.insert(e - 1, null);
  }

  /** Backward-shift deletion: later entries of the probe run move up, so no tombstones. */
  private removeAt(at: number): void {
    const t = this.table;
    const w = this.words;
    let hole = at;
    t[hole] = EMPTY;
    this.entries--;
    for (let i = (hole + 1) & this.mask; t[i] !== EMPTY; i = (i + 1) & this.mask) {
      const o = (t[i]! - 1) * 4;
      const home = mix(w[o]!, w[o + 1]!, w[o + 2]!, w[o + 3]!) & this.mask;
      // Move the entry into the hole unless its home lies cyclically in (hole, i].
      const between = hole <= i ? home > hole && home <= i : home > hole || home <= i;
      if (between) continue;
      t[hole] = t[i]!;
      t[i] = EMPTY;
      hole = i;
    }
  }

  private ensure(slots: number): void {
    if (slots * 4 <= this.words.length) return;
    let size = Math.max(64, this.words.length);
    while (size < slots * 4) size *= 2;
    const more = new Uint32Array(size);
    more.set(this.words);
    this.words = more;
  }

  private equals(slot: number, s: Uint32Array): boolean {
    const w = this.words;
    const o = slot * 4;
    return w[o] === s[0] && w[o + 1] === s[1] && w[o + 2] === s[2] && w[o + 3] === s[3];
  }

  private sameWords(a: number, b: number): boolean {
    const w = this.words;
    return (
      w[a * 4] === w[b * 4] &&
      w[a * 4 + 1] === w[b * 4 + 1] &&
      w[a * 4 + 2] === w[b * 4 + 2] &&
      w[a * 4 + 3] === w[b * 4 + 3]
    );
  }

  /**
   * Parses a lower-case uuid into `scratch`; false for any other text. One pass over the
   * characters, no regular expression and no substrings: a load of a million ids parses each
   * once or twice, and the former test-slice-parseInt took about a second of it.
   */
  private parse(id: string): boolean {
    if (id.length !== 36) return false;
    const s = this.scratch;
    let word = 0;
    let digits = 0;
    for (let i = 0; i < 36; i++) {
      const c = id.charCodeAt(i);
      if (i === 8 || i === 13 || i === 18 || i === 23) {
        if (c !== 45) return false; // '-'
        continue;
      }
      const v = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1; // 0-9, a-f
      if (v < 0) return false;
      word = (word << 4) | v;
      if (++digits % 8 === 0) {
        s[digits / 8 - 1] = word; // Uint32Array: the sign of `<<` is dropped here
        word = 0;
      }
    }
    return true;
  }
}
