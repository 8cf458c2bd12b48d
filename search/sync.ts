import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Meilisearch } from 'meilisearch';
import type { Sql } from '../src/db/client.js';
import type { Logger } from '../src/logger.js';
import { todayIso } from '../src/suppliers/normalize.js';
import { listTerms } from '../src/taxonomy/repo.js';
import { loadTaxonomy } from '../src/taxonomy/service.js';
import { toDocument } from './documents.js';
import { deleteDocuments, sendDocuments } from './meili-send.js';
import { applySettings, assertSupportedVersion } from './meilisearch.js';
import {
  acquireDrainLease,
  cursorSearchableSupplierIds,
  deadLetter,
  deferOutboxRows,
  deleteOutboxRows,
  enqueueExpiredCertificates,
  leaseDueOutboxRows,
  loadDocumentSources,
  lockExpirySweepDay,
  markExpirySwept,
  readSnapshotXmin,
  releaseDrainLease,
  requeueChangedSince,
} from './outbox-repo.js';
import { INDEX_UID, meiliSettings } from './settings.js';
import { buildSynonymTable } from './synonyms.js';

/** Drain and row leases (s): longer than the slowest task wait, so a live drainer never loses them. */
const LEASE_S = 180;
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
  /** Documents Meilisearch refused, now in search_dead_letter. */
  rejected?: number;
}

/**
 * Applies the transactional outbox to Meilisearch: a leased batch of due rows, the current search
 * rows of its suppliers as upserts (or deletions by id), and the outbox rows deleted only once
 * Meilisearch confirms. No transaction is open while a task runs. Rejected documents go to
 * search_dead_letter; other failures keep the rows with an exponential backoff, so nothing is
 * lost across restarts or while Meilisearch is down. Without Meilisearch configured the worker
 * only prunes the outbox (reindex fills a new Meilisearch anyway).
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;
  private swept: string | null = null;
  /** Current pause after failed batches (ms); 0 while Meilisearch accepts. */
  private pause = 0;
  /** This worker's name on the drain lease. */
  private readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

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
    await releaseDrainLease(this.sql, this.owner).catch(() => {});
  }

  /**
   * One batch; used by the loop and by tests. Every statement commits on its own: the lease on
   * the drain and on the rows stands in for a lock, so no transaction stays open while
   * Meilisearch works (up to a minute per task). Rows are deleted only after Meilisearch
   * confirms; rejected documents go to the dead-letter table and the rest of the batch goes in.
   */
  async drainOnce(): Promise<DrainResult> {
    const none = { applied: 0, failed: 0, discarded: 0 };
    if (!(await acquireDrainLease(this.sql, this.owner, LEASE_S))) return none;
    const rows = await leaseDueOutboxRows(this.sql, this.opts.batchSize ?? 500, LEASE_S);
    if (rows.length === 0) return none;
    const rowIds = rows.map((r) => r.id);
    if (!this.client) {
      await deleteOutboxRows(this.sql, rowIds);
      return { ...none, discarded: rows.length };
    }
    try {
      const ids = [...new Set(rows.map((r) => r.supplierId))];
      const rejected = await applyToIndex(this.sql, this.client, this.indexUid, ids, this.today());
      await this.sql.begin(async (tx) => {
        await deadLetter(tx, rejected);
        await deleteOutboxRows(tx, rowIds);
      });
      if (rejected.length)
        this.opts.logger?.warn(
          { rejected: rejected.length },
          'Meilisearch rejected documents; see search_dead_letter',
        );
      return { applied: rows.length - rejected.length, failed: 0, discarded: 0, rejected: rejected.length };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await deferOutboxRows(this.sql, rowIds, message.slice(0, 500), MAX_BACKOFF_S);
      if (this.pause === 0)
        this.opts.logger?.warn({ err, rows: rows.length }, 'search outbox batch failed; will retry');
      else this.opts.logger?.debug({ err, rows: rows.length }, 'search outbox batch failed again');
      return { ...none, failed: rows.length };
    }
  }

  private get indexUid(): string {
    return this.opts.indexUid ?? INDEX_UID;
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

/**
 * Upserts the searchable suppliers among `ids` and deletes the others, waiting for Meilisearch
 * outside any transaction; returns the documents it rejected, ready for the dead-letter table.
 */
async function applyToIndex(sql: Sql, client: Meilisearch, uid: string, ids: string[], today: string) {
  const tax = await loadTaxonomy(sql);
  const sources = await loadDocumentSources(sql, ids);
  const docs = sources.filter((s) => s.searchable && !s.deleted).map((s) => toDocument(s, tax, today));
  const keep = new Set(docs.map((d) => d.id));
  const rejected = await sendDocuments(client, uid, docs);
  await deleteDocuments(
    client,
    uid,
    ids.filter((id) => !keep.has(id)),
  );
  return rejected.map((r) => ({ supplierId: r.document.id, error: r.error, document: r.document }));
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
  await assertSupportedVersion(client);
  await dropBuildIndexes(client, uid, opts.logger);
  const tmp = `${uid}${BUILD_SUFFIX}${Date.now()}`;
  const today = todayIso(opts.now ?? new Date());
  let built: { xmin: string; documents: number };
  try {
    built = await buildAndSwap(sql, client, { uid, tmp, today, ...opts });
  } finally {
    // Also after a failure: a reindex never leaves a build index behind.
    await client
      .deleteIndex(tmp)
      .waitTask({ timeout: 120_000 })
      .catch(() => {});
  }
  const { xmin, documents } = built;
  await requeueChangedSince(sql, xmin);
  return { documents, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

const BUILD_SUFFIX = '_build_';

/** Drops build indexes a crashed reindex left behind (they hold a full copy each). */
async function dropBuildIndexes(client: Meilisearch, uid: string, logger?: Logger): Promise<void> {
  const { results } = await client.getRawIndexes({ limit: 1000 });
  for (const ix of results)
    if (ix.uid.startsWith(`${uid}${BUILD_SUFFIX}`)) {
      logger?.warn({ index: ix.uid }, 'dropping a build index left by an earlier reindex');
      await client.deleteIndex(ix.uid).waitTask({ timeout: 120_000 });
    }
}

/** Fills `tmp` from one snapshot and swaps it in under `uid`; returns the snapshot's xmin. */
async function buildAndSwap(
  sql: Sql,
  client: Meilisearch,
  opts: { uid: string; tmp: string; today: string; logger?: Logger; batchSize?: number },
): Promise<{ xmin: string; documents: number }> {
  const { uid, tmp, today } = opts;
  const table = buildSynonymTable(await listTerms(sql, { activeOnly: true }));
  await applySettings(client, tmp, meiliSettings(table));
  const tax = await loadTaxonomy(sql);
  const result = (await sql.begin('isolation level repeatable read read only', async (tx) => {
    const xmin = await readSnapshotXmin(tx);
    let documents = 0;
    const cursor = cursorSearchableSupplierIds(tx, opts.batchSize ?? 2000);
    for await (const rows of cursor) {
      const sources = await loadDocumentSources(
        tx,
        rows.map((r) => r.supplierId),
      );
      const rejected = await sendDocuments(
        client,
        tmp,
        sources.map((s) => toDocument(s, tax, today)),
      );
      await deadLetter(
        sql,
        rejected.map((r) => ({ supplierId: r.document.id, error: r.error, document: r.document })),
      );
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
  return result;
}
