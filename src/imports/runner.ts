import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/service.js';
import type { Deps } from '../context.js';
import { isPgError } from '../db/client.js';
import { yieldToLoop } from './limits.js';
import { storedMapping } from './mapping.js';
import type { SheetRow } from './parse.js';
import * as repo from './repo.js';
import type { CheckedRow, RowIssue } from './rows.js';
import { checkRows, loadRowContext, readSheet } from './sheet.js';
import { upsertRows } from './upsert.js';

/** Rows per transaction: large enough to amortise round trips, small enough to show progress. */
export const BATCH_SIZE = 500;
/** How often a worker renews its lease while it reads, checks or writes. */
export const HEARTBEAT_MS = 5_000;
/** A lease without news for this long is abandoned (its process died) and may be taken over. */
export const STALE_MS = 60_000;
/** Row issues kept per import (the counts stay exact beyond it). */
export const MAX_ISSUES = 2000;
/** The pg-boss queue of import runs. */
export const IMPORT_QUEUE = 'imports.run';

export type RunnerDeps = Pick<Deps, 'sql' | 'config' | 'logger' | 'clock' | 'jobs'>;

export interface ImportJob {
  importId: string;
  actorUserId: string;
}

/** The lease was taken over by another worker: this one stops without writing more. */
class LeaseLost extends Error {}

/**
 * Queues a run: a pg-boss job, so it survives a restart and runs off the request path. Without
 * a queue (narrow setups such as the import bench) the caller runs it with runImportJob.
 */
export async function enqueueImport(deps: RunnerDeps, job: ImportJob): Promise<void> {
  await deps.jobs?.send(IMPORT_QUEUE, job, { retryLimit: 2 });
}

/** The worker's handler for IMPORT_QUEUE; errors are recorded on the import, never thrown. */
export function importJobHandler(deps: RunnerDeps) {
  return async (job: ImportJob) => {
    await runImportJob(deps, job);
  };
}

/** Runs every queued import now, in this process (tests and the bench use it). */
export function runQueuedImports(deps: RunnerDeps): Promise<number> {
  if (!deps.jobs) return Promise.resolve(0);
  return deps.jobs.drain<ImportJob>(IMPORT_QUEUE, importJobHandler(deps));
}

/**
 * Sends a takeover job for running imports whose worker went quiet (all of them, or `ids`).
 * Called when workers start and whenever a page shows an import, so an import of a crashed
 * process is finished by whichever instance notices first.
 */
export async function requeueAbandonedImports(
  deps: RunnerDeps,
  ids: string[] | null = null,
): Promise<number> {
  if (ids?.length === 0 || !deps.jobs) return 0;
  const now = deps.clock();
  const stale = await repo.requeueAbandoned(deps.sql, {
    ids,
    staleBefore: new Date(now.getTime() - STALE_MS),
    now,
  });
  for (const s of stale)
    if (s.createdBy) await enqueueImport(deps, { importId: s.id, actorUserId: s.createdBy });
  return stale.length;
}

export type RunOutcome = 'done' | 'failed' | 'skipped' | 'lost' | 'stopped';

/**
 * Runs (or resumes) one import under a lease. Rows are read, checked and written in batches;
 * each batch's transaction first locks the import and checks the lease and the row offset, so
 * a worker that lost its lease writes nothing, and a takeover resumes exactly after the last
 * committed batch: no row is lost or written twice. `stopAfterBatches` lets a test play a
 * worker that dies mid-way.
 */
