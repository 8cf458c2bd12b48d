import { applyInSlices, SnapshotPoller } from '../../search/memory/poller.js';
import { reportIndex } from '../../search/memory/stats.js';
import type { Sql } from '../db/client.js';
import { readAllFacts, readFactChanges } from './candidate-repo.js';
import { FactStore } from './fact-store.js';

/**
 * Every matchable supplier's facts in memory, one slot each, kept current with PostgreSQL by the
 * same SnapshotPoller as the search index: before every ranking, `refresh()` reads the suppliers
 * written since the previous snapshot, so anything committed before the ranking started is in. PostgreSQL stays the source of truth: hits are re-checked
 * against it before they are shown (see service.ts). The slots, interning and per-slug postings
 * live in FactStore.
 */
export class CandidateIndex extends FactStore {
  /** Bumped whenever a refresh changed something; caches of derived data key on it. */
  version = 0;
  poller: SnapshotPoller;

  private constructor(private readonly sql: Sql) {
    super();
    this.poller = new SnapshotPoller('0', (since) => this.poll(since));
  }

  /**
   * Loads every matchable supplier, interning each batch as it streams in (no second list of
   * raw facts) into columns sized once from the row count, then follows changes from the load's
   * snapshot.
   */
  static async build(sql: Sql): Promise<CandidateIndex> {
    const t0 = performance.now();
    const ix = new CandidateIndex(sql);
    const xmin = await readAllFacts(sql, (rows) => applyInSlices(rows, (f) => ix.put(f.id, f)), {
      onCount: (n) => ix.beginLoad(n),
    });
    ix.endLoad();
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

  /** Resolves once every change committed before the call is applied; concurrent callers share reads. */
  refresh(): Promise<void> {
    return this.poller.refresh();
  }

  private async poll(since: string): Promise<string> {
    // A bulk import can bring hundreds of thousands of suppliers at once (then read in pages).
    return readFactChanges(this.sql, since, async (changed) => {
      await applyInSlices(changed, (c) => this.put(c.id, c.facts));
      this.version++;
    });
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
