import { recordAudit } from '../audit/service.js';
import type { Deps } from '../context.js';
import { isPgError } from '../db/client.js';
import { storedMapping } from './mapping.js';
import * as repo from './repo.js';
import type { CheckedRow, RowIssue } from './rows.js';
import { checkRows, loadRowContext, readSheet } from './sheet.js';
import { upsertRows } from './upsert.js';

/** Rows per transaction: large enough to amortise round trips, small enough to show progress. */
export const BATCH_SIZE = 500;
/** A run without news for this long is taken to have died with its process. */
export const STALE_MS = 10 * 60_000;
/** Row issues kept per import (the counts stay exact beyond it). */
export const MAX_ISSUES = 2000;

export type RunnerDeps = Pick<Deps, 'sql' | 'config' | 'logger' | 'clock'>;

const active = new Map<string, Promise<void>>();

/** True while this process is running the import, so it is never taken for interrupted. */
export function isRunningHere(id: string): boolean {
  return active.has(id);
}

/** Ids of the imports this process is running now. */
export function runningHere(): string[] {
  return [...active.keys()];
}

/** Resolves when this process's run of the import ends (tests and the bench wait on it). */
export function awaitImport(id: string): Promise<void> {
  return active.get(id) ?? Promise.resolve();
}

/**
 * Marks the import running and processes it after the caller has responded. Returns false
 * when it cannot start (already running or done): a second click on "commit" does nothing.
 */
export async function startImport(deps: RunnerDeps, importId: string, actorUserId: string): Promise<boolean> {
  const now = deps.clock();
  const imp = await repo.claimImportRun(deps.sql, importId, now, new Date(now.getTime() - STALE_MS));
  if (!imp) return false;
  const run = new Promise<void>((resolve) => {
    setImmediate(() => {
      runImport(deps, imp, actorUserId)
        .catch((err) => deps.logger.error({ err, importId }, 'import failed'))
        .finally(() => {
          active.delete(importId);
          resolve();
        });
    });
  });
  active.set(importId, run);
  return true;
}

async function runImport(deps: RunnerDeps, imp: repo.ImportRow, actorUserId: string): Promise<void> {
  const { sql } = deps;
  try {
    const sheet = await readSheet(sql, deps.config.dataDir, imp.fileId ?? '');
    const mapping = storedMapping(imp.mapping, imp.headers);
    if (!mapping) throw new Error('import has no valid mapping');
    const checked = checkRows(sheet, mapping, await loadRowContext(sql, deps.clock()));
    let kept = 0;
    for (let i = 0; i < checked.length; i += BATCH_SIZE) {
      const batch = checked.slice(i, i + BATCH_SIZE);
      const counts = await withRetry(() => writeBatch(deps, imp, actorUserId, batch, MAX_ISSUES - kept));
      if (!counts) return; // Marked interrupted meanwhile: stop quietly.
      kept += counts.kept;
    }
    const done = await repo.finishImport(sql, imp.id, { status: 'done', failure: null, now: deps.clock() });
    if (done) await auditImport(deps, done, actorUserId, 'commit');
  } catch (err) {
    deps.logger.error({ err, importId: imp.id }, 'import run failed');
    const failed = await repo.finishImport(sql, imp.id, {
      status: 'failed',
      failure: 'error',
      now: deps.clock(),
    });
    if (failed) await auditImport(deps, failed, actorUserId, 'commit_failed');
  }
}

/** One transaction: the upsert, the per-row outcomes and the progress counters commit together. */
async function writeBatch(
  deps: RunnerDeps,
  imp: repo.ImportRow,
  actorUserId: string,
  batch: CheckedRow[],
  room: number,
): Promise<{ kept: number } | null> {
  return deps.sql.begin(async (tx) => {
    const valid = batch.filter((r) => r.ok);
    const result = await upsertRows(tx, valid, {
      importId: imp.id,
      actorUserId,
      officeId: imp.organizationId,
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
    await repo.insertOutcomes(tx, imp.id, outcomes);
    const issues: RowIssue[] = [...batch.flatMap((r) => r.issues), ...result.issues]
      .sort((a, b) => a.row - b.row)
      .slice(0, Math.max(0, room));
    const count = (o: repo.Outcome) => outcomes.filter((x) => x.outcome === o).length;
    const ok = await repo.recordBatch(tx, imp.id, {
      processed: batch.length,
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      rejected: count('rejected'),
      errors: issues,
    });
    return ok ? { kept: issues.length } : null;
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
