/**
 * The server half of `bench:hostile`: the real app on a real HTTP server with the import
 * worker, in a process of its own so that the event-loop delay and RSS measured are the
 * server's alone. Driven over IPC by tests/bench/hostile.ts: `reset` starts a measurement,
 * `report` answers with the maximum loop delay and the peak RSS since.
 */
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import { createApp } from '../../src/app.js';
import { createLucia } from '../../src/auth/lucia.js';
import { loadConfig } from '../../src/config.js';
import { connectDb } from '../../src/db/client.js';
import { startJobs } from '../../src/jobs/queue.js';
import { registerWorkers } from '../../src/jobs/workers.js';
import { createLogger } from '../../src/logger.js';
import { createMailer } from '../../src/mail/mailer.js';

async function main() {
  const [url, dataDir] = process.argv.slice(2) as [string, string];
  const db = connectDb(url, { max: 10 });
  const logger = createLogger('silent');
  const config = loadConfig({ DATABASE_URL: url, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const jobs = await startJobs(url, logger, { workers: true });
  const mailer = createMailer({ from: config.mailFrom, sql: db.sql, logger });
  await registerWorkers(jobs, { sql: db.sql, mailer, logger, config });
  const app = createApp({
    sql: db.sql,
    config,
    logger,
    lucia: createLucia(db.authSql, config),
    clock: () => new Date(),
    jobs,
    mailer,
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let peak = process.memoryUsage().rss;
  setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20).unref();
  process.on('message', async (m: string) => {
    if (m === 'reset') {
      delay.reset();
      peak = process.memoryUsage().rss;
      process.send?.({ type: 'reset' });
    } else if (m === 'report') {
      peak = Math.max(peak, process.memoryUsage().rss);
      process.send?.({ type: 'report', delayMs: delay.max / 1e6, rss: peak });
    } else if (m === 'stop') {
      server.close();
      await jobs.stop().catch(() => {});
      await db.close();
      process.exit(0);
    }
  });
  process.send?.({ type: 'ready', port: (server.address() as AddressInfo).port });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
