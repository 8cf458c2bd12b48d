import cluster from 'node:cluster';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createSearch } from '../search/create.js';
import { createApp } from './app.js';
import { createLucia } from './auth/lucia.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import type { Sql } from './db/client.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import { migrateDiskFiles } from './files/disk-migration.js';
import { startJobs } from './jobs/queue.js';
import { registerWorkers } from './jobs/workers.js';
import { createLogger, type Logger } from './logger.js';
import { createMailer } from './mail/mailer.js';
import { configureCandidates, currentIndex } from './matching/candidate-index.js';
import { runPrimary, workerCount } from './process/cluster.js';
import { trackConnections, trackWork } from './process/drain.js';
import { installProcessGuards } from './process/guards.js';
import { onShutdownSignal } from './process/signals.js';
import { guardWorkerIpc } from './process/worker-ipc.js';
import { syncReferenceData } from './reference/sync.js';
import { seedDemo } from './seed/demo.js';

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const workers = workerCount(config);
  if (cluster.isPrimary && workers > 1) return primary(config, logger, workers);
  const t0 = performance.now();
  let stopEmbedded: () => Promise<void> = async () => {};
  installProcessGuards(logger, () => stopEmbedded());
  const db = await openDatabase(config, logger, { ownSignals: true, supervise: true });
  stopEmbedded = db.stopEmbedded;
  // In a cluster the primary prepared the database; a follower only serves requests.
  const lead = config.clusterRole !== 'follower';
  if (!config.clusterRole) await prepareDatabase(db.sql, config, logger);
  const lucia = createLucia(db.authSql, config);
  // Before any job or request can rank a need: the first ranking builds matching's index this way.
  configureCandidates(db.sql, { snapshots: lead ? 'write' : 'read', logger });
  const jobs = await startJobs(db.url, logger, { workers: lead });
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    sql: db.sql,
    logger,
  });
  if (lead) await registerWorkers(jobs, { sql: db.sql, mailer, logger, config });
  // Every instance starts from the stored index snapshot; the lead also keeps it current.
  const search = createSearch(db.sql, config, logger, { snapshots: lead ? 'write' : 'read' });
  await search.start({ worker: lead });
  // Load the matching candidates once the search index is in, not beside it: on two cores the
  // two loads would slow each other (and pile up each other's garbage), and search is what
  // /readyz waits for. A match asked for earlier builds the index on demand, as before.
  void search
    .indexLoaded()
    .then(() => currentIndex(db.sql))
    .catch((err: unknown) => logger.error({ err }, 'matching index failed to load'));
  const app = createApp({
    sql: db.sql,
    config,
    logger,
    lucia,
    clock: () => new Date(),
    jobs,
    mailer,
    search: search.engine,
  });
  listen(app, { config, logger, t0, jobs, search, db });
}

/** Migrations, reference data and the demo seed: once per start, before any request is served. */
async function prepareDatabase(sql: Sql, config: Config, logger: Logger): Promise<void> {
  const applied = await migrate(sql);
  if (applied.length) logger.info({ applied }, 'migrations applied');
  await migrateDiskFiles({ sql, dataDir: config.dataDir, logger });
  const reference = await syncReferenceData(sql);
  logger.info(reference, 'reference data synced');
  if (config.seed === 'demo') {
    const result = await seedDemo(sql);
    if (result.created) {
      logger.info('demo data loaded; demo logins (password for all: %s):', result.password);
      for (const u of result.users) logger.info(`  ${u.role.padEnd(12)} ${u.email}`);
    }
  }
}

/** The cluster primary: one embedded PostgreSQL, prepared once, then `n` workers (src/process/cluster.ts). */
async function primary(config: Config, logger: Logger, n: number): Promise<void> {
  const db = await openDatabase(config, logger, { supervise: true });
  installProcessGuards(logger, () => db.stopEmbedded());
  await prepareDatabase(db.sql, config, logger);
  const c = runPrimary({
    n,
    databaseUrl: db.url,
    logger,
    onDrained: async () => {
      await db.shutdown();
      logger.info('cluster stopped cleanly');
      process.exit(0);
    },
  });
  onShutdownSignal((signal) => void c.stop(signal));
}

function listen(
  app: ReturnType<typeof createApp>,
  ctx: {
    config: Config;
    logger: Logger;
    t0: number;
    jobs: Awaited<ReturnType<typeof startJobs>>;
    search: ReturnType<typeof createSearch>;
    db: Awaited<ReturnType<typeof openDatabase>>;
  },
) {
  const { config, logger, t0, jobs, search, db } = ctx;
  const work = trackWork();
  const fetch = work.wrap(app.fetch);
  const server = serve({ fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info(
      {
        port: info.port,
        origin: config.appOrigin,
        bootMs: Math.round(performance.now() - t0),
        pid: process.pid,
        role: config.clusterRole ?? 'single',
      },
      `Pasok listening on ${config.appOrigin}`,
    );
  });

  const drain = trackConnections(server as Server);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining connections');
    if (!(await drain.close(10_000))) logger.warn('drain timed out; remaining connections were cut');
    if (!(await work.idle(5_000))) logger.warn('requests still running after the drain; stopping anyway');
    try {
      await jobs.stop();
      await search.stop();
      await db.shutdown();
      logger.info('stopped cleanly');
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'error during shutdown');
      await db.stopEmbedded().catch(() => {});
      process.exit(1);
    }
  };
  onShutdownSignal((signal) => void shutdown(signal));
  if (cluster.isWorker) guardWorkerIpc(logger, () => void shutdown('disconnect'));
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error('Pasok failed to start:', err);
  }
  process.exit(1);
});
