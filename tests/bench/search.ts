/**
 * Search benchmark: 100,000 synthetic suppliers in a fresh embedded PostgreSQL, a fixed mix of
 * queries in six classes, p50/p95 per class for the engine call and through HTTP (the real app
 * on @hono/node-server). Run with `npx tsx tests/bench/search.ts` (a few minutes on two cores).
 * Options: BENCH_SUPPLIERS (default 100000), BENCH_ROUNDS (default 30).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { createSearch } from '../../search/create.js';
import { emptyQuery, type SupplierQuery } from '../../search/engine.js';
import { createApp } from '../../src/app.js';
import { createLucia } from '../../src/auth/lucia.js';
import { registerUser } from '../../src/auth/service.js';
import { loadConfig } from '../../src/config.js';
import { connectDb } from '../../src/db/client.js';
import { freePort, startEmbeddedPostgres } from '../../src/db/embedded.js';
import { migrate } from '../../src/db/migrate.js';
import { createLogger } from '../../src/logger.js';
import { createMailer } from '../../src/mail/mailer.js';
import { syncReferenceData } from '../../src/reference/sync.js';
import { DEMO_TODAY } from '../../src/seed/demo-suppliers.js';
import { loadSupplierSeeds } from '../../src/seed/load.js';
import { syntheticSuppliers } from '../../src/seed/synthetic.js';
import { createApiToken } from '../../src/tokens/service.js';

const SUPPLIERS = Number(process.env.BENCH_SUPPLIERS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);

type Class = 'text' | 'text + filters' | 'facets only' | 'radius' | 'typo' | 'bilingual';

/** [class, API query string]; the engine gets the same query, parsed as the API would. */
const MIX: [Class, string][] = [
  ['text', 'q=bubut'],
  ['text', 'q=pengelasan'],
  ['text', 'q=bengkel'],
  ['text', 'q=pemesinan+cnc'],
  ['text', 'q=jasa+bubut+poros'],
  ['text + filters', 'q=bubut&province=32&certifications=iso-9001'],
  ['text + filters', 'q=las&verified=true&materials=carbon-steel,mild-steel'],
  ['text + filters', 'q=cor&sectors=automotive&sort=tkdn'],
  ['text + filters', 'q=stainless&tkdn_min=30&employees_min=10'],
  ['facets only', ''],
  ['facets only', 'processes=turning'],
  ['facets only', 'certifications=iso-9001,sni&province=35'],
  ['facets only', 'materials=stainless-steel&processes=turning,milling&sort=name'],
  ['facets only', 'employees_min=50&employees_max=150&sort=recent'],
  ['radius', 'estate=smartpolitan-subang&radius_km=60'],
  ['radius', 'near=-7.45,112.72&radius_km=25&sort=distance'],
  ['radius', 'estate=amman-smelter-sumbawa-barat&radius_km=100&q=las'],
  ['radius', 'estate=kih-safe-and-lock-sidoarjo&radius_km=40&processes=turning&sort=distance'],
  ['typo', 'q=bubud'],
  ['typo', 'q=stainlss'],
  ['typo', 'q=pengelsan'],
  ['typo', 'q=fabrikasy+bubud'],
  ['bilingual', 'q=turning+stainless'],
  ['bilingual', 'q=welding+carbon+steel'],
  ['bilingual', 'q=casting+foundry'],
  ['bilingual', 'q=laser+cutting'],
  ['bilingual', 'q=heat+treatment'],
];

const ESTATES: Record<string, { lat: number; lon: number }> = {};

