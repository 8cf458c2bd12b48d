import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { connectDb } from '../../src/db/client.js';
import { ensureDatabase, startEmbeddedPostgres } from '../../src/db/embedded.js';
import { migrate } from '../../src/db/migrate.js';
import { installJobs } from '../../src/jobs/queue.js';
import { syncReferenceData } from '../../src/reference/sync.js';

export const TEMPLATE_DB = 'pasok_template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the test cluster (database `postgres`). */
    pgAdminUrl: string;
    templateDb: string;
  }
}

/**
 * One PostgreSQL for the whole run: TEST_DATABASE_URL's server, or an embedded one in
 * a temporary directory (under /tmp so the `postgres` user can reach it when run as root).
 * A template database is migrated once; each test file clones it.
 */
export default async function setup(project: TestProject) {
  let stop: () => Promise<void> = async () => {};
  let tmp: string | null = null;
  let adminUrl: string;
  if (process.env.TEST_DATABASE_URL) {
    const u = new URL(process.env.TEST_DATABASE_URL);
    u.pathname = '/postgres';
    adminUrl = u.toString();
  } else {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pasok-test-'));
    fs.chmodSync(tmp, 0o755);
    const pg = await startEmbeddedPostgres({ dataDir: tmp });
    adminUrl = pg.url.replace(/\/pasok$/, '/postgres');
    stop = pg.stop;
  }
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${TEMPLATE_DB}`);
  await admin.end();
  await ensureDatabase(adminUrl, TEMPLATE_DB);
  const templateUrl = adminUrl.replace(/\/postgres$/, `/${TEMPLATE_DB}`);
  const db = connectDb(templateUrl, { max: 1 });
  await migrate(db.sql);
  await syncReferenceData(db.sql);
  await db.close();
  await installJobs(templateUrl);

  project.provide('pgAdminUrl', adminUrl);
  project.provide('templateDb', TEMPLATE_DB);

  return async () => {
    await stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  };
}
