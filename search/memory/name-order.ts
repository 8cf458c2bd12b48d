/** New slots wait until this many, or until a rank is read, before they are merged in. */
const BATCH = 4096;

/**
 * Every slot's place in name order (name_norm in "C" collation, then id), kept as a number per
 * slot. Sorting results by name, and breaking ties of relevance by name, then compares two
 * integers instead of two strings: suppliers' names share long prefixes ("cv karya logam …"), so
 * a string comparison walks most of both names and used to take a fifth of a broad query.
 *
 * New slots are merged in batches: sorted among themselves, placed by binary search, and moved
 * into the array from its end, so a batch of k costs k·log n comparisons and one pass over the
 * slots after the first insertion point, and no second array. A load of a million rows is 250
 * such batches of a few milliseconds, never one long sort. Dead slots keep their place until a
 * compaction drops them.
 */
export class NameOrder {
  /** Slots in name order, `count` of them (spare room after). */
  private sorted = new Int32Array(1024);
  private count = 0;
  /** Position in `sorted` by slot; valid for merged slots. */
  private rank = new Int32Array(1024);
  private pending: number[] = [];

  /** `compare` orders two slots by name, then id. */
  constructor(private readonly compare: (a: number, b: number) => number) {}

  /** A new slot (above every slot added before). */
  add(slot: number): void {
    this.pending.push(slot);
    if (this.pending.length >= BATCH) this.merge();
  }

  /** Rank by slot, every slot added so far included. */
  ranks(): Int32Array {
    if (this.pending.length > 0) this.merge();
    return this.rank;
  }

  /** Slots in name order (a copy), for a snapshot. */
  order(): Int32Array {
    this.ranks();
    return this.sorted.slice(0, this.count);
  }

  /** Adopts an order written by `order()` for slots `0..size)`. */
  load(order: Int32Array, size: number): void {
    if (order.length !== size) throw new Error('snapshot: name order of the wrong length');
    this.sorted = new Int32Array(Math.max(1024, size));
    this.sorted.set(order);
    this.count = size;
    this.pending = [];
    this.renumber(0, size);
  }

  /** Slot `s` moves to `remap[s]` (-1 drops it), as an index compaction does. */
  remap(remap: Int32Array): void {
    this.ranks();
    let n = 0;
    let slots = 0;
    for (let i = 0; i < this.count; i++) {
      const to = remap[this.sorted[i]!] ?? -1;
      if (to < 0) continue;
      this.sorted[n++] = to;
      if (to >= slots) slots = to + 1;
    }
    this.count = n;
    this.renumber(0, slots);
  }

  private merge(): void {
    const add = Int32Array.from(this.pending).sort(this.compare);
    this.pending = [];
    const k = add.length;
    const need = this.count + k;
    if (need > this.sorted.length) {
      const more = new Int32Array(Math.max(need, this.sorted.length * 2));
      more.set(this.sorted.subarray(0, this.count));
      this.sorted = more;
    }
    // Insertion points, ascending because `add` is sorted.
    const at = new Int32Array(k);
    let lo = 0;
    for (let j = 0; j < k; j++) {
      let hi = this.count;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.compare(this.sorted[mid]!, add[j]!) <= 0) lo = mid + 1;
        else hi = mid;
      }
      at[j] = lo;
    }
    // From the end: each old run moves up by the number of new slots placed before it.
    let end = this.count;
    for (let j = k - 1; j >= 0; j--) {
      const p = at[j]!;
      this.sorted.copyWithin(p + j + 1, p, end);
      this.sorted[p + j] = add[j]!;
      end = p;
    }
    this.count = need;
    let slots = 0;
    for (let j = 0; j < k; j++) if (add[j]! >= slots) slots = add[j]! + 1;
    this.renumber(at[0]!, slots);
  }

  /** Ranks of the slots at positions `from..count)`; `slots` bounds every slot held. */
  private renumber(from: number, slots: number): void {
    if (this.rank.length < slots) {
      const more = new Int32Array(Math.max(slots, this.rank.length * 2));
      more.set(this.rank);
      this.rank = more;
    }
    for (let i = from; i < this.count; i++) this.rank[this.sorted[i]!] = i;
  }
}
