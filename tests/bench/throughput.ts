/**
 * Throughput benchmark: `npm run bench:throughput`. One database of BENCH_SUPPLIERS synthetic
 * suppliers (default 20,000), then the real server twice against it: WORKERS=1 and WORKERS=auto
 * (one per core), each loaded by 50 connections over the API search mix for BENCH_SECONDS
 * (default 20). Prints req/s and p99 for both and the ratio. Figures only; load average alongside.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { registerUser } from '../../src/auth/service.js';
import { connectDb } from '../../src/db/client.js';
import { startEmbeddedPostgres } from '../../src/db/embedded.js';
import { migrate } from '../../src/db/migrate.js';
import { syncReferenceData } from '../../src/reference/sync.js';
import { createApiToken } from '../../src/tokens/service.js';
import { buildApp, cpuSeconds, loadAvg, loadTest, seedSuppliers, spawnServer } from './lib/scale-env.js';

const SUPPLIERS = Number(process.env.BENCH_SUPPLIERS ?? 20_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const PATHS = [
  'q=bubut',
  'q=pengelasan',
  'processes=turning',
  'q=las&materials=carbon-steel',
  '',
  'q=bubud',
].map((qs) => `/api/v1/suppliers?${qs}`);

async function run(url: string, pid: number, token: string, label: string) {
  await loadTest(url, PATHS, token, 50, 3);
  const before = cpuSeconds(pid);
  const self = process.cpuUsage();
  const r = await loadTest(url, PATHS, token, 50, SECONDS);
  const after = cpuSeconds(pid);
  const own = process.cpuUsage(self);
  // Where the two cores went: the workers, PostgreSQL, and the load generator (this process).
  const share = (s: number) => (s / SECONDS).toFixed(2);
  console.log(
    `${label.padEnd(22)} ${r.rps.toFixed(1).padStart(7)} req/s   p50 ${r.p50.toFixed(0)} ms   p99 ${r.p99.toFixed(0)} ms   ${r.errors} errors   cores used: app ${share(after.server - before.server)}, postgres ${share(after.postgres - before.postgres)}, load generator ${share((own.user + own.system) / 1e6)}   load ${loadAvg()}`,
  );
  return r;
}

/** Every worker answers from its in-memory index, not from the SQL fallback used while loading. */
async function waitIndexed(health: () => Promise<Record<string, unknown> | null>) {
  for (let ready = 0; ready < 20; ) {
    const index = ((await health())?.search as { index?: string } | undefined)?.index;
    ready = index === 'ready' ? ready + 1 : 0;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pasok-bench-tp-'));
  fs.chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: dir });
  const db = connectDb(pg.url, { max: 4 });
  try {
    await migrate(db.sql);
    await syncReferenceData(db.sql);
    await seedSuppliers(db.sql, SUPPLIERS);
    const user = await registerUser(db.sql, {
      email: 'bench@pasok.test',
      name: 'Bench',
      password: 'bench-password-1',
      platformRole: 'admin',
      org: null,
    } as never);
    const { token } = await createApiToken(db.sql, user.id, 'bench');
    console.log(
      `Throughput, ${SUPPLIERS.toLocaleString('en')} suppliers, 50 connections, ${SECONDS} s, ${os.availableParallelism()} cores`,
    );
    buildApp();
    const results = [];
    for (const workers of ['1', 'auto']) {
      const server = await spawnServer({ DATABASE_URL: pg.url, WORKERS: workers });
      await waitIndexed(server.health);
      results.push(await run(server.url, server.pid, token, `WORKERS=${workers}`));
      await server.stop();
    }
    console.log(`speed-up ${(results[1]!.rps / results[0]!.rps).toFixed(2)}x`);
  } finally {
    await db.close();
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
