/**
 * Slug → the slots of the suppliers holding it, one growable Int32Array per slug. Matching walks
 * only the lists of the slugs a need names instead of every supplier. Entries may be stale (a
 * supplier that dropped the slug) or repeated (a supplier that dropped and regained it): every
 * candidate is re-checked against its facts, so a list only has to be a superset.
 */
export class Postings {
  private readonly lists = new Map<string, { slots: Int32Array; length: number }>();
  /** Entries over all lists, stale ones included. */
  entries = 0;

  add(slug: string, slot: number): void {
    let list = this.lists.get(slug);
    if (!list) {
      list = { slots: new Int32Array(8), length: 0 };
      this.lists.set(slug, list);
    } else if (list.length === list.slots.length) {
      const grown = new Int32Array(list.slots.length * 2);
      grown.set(list.slots);
      list.slots = grown;
    }
    list.slots[list.length++] = slot;
    this.entries++;
  }

  /** The slots holding `slug` (a view, valid until the next `add`); empty when none does. */
  get(slug: string): Int32Array {
    const list = this.lists.get(slug);
    return list ? list.slots.subarray(0, list.length) : EMPTY;
  }

  /** Drops the growth slack (after a bulk load), so a million suppliers cost 4 bytes per entry. */
  trim(): void {
    for (const list of this.lists.values())
      if (list.slots.length > list.length) list.slots = list.slots.slice(0, list.length);
  }

  /**
   * Replaces every list with the entries `feed` emits, each list allocated once at its exact size:
   * a bulk load or a compaction then leaves no growth slack and no outgrown copies behind (adding
   * a million suppliers one by one doubles each list about twenty times, ~3× the final bytes at
   * the peak). `feed(emit, from, to)` emits the entries of slots `from..to)`; it is called twice
   * per slot (count, then fill) and must emit the same entries both times. Each step is a slice of
   * `slice` slots, so a caller can give the event loop a turn between them (a million suppliers'
   * postings took 0.36 s in one go); the lists are unusable until the last step.
   */
  *rebuildSteps(feed: RangeFeed, slots: number, slice: number): Generator<void> {
    const counts = new Map<string, number>();
    const count = (slug: string) => counts.set(slug, (counts.get(slug) ?? 0) + 1);
    for (let from = 0; from < slots; from += slice) {
      feed(count, from, Math.min(slots, from + slice));
      yield;
    }
    this.clear();
    for (const [slug, n] of counts) {
      this.lists.set(slug, { slots: new Int32Array(n), length: 0 });
      this.entries += n;
    }
    const fill = (slug: string, slot: number) => {
      const list = this.lists.get(slug)!;
      list.slots[list.length++] = slot;
    };
    for (let from = 0; from < slots; from += slice) {
      feed(fill, from, Math.min(slots, from + slice));
      yield;
    }
  }

  clear(): void {
    this.lists.clear();
    this.entries = 0;
  }
}

const EMPTY = new Int32Array(0);

/** Emits, through `emit`, the (slug, slot) entries of slots `from..to)`. */
export type RangeFeed = (emit: (slug: string, slot: number) => void, from: number, to: number) => void;