function toQuery(qs: string): SupplierQuery {
  const p = new URLSearchParams(qs);
  const list = (k: string) => (p.get(k) ?? '').split(',').filter(Boolean);
  const num = (k: string) => (p.has(k) ? Number(p.get(k)) : null);
  const near = p.get('near')?.split(',').map(Number);
  const estate = p.get('estate');
  const q = emptyQuery({
    q: p.get('q') ?? '',
    tkdnMin: num('tkdn_min'),
    employeesMin: num('employees_min'),
    employeesMax: num('employees_max'),
    point: estate ? ESTATES[estate]! : near ? { lat: near[0]!, lon: near[1]! } : null,
    radiusKm: num('radius_km'),
    sort: (p.get('sort') as SupplierQuery['sort']) ?? 'relevance',
    statuses: ['verified'],
    today: DEMO_TODAY,
  });
  for (const k of [
    'processes',
    'materials',
    'certifications',
    'sectors',
    'product_categories',
    'province',
    'regency',
  ] as const)
    q.filters[k] = list(k);
  if (p.has('verified')) q.filters.verified = [p.get('verified') === 'true'];
  return q;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pasok-bench-search-'));
  fs.chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: dir });
  const db = connectDb(pg.url, { max: 10 });
  const log = (m: string) => process.stderr.write(`${m}\n`);
  try {
    await migrate(db.sql);
    await syncReferenceData(db.sql);
    for (const e of await db.sql<
      { slug: string; lat: number; lon: number }[]
    >`select slug, lat, lon from estates`)
      ESTATES[e.slug] = { lat: e.lat, lon: e.lon };
    let t = performance.now();
    await loadSupplierSeeds(db.sql, syntheticSuppliers(SUPPLIERS), {
      onProgress: (n) => process.stderr.write(`\rseeded ${n}/${SUPPLIERS}`),
    });
    await db.sql`analyze`;
    log(`\nseed with search triggers: ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: pg.url,
      LOG_LEVEL: 'silent',
      SEED: 'none',
      APP_ORIGIN: 'http://127.0.0.1',
      DATA_DIR: dir,
    });
    const logger = createLogger('silent');
    const search = createSearch(db.sql, config, logger);
    t = performance.now();
    await search.start({ worker: false });
    while (search.postgres.status().detail?.index !== 'ready') await new Promise((r) => setTimeout(r, 100));
    const heap = process.memoryUsage().heapUsed / 1e6;
    log(
      `in-memory index loaded in ${((performance.now() - t) / 1000).toFixed(1)} s (heap ${heap.toFixed(0)} MB)`,
    );

    const app = createApp({
      sql: db.sql,
      config,
      logger,
      lucia: createLucia(db.authSql, config),
      clock: () => new Date(`${DEMO_TODAY}T03:00:00Z`),
      jobs: null,
      mailer: createMailer({ from: config.mailFrom, sql: db.sql, logger }),
      search: search.engine,
    });
    const port = await freePort();
    const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
    const user = await registerUser(db.sql, {
      email: 'bench@pasok.test',
      name: 'Bench',
      password: 'bench-password-1',
      platformRole: null,
      org: { name: 'PT Bench', kind: 'buyer' },
    });
    const { token } = await createApiToken(db.sql, user.id, 'bench');

    const engineMs = new Map<Class, number[]>();
    const httpMs = new Map<Class, number[]>();
    const totals = new Map<string, number>();
    for (let round = -3; round < ROUNDS; round++) {
      for (const [cls, qs] of MIX) {
        const query = toQuery(qs);
        let s = performance.now();
        const r = await search.engine.search(query);
        const e = performance.now() - s;
        s = performance.now();
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/suppliers?${qs}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const body = (await res.json()) as { total: number };
        const h = performance.now() - s;
        if (res.status !== 200 || body.total !== r.total)
          throw new Error(`${qs}: HTTP ${res.status}, totals ${body.total} vs ${r.total}`);
        totals.set(qs, r.total);
        if (round < 0) continue;
        engineMs.set(cls, [...(engineMs.get(cls) ?? []), e]);
        httpMs.set(cls, [...(httpMs.get(cls) ?? []), h]);
      }
    }
    server.close();

    const rows = [...engineMs.keys()].map((cls) => {
      const e = engineMs.get(cls)!;
      const h = httpMs.get(cls)!;
      return `| ${cls.padEnd(14)} | ${MIX.filter(([c]) => c === cls)
        .length.toString()
        .padStart(
          7,
        )} | ${pct(e, 50).toFixed(1).padStart(10)} | ${pct(e, 95).toFixed(1).padStart(10)} | ${pct(h, 50).toFixed(1).padStart(8)} | ${pct(h, 95).toFixed(1).padStart(8)} | ${Math.max(
        ...h,
      )
        .toFixed(1)
        .padStart(8)} |`;
    });
    const allE = [...engineMs.values()].flat();
    const allH = [...httpMs.values()].flat();
    console.log(
      `\nPostgreSQL engine, ${SUPPLIERS.toLocaleString('en')} suppliers, ${os.cpus().length} cores, ${ROUNDS} rounds of ${MIX.length} queries (ms)\n`,
    );
    console.log('| class          | queries | engine p50 | engine p95 | HTTP p50 | HTTP p95 | HTTP max |');
    console.log('|----------------|---------|------------|------------|----------|----------|----------|');
    for (const r of rows) console.log(r);
    console.log(
      `| all            | ${String(MIX.length).padStart(7)} | ${pct(allE, 50).toFixed(1).padStart(10)} | ${pct(allE, 95).toFixed(1).padStart(10)} | ${pct(allH, 50).toFixed(1).padStart(8)} | ${pct(allH, 95).toFixed(1).padStart(8)} | ${Math.max(
        ...allH,
      )
        .toFixed(1)
        .padStart(8)} |`,
    );
    console.log('\nresult counts:');
    for (const [qs, n] of totals) console.log(`  ${String(n).padStart(6)}  ${qs || '(browse all)'}`);
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
