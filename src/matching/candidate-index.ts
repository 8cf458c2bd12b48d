import { applyInSlices, SnapshotPoller } from '../../search/memory/poller.js';
import { reportIndex } from '../../search/memory/stats.js';
import type { Sql } from '../db/client.js';
import { readAllFacts, readFactChanges } from './candidate-repo.js';
import type { SupplierFacts } from './types.js';

/**
 * Every matchable supplier's facts in memory, one slot each, kept current with PostgreSQL by the
 * same SnapshotPoller as the search index: before every ranking, `refresh()` reads the suppliers
 * written since the previous snapshot, so anything committed before the ranking started is in. PostgreSQL stays the source of truth: hits are re-checked
 * against it before they are shown (see service.ts).
 */
export class CandidateIndex {
  readonly facts: (SupplierFacts | null)[] = [];
  readonly slotOf = new Map<string, number>();
  /** Bumped whenever a refresh changed something; caches of derived data key on it. */
  version = 0;
  /** Slots holding a supplier (the others were removed or stopped being matchable). */
  documents = 0;
  poller: SnapshotPoller;

  private constructor(private readonly sql: Sql) {
    this.poller = new SnapshotPoller('0', (since) => this.poll(since));
  }

  /**
   * Loads every matchable supplier, interning each batch as it streams in (no second list of
   * raw facts), then follows changes from the load's snapshot.
   */
  static async build(sql: Sql): Promise<CandidateIndex> {
    const t0 = performance.now();
    const ix = new CandidateIndex(sql);
    const xmin = await readAllFacts(sql, (rows) => applyInSlices(rows, (f) => ix.put(f.id, f)));
    ix.poller = new SnapshotPoller(xmin, (since) => ix.poll(since));
    const builtAt = Date.now();
    const buildMs = Math.round(performance.now() - t0);
    const ref = new WeakRef(ix);
    reportIndex('matching', () => {
      const x = ref.deref();
      return {
        documents: x?.documents ?? 0,
        slots: x?.size ?? 0,
        builtAt,
        buildMs,
        refreshedAt: x?.poller.lastPollAt ?? null,
      };
    });
    return ix;
  }

  get size(): number {
    return this.facts.length;
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

  private put(id: string, raw: SupplierFacts | null): void {
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
    const slot = this.slotOf.get(id);
    if (slot !== undefined) {
      this.documents += (f ? 1 : 0) - (this.facts[slot] ? 1 : 0);
      this.facts[slot] = f;
    } else if (f) {
      this.documents++;
      this.slotOf.set(id, this.facts.length);
      this.facts.push(f);
    }
  }

  /** Resolves once every change committed before the call is applied; concurrent callers share reads. */
  refresh(): Promise<void> {
    return this.poller.refresh();
  }

  private async poll(since: string): Promise<string> {
    const { xmin, changed } = await readFactChanges(this.sql, since);
    for (const c of changed) this.put(c.id, c.facts);
    if (changed.length) this.version++;
    return xmin;
  }
}

const indexes = new WeakMap<Sql, Promise<CandidateIndex>>();

/** The process-wide index of a database, built on first use and refreshed on every call. */
export async function currentIndex(sql: Sql): Promise<CandidateIndex> {
  let building = indexes.get(sql);
  if (!building) {
    building = CandidateIndex.build(sql);
    indexes.set(sql, building);
    building.catch(() => indexes.delete(sql));
    return building;
  }
  const ix = await building;
  await ix.refresh();
  return ix;
}
