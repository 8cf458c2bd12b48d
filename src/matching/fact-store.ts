import { HardColumns } from './hard-columns.js';
import { Postings } from './postings.js';
import type { SupplierFacts } from './types.js';

/** Which postings a slug is looked up in. */
export type TermKind = 'process' | 'material';

/**
 * What ranking reads of the in-memory suppliers: the facts by slot, the slot of an id, and the
 * slots holding a process or material slug (a superset: stale entries are re-checked).
 */
export interface CandidateSource {
  readonly facts: readonly (SupplierFacts | null)[];
  readonly slotOf: ReadonlyMap<string, number>;
  postings(kind: TermKind, slug: string): Int32Array;
  /** Status and location by slot, and whether the slot's postings are exact (see HardColumns). */
  readonly columns?: HardColumns;
}

/**
 * Supplier facts in slots with interned strings and per-slug postings, without any database:
 * CandidateIndex keeps one current with PostgreSQL; benchmarks and tests fill one directly.
 */
export class FactStore implements CandidateSource {
  readonly facts: (SupplierFacts | null)[] = [];
  readonly slotOf = new Map<string, number>();
  /** Slots holding a supplier (the others were removed or stopped being matchable). */
  documents = 0;
  private readonly processes = new Postings();
  private readonly materials = new Postings();
  readonly columns = new HardColumns();
  /** Posting entries that no longer hold (slug dropped, supplier removed): rebuilt when too many. */
  private stale = 0;

  /** A store holding `facts` (distinct ids) in this order, slot i = facts[i]; tests and benchmarks. */
  static of(facts: readonly (SupplierFacts | null)[]): FactStore {
    const store = new FactStore();
    for (const f of facts) {
      if (f) store.put(f.id, f);
      else store.facts.push(null);
    }
    store.trim();
    return store;
  }

  get size(): number {
    return this.facts.length;
  }

  postings(kind: TermKind, slug: string): Int32Array {
    return (kind === 'process' ? this.processes : this.materials).get(slug);
  }

  /**
   * One string object per distinct slug or status, shared by every supplier and by compiled needs:
   * V8 then compares map keys by pointer, which makes the pass over 100,000 suppliers ~4× faster.
   */
  readonly intern = (x: string): string => {
    const y = this.strings.get(x);
    if (y !== undefined) return y;
    this.strings.set(x, x);
    return x;
  };
  private readonly strings = new Map<string, string>();

  /**
   * One shared array per distinct list (most suppliers repeat a few process, material and
   * certificate combinations, and most hold no certificate at all): a million suppliers then cost
   * one small object each instead of five arrays. The arrays are never mutated.
   */
  private internList<T extends string | number | null>(xs: readonly T[]): T[] {
    const key = xs.map((x) => (x === null ? '\u0000' : String(x))).join('\u0001');
    const hit = this.lists.get(key);
    if (hit) return hit as T[];
    const list = xs.map((x) => (typeof x === 'string' ? this.intern(x) : x)) as T[];
    this.lists.set(key, list);
    return list;
  }
  private readonly lists = new Map<string, unknown[]>();

  /** Writes (or, with null, removes) one supplier; its new slugs are appended to the postings. */
  put(id: string, raw: SupplierFacts | null): void {
    const f: SupplierFacts | null = raw && {
      id: raw.id,
      status: this.intern(raw.status) as SupplierFacts['status'],
      lat: raw.lat,
      lon: raw.lon,
      processes: this.internList(raw.processes),
      materials: this.internList(raw.materials),
      certTypes: this.internList(raw.certTypes),
      certUntil: this.internList(raw.certUntil),
      certTkdn: this.internList(raw.certTkdn),
      capacityAmount: raw.capacityAmount,
      capacityUnit: raw.capacityUnit === null ? null : this.intern(raw.capacityUnit),
    };
    let slot = this.slotOf.get(id);
    const old = slot === undefined ? null : (this.facts[slot] ?? null);
    if (slot !== undefined) {
      this.documents += (f ? 1 : 0) - (old ? 1 : 0);
      this.facts[slot] = f;
      this.columns.set(slot, f);
    } else if (f) {
      this.documents++;
      slot = this.facts.length;
      this.slotOf.set(id, slot);
      this.facts.push(f);
      this.columns.set(slot, f);
      this.columns.exact[slot] = 1;
    }
    if (slot === undefined) return;
    this.index(this.processes, slot, f?.processes ?? [], old?.processes ?? []);
    this.index(this.materials, slot, f?.materials ?? [], old?.materials ?? []);
    const entries = this.processes.entries + this.materials.entries;
    if (this.stale > 65_536 && this.stale * 2 > entries) this.reindex();
  }

  /** Appends the slugs `now` holds that `before` did not; counts those it dropped as stale. */
  private index(p: Postings, slot: number, now: readonly string[], before: readonly string[]): void {
    if (now === before) return;
    for (const s of now) if (!before.includes(s)) p.add(s, slot);
    for (const s of before)
      if (!now.includes(s)) {
        this.stale++;
        this.columns.exact[slot] = 0;
      }
  }

  /** Rebuilds the postings from the facts, dropping stale entries. */
  private reindex(): void {
    this.processes.clear();
    this.materials.clear();
    this.facts.forEach((f, slot) => {
      if (!f) return;
      for (const s of f.processes) this.processes.add(s, slot);
      for (const s of f.materials) this.materials.add(s, slot);
    });
    this.trim();
    this.stale = 0;
    this.columns.exact.fill(1);
  }

  /** Drops the postings' growth slack (after a bulk load). */
  trim(): void {
    this.processes.trim();
    this.materials.trim();
  }
}
