import { serve } from '@hono/node-server';
import { createSearch } from '../search/create.js';
import { createApp } from './app.js';
import { createLucia } from './auth/lucia.js';
import { ConfigError, loadConfig } from './config.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import { startJobs } from './jobs/queue.js';
import { registerWorkers } from './jobs/workers.js';
import { createLogger } from './logger.js';
import { createMailer } from './mail/mailer.js';
import { syncReferenceData } from './reference/sync.js';
import { seedDemo } from './seed/demo.js';

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const t0 = performance.now();
  const db = await openDatabase(config, logger, { ownSignals: true });
  const applied = await migrate(db.sql);
  if (applied.length) logger.info({ applied }, 'migrations applied');
  const reference = await syncReferenceData(db.sql);
  logger.info(reference, 'reference data synced');
  if (config.seed === 'demo') {
    const result = await seedDemo(db.sql);
    if (result.created) {
      logger.info('demo data loaded; demo logins (password for all: %s):', result.password);
      for (const u of result.users) logger.info(`  ${u.role.padEnd(12)} ${u.email}`);
    }
  }
  const lucia = createLucia(db.authSql, config);
  const jobs = await startJobs(db.url, logger, { workers: true });
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    dataDir: config.dataDir,
    logger,
  });
  await registerWorkers(jobs, { sql: db.sql, mailer, logger, dataDir: config.dataDir });
  const search = createSearch(db.sql, config, logger);
  await search.start();
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

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info(
      { port: info.port, origin: config.appOrigin, bootMs: Math.round(performance.now() - t0) },
      `Pasok listening on ${config.appOrigin}`,
    );
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining connections');
    const force = setTimeout(() => {
      logger.warn('drain timed out; closing remaining connections');
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
    }, 10_000);
    force.unref();
    (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
    server.close(async () => {
      clearTimeout(force);
      try {
        await jobs.stop();
        await search.stop();
        await db.shutdown();
        logger.info('stopped cleanly');
        process.exit(0);
      } catch (err) {
        logger.error({ err }, 'error during shutdown');
        process.exit(1);
      }
    });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error('Pasok failed to start:', err);
  }
  process.exit(1);
});