export async function runImportJob(
  deps: RunnerDeps,
  job: ImportJob,
  opts: { workerId?: string; stopAfterBatches?: number } = {},
): Promise<RunOutcome> {
  const { sql } = deps;
  const me = opts.workerId ?? randomUUID();
  const now = deps.clock();
  const imp = await repo.acquireImportLease(sql, job.importId, me, now, new Date(now.getTime() - STALE_MS));
  if (!imp) return 'skipped';
  const beat = setInterval(() => {
    repo.renewImportLease(sql, imp.id, me, deps.clock()).catch(() => {});
  }, HEARTBEAT_MS);
  beat.unref();
  try {
    const sheet = await readSheet(sql, imp.fileId ?? '');
    const mapping = storedMapping(imp.mapping, imp.headers);
    if (!mapping) throw new Error('import has no valid mapping');
    const ctx = await loadRowContext(sql, deps.clock());
    let kept = imp.errors.length;
    let batches = 0;
    for (let offset = imp.processedRows; offset < sheet.rows.length; offset += BATCH_SIZE) {
      const rows: SheetRow[] = sheet.rows.slice(offset, offset + BATCH_SIZE);
      const checked = await checkRows({ ...sheet, rows }, mapping, ctx);
      const counts = await withRetry(() =>
        writeBatch(
          deps,
          { imp, owner: me, offset, actorUserId: job.actorUserId },
          checked,
          MAX_ISSUES - kept,
        ),
      );
      kept += counts.kept;
      batches++;
      if (opts.stopAfterBatches !== undefined && batches >= opts.stopAfterBatches) return 'stopped';
      await yieldToLoop();
    }
    const done = await repo.finishImport(sql, imp.id, me, {
      status: 'done',
      failure: null,
      now: deps.clock(),
    });
    if (!done) return 'lost';
    await auditImport(deps, done, job.actorUserId, 'commit');
    return 'done';
  } catch (err) {
    if (err instanceof LeaseLost) return 'lost';
    deps.logger.error({ err, importId: imp.id }, 'import run failed');
    const failed = await repo.finishImport(sql, imp.id, me, {
      status: 'failed',
      failure: 'error',
      now: deps.clock(),
    });
    if (failed) await auditImport(deps, failed, job.actorUserId, 'commit_failed');
    return failed ? 'failed' : 'lost';
  } finally {
    clearInterval(beat);
  }
}

interface BatchAt {
  imp: repo.ImportRow;
  owner: string;
  offset: number;
  actorUserId: string;
}

/** One transaction: the lease check, the upsert, the per-row outcomes and the counters commit together. */
async function writeBatch(
  deps: RunnerDeps,
  at: BatchAt,
  batch: CheckedRow[],
  room: number,
): Promise<{ kept: number }> {
  return deps.sql.begin(async (tx) => {
    const done = await repo.lockImportForBatch(tx, at.imp.id, at.owner);
    if (done !== at.offset) throw new LeaseLost();
    const valid = batch.filter((r) => r.ok);
    const result = await upsertRows(tx, valid, {
      importId: at.imp.id,
      actorUserId: at.actorUserId,
      officeId: at.imp.organizationId,
    });
    const rejected: repo.OutcomeRow[] = batch
      .filter((r) => !r.ok)
      .map((r) => ({
        row: r.row,
        outcome: 'rejected',
        supplierId: null,
        legalName: r.values.legalName ?? null,
        note: r.issues.find((i) => i.severity === 'error')?.code ?? null,
      }));
    const outcomes = [...result.outcomes, ...rejected];
    await repo.insertOutcomes(tx, at.imp.id, outcomes);
    const issues: RowIssue[] = [...batch.flatMap((r) => r.issues), ...result.issues]
      .sort((a, b) => a.row - b.row)
      .slice(0, Math.max(0, room));
    const count = (o: repo.Outcome) => outcomes.filter((x) => x.outcome === o).length;
    const ok = await repo.recordBatch(tx, at.imp.id, at.owner, deps.clock(), {
      processed: batch.length,
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      rejected: count('rejected'),
      errors: issues,
    });
    if (!ok) throw new LeaseLost();
    return { kept: issues.length };
  });
}

/** Deadlocks and serialization failures between concurrent imports are retried, not reported. */
async function withRetry<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (i >= attempts || !(isPgError(err, '40P01') || isPgError(err, '40001'))) throw err;
    }
  }
}

async function auditImport(deps: RunnerDeps, imp: repo.ImportRow, actorUserId: string, action: string) {
  await recordAudit(deps.sql, {
    actorUserId,
    organizationId: imp.organizationId,
    entity: 'import',
    entityId: imp.id,
    action,
    changes: {
      filename: imp.filename,
      rows: imp.totalRows,
      created: imp.created,
      updated: imp.updated,
      unchanged: imp.unchanged,
      rejected: imp.rejected,
    },
  });
}
