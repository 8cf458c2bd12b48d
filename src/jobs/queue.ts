import PgBoss from 'pg-boss';
import type { Db } from '../db/client.js';
import { isDatabaseUnavailable } from '../db/faults.js';
import type { Logger } from '../logger.js';

/** Every queue the app uses; created idempotently at start. */
export const QUEUES = [
  'mail.send',
  'notifications.digest',
  'needs.match',
  'events.notify',
  'events.changes',
  'outcomes.remind',
  'imports.run',
  'files.gc',
] as const;
export type QueueName = (typeof QUEUES)[number];

export interface SendOptions {
  startAfter?: Date;
  singletonKey?: string;
  retryLimit?: number;
}

export type JobHandler<T> = (data: T, meta: { id: string; name: QueueName }) => Promise<void>;

/**
 * The app's one job mechanism: pg-boss on the same PostgreSQL, so jobs survive restarts
 * and are retried with backoff. `send` accepts the caller's transaction, so a job is
 * enqueued if and only if the change that caused it commits.
 */
export interface Jobs {
  send<T extends object>(name: QueueName, data: T, opts?: SendOptions, tx?: Db): Promise<string | null>;
  work<T>(name: QueueName, handler: JobHandler<T>): Promise<void>;
  /** Runs every due job of a queue now, in this process (tests and the CLI use it). */
  drain<T>(name: QueueName, handler: JobHandler<T>): Promise<number>;
  stop(): Promise<void>;
}

/** Adapts a postgres.js handle (or transaction) to pg-boss's executor interface. */
function executor(db: Db): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      // pg-boss leaves optional parameters undefined (node-postgres sends NULL); postgres.js refuses undefined.
      const rows = await db.unsafe(text, values.map((v) => (v === undefined ? null : v)) as never[]);
      return { rows: [...rows] };
    },
  };
}

/**
 * pg-boss keeps polling through a database outage and reports every failed poll; one
 * warning per half minute says the same without burying the log. Other errors are logged in full.
 */
function outageAwareLogger(logger: Logger): (err: Error) => void {
  let lastWarned = 0;
  return (err) => {
    if (!isDatabaseUnavailable(err)) return logger.error({ err }, 'job queue error');
    if (Date.now() - lastWarned < 30_000) return;
    lastWarned = Date.now();
    logger.warn(
      { code: (err as { code?: string }).code, message: err.message },
      'job queue: database unavailable',
    );
  };
}

/** Installs pg-boss's schema and queues (idempotent). */
export async function installJobs(connectionString: string): Promise<void> {
  const boss = new PgBoss({ connectionString, max: 2, supervise: false, schedule: false });
  await boss.start();
  for (const q of QUEUES)
    if (!(await boss.getQueue(q)))
      await boss.createQueue(q, { name: q, retryLimit: 5, retryBackoff: true, retryDelay: 30 });
  await boss.stop({ graceful: false, wait: true });
}

/** Starts pg-boss; `workers: false` gives a send-only instance (tests, CLI). */
export async function startJobs(
  connectionString: string,
  logger: Logger,
  opts: { workers?: boolean } = {},
): Promise<Jobs> {
  const workers = opts.workers ?? true;
  const boss = new PgBoss({
    connectionString,
    max: 4,
    supervise: workers,
    schedule: workers,
    migrate: true,
  });
  boss.on('error', outageAwareLogger(logger));
  await boss.start();
  for (const q of QUEUES)
    if (!(await boss.getQueue(q)))
      await boss.createQueue(q, { name: q, retryLimit: 5, retryBackoff: true, retryDelay: 30 });
  return {
    send: (name, data, o = {}, tx) =>
      boss.send(name, data, {
        ...(o.startAfter ? { startAfter: o.startAfter } : {}),
        ...(o.singletonKey ? { singletonKey: o.singletonKey } : {}),
        ...(o.retryLimit !== undefined ? { retryLimit: o.retryLimit } : {}),
        ...(tx ? { db: executor(tx) } : {}),
      }),
    async work(name, handler) {
      await boss.work(name, { batchSize: 1, pollingIntervalSeconds: 2 }, async (jobs) => {
        for (const job of jobs) await handler(job.data as never, { id: job.id, name });
      });
    },
    async drain(name, handler) {
      let n = 0;
      for (;;) {
        const jobs = await boss.fetch(name, { batchSize: 50 });
        if (!jobs.length) return n;
        for (const job of jobs) {
          try {
            await handler(job.data as never, { id: job.id, name });
            await boss.complete(name, job.id);
          } catch (err) {
            await boss.fail(name, job.id, { message: err instanceof Error ? err.message : String(err) });
          }
          n += 1;
        }
      }
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
