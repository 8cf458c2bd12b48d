import fs from 'node:fs/promises';
import path from 'node:path';
import type { Sql } from '../db/client.js';
import type { Jobs } from '../jobs/queue.js';
import type { Logger } from '../logger.js';
import { claimNextRun } from '../saved-searches/repo.js';
import { ORPHAN_GRACE_MS } from './limits.js';
import { deleteUnreferencedFiles, findKnownKeys } from './repo.js';
import { deleteBlob, isStorageKey } from './storage.js';

export const GC_JOB = 'files-gc';
/** The sweep runs nightly at 02:00 WIB (19:00 UTC), when nobody uploads. */
const GC_HOUR_UTC = 19;
const BATCH = 500;

export interface GcDeps {
  sql: Sql;
  dataDir: string;
  logger: Logger;
}

export interface GcResult {
  /** File rows nothing referenced, deleted with their blobs. */
  rows: number;
  /** Blobs on disk without a file row, deleted. */
  blobs: number;
}

/**
 * Collects what replacements, deletions and crashes left behind, older than the grace period:
 * first file rows nothing points at (row, then blob after the commit), then blobs on disk that
 * no row knows. A young blob may belong to an upload whose transaction has not committed yet,
 * so it is always kept.
 */
export async function collectOrphans(deps: GcDeps, now: Date, graceMs = ORPHAN_GRACE_MS): Promise<GcResult> {
  const cutoff = new Date(now.getTime() - graceMs);
  let rows = 0;
  for (;;) {
    const keys = await deps.sql.begin((tx) => deleteUnreferencedFiles(tx, cutoff, BATCH));
    for (const key of keys) await deleteBlob(deps.dataDir, key);
    rows += keys.length;
    if (keys.length < BATCH) break;
  }
  let blobs = 0;
  let batch: string[] = [];
  const sweep = async () => {
    const known = await findKnownKeys(deps.sql, batch);
    for (const key of batch)
      if (!known.has(key) && (await olderThan(deps.dataDir, key, cutoff))) {
        await deleteBlob(deps.dataDir, key);
        blobs++;
      }
    batch = [];
  };
  for await (const key of walkBlobs(deps.dataDir)) {
    batch.push(key);
    if (batch.length >= BATCH) await sweep();
  }
  await sweep();
  return { rows, blobs };
}

/** Storage keys under DATA_DIR/uploads, one fan-out folder at a time (never the whole tree in memory). */
async function* walkBlobs(dataDir: string): AsyncGenerator<string> {
  const root = path.join(dataDir, 'uploads');
  const dirs = await fs.readdir(root, { withFileTypes: true }).catch(() => []);
  for (const d of dirs) {
    if (!d.isDirectory()) continue;
    const dir = await fs.opendir(path.join(root, d.name)).catch(() => null);
    if (!dir) continue;
    for await (const f of dir) {
      const key = `${d.name}/${f.name}`;
      if (f.isFile() && isStorageKey(key)) yield key;
    }
  }
}

async function olderThan(dataDir: string, key: string, cutoff: Date): Promise<boolean> {
  const st = await fs.stat(path.join(dataDir, 'uploads', key)).catch(() => null);
  return st !== null && st.mtime < cutoff;
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
