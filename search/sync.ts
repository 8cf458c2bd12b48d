import type { Meilisearch } from 'meilisearch';
import type { Db, Sql } from '../src/db/client.js';
import type { Logger } from '../src/logger.js';
import { todayIso } from '../src/suppliers/normalize.js';
import { listTerms } from '../src/taxonomy/repo.js';
import { loadTaxonomy } from '../src/taxonomy/service.js';
import { toDocument } from './documents.js';
import { applySettings } from './meilisearch.js';
import {
  claimDueOutboxRows,
  cursorSearchableSupplierIds,
  deferOutboxRows,
  deleteOutboxRows,
  enqueueExpiredCertificates,
  loadDocumentSources,
  lockExpirySweepDay,
  markExpirySwept,
  readSnapshotXmin,
  requeueChangedSince,
  tryLockOutboxDrain,
} from './outbox-repo.js';
import { INDEX_UID, meiliSettings } from './settings.js';
import { buildSynonymTable } from './synonyms.js';

/** Any constant: only one worker (of all app instances) drains the outbox at a time. */
const DRAIN_LOCK = 7_134_220_461;
const MAX_BACKOFF_S = 300;

export interface WorkerOptions {
  logger?: Logger;
  batchSize?: number;
  intervalMs?: number;
  indexUid?: string;
  clock?: () => Date;
}

export interface DrainResult {
  applied: number;
  failed: number;
  /** Rows dropped because no Meilisearch is configured. */
  discarded: number;
}

/**
 * Applies the transactional outbox to Meilisearch: a `FOR UPDATE SKIP LOCKED` batch, the current
 * search rows of its suppliers as upserts (or deletions by id), and the outbox rows deleted only
 * once Meilisearch confirms, in the same transaction. Failures keep the rows with an exponential
 * backoff, so nothing is lost across restarts or while Meilisearch is down. Without Meilisearch
 * configured the worker only prunes the outbox (reindex fills a new Meilisearch anyway).
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;
  private swept: string | null = null;
  /** Current pause after failed batches (ms); 0 while Meilisearch accepts. */
  private pause = 0;

  constructor(
    private readonly sql: Sql,
    private readonly client: Meilisearch | null,
    private readonly opts: WorkerOptions = {},
  ) {}

  start(): void {
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      let delay = this.opts.intervalMs ?? 1000;
      try {
        await this.sweepExpiries();
        const r = await this.drainOnce();
        if (r.failed > 0) {
          // Meilisearch is down or refusing: pause the whole loop instead of cycling through every row.
          this.pause = Math.min(MAX_BACKOFF_S * 1000, Math.max(delay, this.pause * 2));
          delay = this.pause;
        } else {
          if (this.pause > 0 && r.applied > 0) this.opts.logger?.info('search outbox draining again');
          this.pause = 0;
          if (r.applied + r.discarded >= (this.opts.batchSize ?? 500)) delay = 0;
        }
      } catch (err) {
        this.opts.logger?.error({ err }, 'search outbox worker failed');
      }
      if (!this.stopped) this.timer = setTimeout(run, delay);
    };
    const run = () => {
      this.running = tick();
    };
    run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One batch; used by the loop and by tests. */
  async drainOnce(): Promise<DrainResult> {
    const batch = this.opts.batchSize ?? 500;
    return (await this.sql.begin(async (tx) => {
      if (!(await tryLockOutboxDrain(tx, DRAIN_LOCK))) return { applied: 0, failed: 0, discarded: 0 };
      const rows = await claimDueOutboxRows(tx, batch);
      if (rows.length === 0) return { applied: 0, failed: 0, discarded: 0 };
      const rowIds = rows.map((r) => r.id);
      if (!this.client) {
        await deleteOutboxRows(tx, rowIds);
        return { applied: 0, failed: 0, discarded: rows.length };
      }
      try {
        await applyToIndex(
          tx,
          this.client,
          this.opts.indexUid ?? INDEX_UID,
          [...new Set(rows.map((r) => r.supplierId))],
          this.today(),
        );
        await deleteOutboxRows(tx, rowIds);
        return { applied: rows.length, failed: 0, discarded: 0 };
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        await deferOutboxRows(tx, rowIds, message.slice(0, 500), MAX_BACKOFF_S);
        if (this.pause === 0)
          this.opts.logger?.warn({ err, rows: rows.length }, 'search outbox batch failed; will retry');
        else this.opts.logger?.debug({ err, rows: rows.length }, 'search outbox batch failed again');
        return { applied: 0, failed: rows.length, discarded: 0 };
      }
    })) as DrainResult;
  }

  private today(): string {
    return todayIso((this.opts.clock ?? (() => new Date()))());
  }

  /**
   * Once a day, re-sends suppliers whose certificates expired since the last sweep, so that
   * Meilisearch's informational tkdn_max follows the calendar (filters judge dates at query time).
   */
  async sweepExpiries(): Promise<void> {
    const today = this.today();
    if (!this.client || this.swept === today) return;
    await this.sql.begin(async (tx) => {
      const swept = await lockExpirySweepDay(tx);
      if (swept === today) return;
      await enqueueExpiredCertificates(tx, swept, today);
      await markExpirySwept(tx, today);
    });
    this.swept = today;
  }
}

