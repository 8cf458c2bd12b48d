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
   * the peak). `feed` is called twice (count, then fill) and must emit the same entries both times.
   */
  rebuild(feed: (emit: (slug: string, slot: number) => void) => void): void {
    const counts = new Map<string, number>();
    feed((slug) => counts.set(slug, (counts.get(slug) ?? 0) + 1));
    this.clear();
    for (const [slug, n] of counts) {
      this.lists.set(slug, { slots: new Int32Array(n), length: 0 });
      this.entries += n;
    }
    feed((slug, slot) => {
      const list = this.lists.get(slug)!;
      list.slots[list.length++] = slot;
    });
  }

  /** Every list as slugs, lengths and one run of slots (copies), for a snapshot. */
  parts(): PostingsParts {
    const slugs = [...this.lists.keys()];
    const lengths = Int32Array.from(slugs, (s) => this.lists.get(s)!.length);
    const slots = new Int32Array(this.entries);
    let at = 0;
    for (const s of slugs) {
      const l = this.lists.get(s)!;
      slots.set(l.slots.subarray(0, l.length), at);
      at += l.length;
    }
    return { slugs, lengths, slots };
  }

  /** Takes `parts()` output in place of every list; slots must lie below `size`. */
  adopt(p: PostingsParts, size: number): void {
    if (p.slugs.length !== p.lengths.length) throw new Error('postings: slugs and lengths differ');
    let total = 0;
    for (const n of p.lengths) {
      if (n <= 0) throw new Error('postings: an empty list');
      total += n;
    }
    if (total !== p.slots.length) throw new Error('postings: lengths and slots differ');
    for (const s of p.slots) if (s < 0 || s >= size) throw new Error('postings: a slot out of range');
    this.clear();
    let at = 0;
    p.slugs.forEach((slug, i) => {
      const n = p.lengths[i]!;
      this.lists.set(slug, { slots: p.slots.subarray(at, at + n), length: n });
      at += n;
    });
    this.entries = total;
  }

  clear(): void {
    this.lists.clear();
    this.entries = 0;
  }
}

const EMPTY = new Int32Array(0);

/** What a Postings holds (see Postings.parts). */
export interface PostingsParts {
  slugs: string[];
  lengths: Int32Array;
  slots: Int32Array;
}
