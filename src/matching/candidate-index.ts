import { applyInSlices, SnapshotPoller } from '../../search/memory/poller.js';
import { SnapshotSchedule } from '../../search/memory/snapshot-schedule.js';
import { reportIndex } from '../../search/memory/stats.js';
import type { Sql } from '../db/client.js';
import type { Logger } from '../logger.js';
import { readAllFacts, readFactChanges } from './candidate-repo.js';
import { loadFactsSnapshot, saveFactsSnapshot } from './fact-snapshot.js';
import { FactStore } from './fact-store.js';

/** How the candidates may use stored snapshots: as for search (see PostgresEngineOptions.snapshots). */
export interface CandidateOptions {
  /** 'read' starts from the newest snapshot; 'write' also stores one when due. Default 'off'. */
  snapshots?: 'off' | 'read' | 'write';
  /** With 'write': a stored snapshot older than this is replaced (default 6 hours; tests lower it). */
  snapshotMaxAgeMs?: number;
  logger?: Logger;
}

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
   * Starts from the newest stored snapshot when `opts.snapshots` allows (then caught up), else
   * loads every matchable supplier, interning each batch as it streams in (no second list of raw
   * facts) into columns sized once from the row count; then follows changes from there. With
   * 'write', stores a snapshot when one is due.
   */
  static async build(sql: Sql, opts: CandidateOptions = {}): Promise<CandidateIndex> {
    const t0 = performance.now();
    const mode = opts.snapshots ?? 'off';
    let ix = mode === 'off' ? null : await CandidateIndex.fromSnapshot(sql, opts.logger);
    ix ??= await CandidateIndex.fromRows(sql);
    if (mode === 'write') {
      ix.schedule = new SnapshotSchedule(ix.snapshotAt?.getTime() ?? null, opts.snapshotMaxAgeMs);
      ix.logger = opts.logger;
      ix.storeWhenDue();
    }
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

  /** When the snapshot this index started from was stored (null: built from the rows). */
  snapshotAt: Date | null = null;
  /** The store of a snapshot last started (tests wait for it), or null when none was due. */
  stored: Promise<void> | null = null;
  /** With snapshots: 'write', when a snapshot is stored again (see SnapshotSchedule). */
  private schedule: SnapshotSchedule | null = null;
  private logger: Logger | undefined;

  private static async fromRows(sql: Sql): Promise<CandidateIndex> {
    const ix = new CandidateIndex(sql);
    const xmin = await readAllFacts(sql, (rows) => applyInSlices(rows, (f) => ix.put(f.id, f)), {
      onCount: (n) => ix.beginLoad(n),
    });
    await ix.endLoadInSlices();
    ix.poller = new SnapshotPoller(xmin, (since) => ix.poll(since));
    return ix;
  }

  /** The newest stored snapshot, caught up; null when there is none or it cannot be used (logged). */
  private static async fromSnapshot(sql: Sql, logger?: Logger): Promise<CandidateIndex | null> {
    try {
      const stored = await loadFactsSnapshot(sql, (err) =>
        logger?.warn({ err }, 'matching snapshot: COPY failed; reading it by SELECT instead'),
      );
      if (!stored) return null;
      const ix = new CandidateIndex(sql);
      await ix.adoptParts(stored.value);
      ix.poller = new SnapshotPoller(stored.xmin, (since) => ix.poll(since));
      ix.snapshotAt = stored.createdAt;
      await ix.refresh();
      return ix;
    } catch (err) {
      logger?.warn({ err }, 'matching snapshot unusable; reading every supplier instead');
      return null;
    }
  }

  /** Stores the candidates as the newest snapshot when one is due, for the next instance to start from. */
  private storeWhenDue(): void {
    const run = this.schedule?.run(async () => {
      try {
        // The poller's xmin first: every change below it is in the parts taken next.
        const xmin = this.poller.since;
        const saved = await saveFactsSnapshot(this.sql, this.parts(), xmin);
        this.logger?.info({ bytes: saved.bytes, ms: saved.ms }, 'matching snapshot stored');
        return true;
      } catch (err) {
        this.logger?.warn({ err }, 'matching snapshot not stored');
        return false;
      }
    });
    if (run) this.stored = run;
  }

  /** Resolves once every change committed before the call is applied; concurrent callers share reads. */
  async refresh(): Promise<void> {
    await this.poller.refresh();
    this.storeWhenDue();
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
const configured = new WeakMap<Sql, CandidateOptions>();

/**
 * How the index of a database is built whenever it is (snapshots, logger). The server says so
 * before it serves: a match asked for before the background load starts then builds it the same way.
 */
export function configureCandidates(sql: Sql, opts: CandidateOptions): void {
  configured.set(sql, opts);
}

/** The process-wide index of a database, built on first use (see configureCandidates) and refreshed on every call. */
export async function currentIndex(sql: Sql): Promise<CandidateIndex> {
  let building = indexes.get(sql);
  if (!building) {
    building = CandidateIndex.build(sql, configured.get(sql));
    indexes.set(sql, building);
    building.catch(() => indexes.delete(sql));
    return building;
  }
  const ix = await building;
  await ix.refresh();
  return ix;
}