/** Upserts the searchable suppliers among `ids` and deletes the others, waiting for Meilisearch. */
async function applyToIndex(tx: Db, client: Meilisearch, uid: string, ids: string[], today: string) {
  const tax = await loadTaxonomy(tx);
  const sources = await loadDocumentSources(tx, ids);
  const docs = sources.filter((s) => s.searchable && !s.deleted).map((s) => toDocument(s, tax, today));
  const keep = new Set(docs.map((d) => d.id));
  const gone = ids.filter((id) => !keep.has(id));
  const index = client.index(uid);
  const tasks = [];
  if (docs.length)
    tasks.push(await index.addDocuments(docs, { primaryKey: 'id' }).waitTask({ timeout: 60_000 }));
  if (gone.length) tasks.push(await index.deleteDocuments(gone).waitTask({ timeout: 60_000 }));
  for (const t of tasks)
    if (t.status !== 'succeeded')
      throw new Error(`Meilisearch task ${t.uid} ${t.status}: ${t.error?.message ?? ''}`);
}

/**
 * `search:reindex`: builds a fresh index from one snapshot, swaps it in under the live name
 * (searches never see a half-built index), drops the old one, and re-queues every change
 * committed after the snapshot, which may have reached only the old index.
 */
export async function reindexAll(
  sql: Sql,
  client: Meilisearch,
  opts: { logger?: Logger; uid?: string; batchSize?: number; now?: Date } = {},
): Promise<{ documents: number; seconds: number }> {
  const started = performance.now();
  const uid = opts.uid ?? INDEX_UID;
  const tmp = `${uid}_build_${Date.now()}`;
  const today = todayIso(opts.now ?? new Date());
  const table = buildSynonymTable(await listTerms(sql, { activeOnly: true }));
  await applySettings(client, tmp, meiliSettings(table));
  const tax = await loadTaxonomy(sql);
  const { xmin, documents } = (await sql.begin('isolation level repeatable read read only', async (tx) => {
    const xmin = await readSnapshotXmin(tx);
    let documents = 0;
    const cursor = cursorSearchableSupplierIds(tx, opts.batchSize ?? 2000);
    for await (const rows of cursor) {
      const sources = await loadDocumentSources(
        tx,
        rows.map((r) => r.supplierId),
      );
      const task = await client
        .index(tmp)
        .addDocuments(
          sources.map((s) => toDocument(s, tax, today)),
          { primaryKey: 'id' },
        )
        .waitTask({ timeout: 120_000 });
      if (task.status !== 'succeeded')
        throw new Error(`indexing failed: ${task.error?.message ?? task.status}`);
      documents += sources.length;
      opts.logger?.info({ documents }, 'reindex progress');
    }
    return { xmin, documents };
  })) as { xmin: string; documents: number };
  await applySettings(client, uid, meiliSettings(table));
  const swap = await client
    .swapIndexes([{ indexes: [uid, tmp], rename: false }])
    .waitTask({ timeout: 120_000 });
  if (swap.status !== 'succeeded') throw new Error(`swap failed: ${swap.error?.message ?? swap.status}`);
  await client.deleteIndex(tmp).waitTask({ timeout: 120_000 });
  await requeueChangedSince(sql, xmin);
  return { documents, seconds: Math.round((performance.now() - started) / 100) / 10 };
}
