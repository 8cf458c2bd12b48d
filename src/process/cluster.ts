import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';

/** How many HTTP workers to run: WORKERS=auto is one per core; 1 means no cluster at all. */
export function workerCount(config: Pick<Config, 'workers'>): number {
  return config.workers === 'auto' ? availableParallelism() : config.workers;
}

/** A worker that dies sooner than this after its start counts as a crash loop and is restarted more slowly. */
const QUICK_DEATH_MS = 5_000;

/**
 * The cluster primary: it serves nothing itself. It has already prepared the database (started the
 * embedded PostgreSQL once, migrated, synced reference data), then forks `n` workers that share
 * the port and connect to that database by URL. Worker 1 is the lead: only it runs pg-boss workers
 * and schedules and the search outbox, so cron jobs and the drain are not duplicated; the others
 * only serve requests (and enqueue jobs). A worker that dies is forked again in the same role, the
 * lead included. SIGINT/SIGTERM are passed to every worker; `onDrained` runs once all have exited.
 */
export function runPrimary(opts: {
  n: number;
  databaseUrl: string;
  logger: Logger;
  onDrained: () => Promise<void>;
}): { stop: (signal: string) => Promise<void> } {
  const { n, databaseUrl, logger } = opts;
  const roles = new Map<Worker, 'lead' | 'follower'>();
  const startedAt = new Map<Worker, number>();
  let stopping = false;
  let quickDeaths = 0;

  const fork = (role: 'lead' | 'follower') => {
    const w = cluster.fork({ DATABASE_URL: databaseUrl, PASOK_CLUSTER_ROLE: role, WORKERS: '1' });
    roles.set(w, role);
    startedAt.set(w, Date.now());
  };

  cluster.on('exit', (w, code, signal) => {
    const role = roles.get(w) ?? 'follower';
    roles.delete(w);
    const lived = Date.now() - (startedAt.get(w) ?? 0);
    startedAt.delete(w);
    if (stopping) return;
    quickDeaths = lived < QUICK_DEATH_MS ? quickDeaths + 1 : 0;
    const delay = Math.min(30_000, 250 * 2 ** Math.min(quickDeaths, 7));
    logger.error(
      { pid: w.process.pid, code, signal, role, restartInMs: delay },
      'worker died; restarting it',
    );
    setTimeout(() => !stopping && fork(role), delay).unref();
  });

  for (let i = 0; i < n; i++) fork(i === 0 ? 'lead' : 'follower');
  logger.info({ workers: n }, 'cluster started');

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, workers: roles.size }, 'cluster shutting down: draining every worker');
    const exited = [...roles.keys()].map(
      (w) => new Promise<void>((resolve) => (w.isDead() ? resolve() : w.once('exit', () => resolve()))),
    );
    for (const w of roles.keys()) w.process.kill(signal as NodeJS.Signals);
    await Promise.all(exited);
    await opts.onDrained();
  };
  return { stop };
}
