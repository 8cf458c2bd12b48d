import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearch } from '../../search/create.js';
import { createApp } from '../../src/app.js';
import { createLucia } from '../../src/auth/lucia.js';
import { loadConfig } from '../../src/config.js';
import type { Deps } from '../../src/context.js';
import { connectDb, type DbHandle } from '../../src/db/client.js';
import { type EmbeddedDb, startEmbeddedPostgres } from '../../src/db/embedded.js';
import { migrate } from '../../src/db/migrate.js';
import { runningPostmaster } from '../../src/db/postmaster.js';
import { type Jobs, startJobs } from '../../src/jobs/queue.js';
import { createLogger } from '../../src/logger.js';
import { createMailer } from '../../src/mail/mailer.js';
import { syncReferenceData } from '../../src/reference/sync.js';

const ORIGIN = 'http://pasok.test';
/** Long enough to watch the outage from the outside before the supervisor restarts PostgreSQL. */
const FIRST_RESTART_DELAY_MS = 4_000;

let dir: string;
let pg: EmbeddedDb;
let db: DbHandle;
let jobs: Jobs;
let app: ReturnType<typeof createApp>;
let sessionCookie: string;
const handled: string[] = [];
const warnings: string[] = [];

async function until<T>(what: string, probe: () => Promise<T | undefined>, limitMs = 60_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const health = () => app.request('/healthz');
const suppliersPage = () => app.request('/suppliers?q=kayu');
const loginAttempt = () =>
  app.request('/login', {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'email=nobody%40pasok.test&password=not-the-password',
  });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pasok-outage-'));
  fs.chmodSync(dir, 0o755);
  pg = await startEmbeddedPostgres({
    dataDir: dir,
    supervise: { firstDelayMs: FIRST_RESTART_DELAY_MS },
    warn: (m) => warnings.push(m),
  });
  db = connectDb(pg.url);
  await migrate(db.sql);
  await syncReferenceData(db.sql);
  const logger = createLogger('silent');
  const config = loadConfig({
    NODE_ENV: 'test',
    APP_ORIGIN: ORIGIN,
    LOG_LEVEL: 'silent',
    DATABASE_URL: pg.url,
    DATA_DIR: dir,
  });
  sessionCookie = config.sessionCookieName;
  jobs = await startJobs(pg.url, logger, { workers: true });
  await jobs.work<{ tag: string }>('mail.send', async (data) => {
    handled.push(data.tag);
  });
  const search = createSearch(db.sql, config, logger, { waitForIndex: true });
  const deps: Deps = {
    sql: db.sql,
    config,
    logger,
    lucia: createLucia(db.authSql, config),
    clock: () => new Date(),
    jobs,
    mailer: createMailer({ from: config.mailFrom, sql: db.sql, logger }),
    search: search.engine,
  };
  app = createApp(deps);
}, 120_000);

afterAll(async () => {
  await jobs?.stop();
  await db?.close();
  await pg?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('a PostgreSQL that dies under load', () => {
  it('answers 503 while it is down, survives, and serves again once the supervisor restarted it', async () => {
    expect((await health()).status).toBe(200);
    expect((await suppliersPage()).status).toBe(200);
    expect((await loginAttempt()).status).toBe(422);
    const postmaster = runningPostmaster(path.join(dir, 'pg'));
    expect(postmaster).not.toBeNull();

    // Transactions in flight when the postmaster dies are what used to crash the process.
    let stopLoad = false;
    const outcomes = { committed: 0, failed: 0 };
    const load = Array.from({ length: 6 }, async () => {
      while (!stopLoad) {
        try {
          await db.sql.begin(async (tx) => {
            await tx`select pg_sleep(0.02)`;
            await tx`select 1`;
          });
          outcomes.committed += 1;
        } catch {
          outcomes.failed += 1;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    });
    await until('load to run', async () => (outcomes.committed > 10 ? true : undefined));

    process.kill(postmaster?.pid ?? 0, 'SIGKILL');

    const down = await until('healthz to report the outage', async () => {
      const res = await health();
      return res.status === 503 ? res : undefined;
    });
    expect(await down.json()).toMatchObject({ status: 'error', db: 'down' });
    const page = await suppliersPage();
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toBe('5');
    expect(await page.text()).not.toMatch(/at .*\.ts:\d+/);
    const login = await loginAttempt();
    expect(login.status).toBe(503);
    const withSession = await app.request('/', {
      headers: { cookie: `${sessionCookie}=nosuchsession0000000000000000000` },
    });
    expect(withSession.status).toBe(503);
    const api = await app.request('/api/v1/suppliers?q=kayu', {
      headers: { authorization: 'Bearer pasok_not-a-real-token' },
    });
    expect(api.status).toBe(503);
    expect(await api.json()).toMatchObject({ error: { code: 'unavailable' } });

    await until('healthz to recover', async () => ((await health()).status === 200 ? true : undefined));
    stopLoad = true;
    await Promise.all(load);
    expect(outcomes.failed).toBeGreaterThan(0);
    expect(pg.supervisor?.restarts).toBe(1);
    expect(warnings).toContain('embedded PostgreSQL restarted');
    expect(runningPostmaster(path.join(dir, 'pg'))?.pid).not.toBe(postmaster?.pid);

    await until('pages to serve again', async () =>
      (await suppliersPage()).status === 200 ? true : undefined,
    );
    expect((await loginAttempt()).status).toBe(422);
    const unknownToken = await app.request('/api/v1/suppliers?q=kayu', {
      headers: { authorization: 'Bearer pasok_not-a-real-token' },
    });
    expect(unknownToken.status).toBe(401);
    const [row] = await db.sql`select count(*)::int as n from schema_migrations`;
    expect(row?.n).toBeGreaterThan(0);
  }, 120_000);

  it('keeps running pg-boss workers after the restart', async () => {
    await until('a job sent after the outage', async () =>
      (await jobs.send('mail.send', { tag: 'after-outage' })) ? true : undefined,
    );
    await until('the worker to handle it', async () => (handled.includes('after-outage') ? true : undefined));
  }, 90_000);
});
