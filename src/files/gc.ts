import type { Sql } from '../db/client.js';
import type { Jobs } from '../jobs/queue.js';
import type { Logger } from '../logger.js';
import { claimNextRun } from '../saved-searches/repo.js';
import { deleteUnreferencedBlobs } from './blob-repo.js';
import { ORPHAN_GRACE_MS } from './limits.js';
import { deleteUnreferencedFiles } from './repo.js';
import { deleteBlob } from './storage.js';

export const GC_JOB = 'files-gc';
/** The sweep runs nightly at 02:00 WIB (19:00 UTC), when nobody uploads. */
const GC_HOUR_UTC = 19;
const BATCH = 500;

export interface GcDeps {
  sql: Sql;
  logger: Logger;
}

export interface GcResult {
  /** File rows nothing referenced, deleted with their blobs. */
  rows: number;
  /** Blobs no file row or mail points at (or left incomplete by a crash), deleted. */
  blobs: number;
}

/**
 * Collects what replacements, deletions and crashes left behind, older than the grace period:
 * first file rows nothing points at (row, then blob after the commit), then blobs that no file
 * row or mail knows. A young blob may belong to an upload whose transaction has not committed
 * yet, so it is always kept.
 */
export async function collectOrphans(deps: GcDeps, now: Date, graceMs = ORPHAN_GRACE_MS): Promise<GcResult> {
  const cutoff = new Date(now.getTime() - graceMs);
  let rows = 0;
  for (;;) {
    const keys = await deps.sql.begin((tx) => deleteUnreferencedFiles(tx, cutoff, BATCH));
    for (const key of keys) await deleteBlob(deps.sql, key);
    rows += keys.length;
    if (keys.length < BATCH) break;
  }
  let blobs = 0;
  for (;;) {
    const n = await deleteUnreferencedBlobs(deps.sql, cutoff, BATCH);
    blobs += n;
    if (n < BATCH) break;
  }
  return { rows, blobs };
}

/** The first 02:00 WIB strictly after `now`. */
export function nextGcAt(now: Date): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), GC_HOUR_UTC));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/**
 * Queues the next nightly sweep unless one is pending (idempotent across restarts and instances):
 * called when the workers start and by the sweep itself.
 */
export async function ensureGcScheduled(sql: Sql, jobs: Jobs | null, now: Date): Promise<void> {
  if (!jobs) return;
  const next = nextGcAt(now);
  await sql.begin(async (tx) => {
    if (await claimNextRun(tx, GC_JOB, next, new Date(now.getTime() + 5 * 60_000)))
      await jobs.send('files.gc', {}, { startAfter: next }, tx);
  });
}

/** The `files.gc` worker: queues the next night first, then sweeps. */
export function filesGcHandler(deps: GcDeps & { jobs: Jobs | null; clock: () => Date }) {
  return async () => {
    await ensureGcScheduled(deps.sql, deps.jobs, deps.clock());
    const result = await collectOrphans(deps, deps.clock());
    deps.logger.info(result, 'orphaned files collected');
  };
}
