/**
 * Scale benchmark: `npm run bench:scale -- --suppliers 1000000`. Seeds N synthetic suppliers in SQL
 * into a fresh embedded PostgreSQL, starts the real server against it (as `npm start` does) and
 * prints seed time, boot-to-serving time, in-memory index build time, the server's RSS when it
 * starts serving / once the index is loaded / after a query mix, API search p50/p95 for a single
 * client, req/s at 50 connections (one worker, then one per core), and matching (first call and p50/p95, in this process).
 * Figures only, never assertions: the machine is shared, so the load average is printed alongside.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { LiveIndex } from '../../search/memory/live.js';
import { registerUser } from '../../src/auth/service.js';
import type { Sql } from '../../src/db/client.js';
import { connectDb } from '../../src/db/client.js';
import { startEmbeddedPostgres } from '../../src/db/embedded.js';
import { migrate } from '../../src/db/migrate.js';
import { currentIndex } from '../../src/matching/candidate-index.js';
import { type MatchableNeed, rankNeed } from '../../src/matching/service.js';
import { syncReferenceData } from '../../src/reference/sync.js';
import { DEMO_TODAY } from '../../src/seed/demo-suppliers.js';
import { createApiToken } from '../../src/tokens/service.js';
import { buildApp, loadAvg, loadTest, pct, secs, seedSuppliers, spawnServer } from './lib/scale-env.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SUPPLIERS = arg('suppliers', 100_000);
const ROUNDS = arg('rounds', 10);
const SECONDS = arg('seconds', 15);

const MIX = [
  'q=bubut',
  'q=pengelasan',
  'q=pemesinan+cnc',
  'q=bubut&province=32&verified=true',
  'q=las&materials=carbon-steel,mild-steel',
  '',
  'processes=turning',
  'materials=stainless-steel&processes=turning,milling&sort=name',
  'near=-7.45,112.72&radius_km=25&sort=distance',
  'q=bubud',
  'q=turning+stainless',
].map((qs) => `/api/v1/suppliers?${qs}`);

/**
 * Searches that are each asked once (a word, a province, a sort and a size band), so no result
 * plan kept by the engine can answer them. They share what people browsing the same directory
 * share: a word asked again with another province or order reuses that word's prepared text
 * and the facet counts that do not depend on the province (kept per index version).
 */
const WORDS = [
  'bubut',
  'las',
  'pengelasan',
  'cnc',
  'pemesinan',
  'frais',
  'bor',
  'gerinda',
  'cetak',
  'baja',
  'logam',
  'komponen',
];
const PROVINCES = [
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '21',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '51',
  '52',
  '53',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '72',
  '73',
  '74',
  '75',
  '76',
  '81',
  '82',
  '91',
  '94',
];
const SORTS = ['relevance', 'name', 'recent'];
function* distinctSearches(): Generator<string> {
  for (const min of [1, 10, 50, 100, 200])
    for (const sort of SORTS)
      for (const province of PROVINCES)
        for (const word of WORDS)
          yield `/api/v1/suppliers?q=${word}&province=${province}&sort=${sort}&employees_min=${min}`;
}

/**
 * Searches that share nothing the engine keeps: two words in every order (132 pairs), and a size
 * band of their own (5 floors × 12 ceilings, every floor below every ceiling), so neither the
 * text, nor the facet counts, nor the band's bitset were seen before: 7,920 before the first
 * repeat, more than any cache of the engine or of compressed answers holds. The worst case.
 */
function* unsharedSearches(): Generator<string> {
  const floors = [1, 10, 50, 100, 200];
  const ceilings = [300, 400, 500, 750, 1000, 1500, 2000, 3000, 5000, 7500, 10000, 20000];
  let i = 0;
  for (const max of ceilings)
    for (const min of floors)
      for (const a of WORDS)
        for (const b of WORDS) {
          if (a === b) continue;
          const province = PROVINCES[i % PROVINCES.length];
          const sort = SORTS[i++ % SORTS.length];
          yield `/api/v1/suppliers?q=${a}+${b}&province=${province}&sort=${sort}&employees_min=${min}&employees_max=${max}`;
        }
}

/**
 * `make`'s searches, over and over: a fast run asks more than one cycle, and a search met again
 * after a full cycle has long left every least-recently-used cache (result plans 256, facet
 * counts 512 records, compressed answers 8 MiB), so it costs what it cost the first time.
 */
function* cycle(make: () => Generator<string>): Generator<string> {
  for (;;) yield* make();
}

const need = (processes: string[], materials: string[], lat: number, lon: number): MatchableNeed => ({
  criteria: {
    processes,
    materials,
    requiredCerts: [],
    preferredCerts: [],
    minTkdn: null,
    quantity: null,
    unit: null,
    frequency: null,
    point: { lat, lon },
    placeName: null,
    maxDistanceKm: 300,
  },
  texts: [],
});
const NEEDS = [
  need(['turning'], ['stainless-steel'], -6.46, 107.63),
  need(['welding', 'piping'], [], -7.45, 112.72),
  need(['turning', 'milling', 'drilling', 'grinding'], ['carbon-steel'], -6.9, 107.6),
];

async function main() {
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pasok-bench-scale-'));
  fs.chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: dir });
  const db = connectDb(pg.url, { max: 10 });
  try {
    await migrate(db.sql);
    await syncReferenceData(db.sql);
    let t = performance.now();
    await seedSuppliers(db.sql, SUPPLIERS, (n) => process.stderr.write(`\rseeded ${n}/${SUPPLIERS}`));
    const seedS = secs(t);
    log(`\nseed: ${seedS} s`);
    const user = await registerUser(db.sql, {
      email: 'bench@pasok.test',
      name: 'Bench',
      password: 'bench-password-1',
      platformRole: 'admin',
      org: null,
    } as never);
    const { token } = await createApiToken(db.sql, user.id, 'bench');

    buildApp();
    const env = { DATABASE_URL: pg.url, WORKERS: process.env.WORKERS ?? '1' };
    // A first start on a database without a snapshot reads every row (and stores a snapshot);
    // every later start, the one measured below, loads that snapshot and catches up.
    const cold = await startAndIndex(env, token);
    t = performance.now();
    // Both snapshots (search's and matching's) before the restart, so it starts from both.
    for (;;) {
      const rows = await db.sql<{ name: string; bytes: number }[]>`
        select name, size_bytes::float8 as bytes from index_snapshots where complete`;
      const mib = (name: string) => (rows.find((r) => r.name === name)?.bytes ?? 0) / 2 ** 20;
      if (mib('search') > 0 && mib('matching') > 0) {
        log(`snapshots stored ${secs(t)} s after the index was ready`);
        cold.snapshotMiB = mib('search');
        cold.matchingSnapshotMiB = mib('matching');
        break;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    await cold.server.stop();
    const warm = await startAndIndex(env, token);
    const { server } = warm;

    /** Milliseconds per request, one at a time. */
    const timed = async (path: string) => {
      const s = performance.now();
      const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      await res.arrayBuffer();
      return performance.now() - s;
    };
    const single: number[] = [];
    for (let r = -2; r < ROUNDS; r++)
      for (const p of MIX) {
        const ms = await timed(p);
        if (r >= 0) single.push(ms);
      }
    const distinct = cycle(distinctSearches);
    const nextDistinct = () => distinct.next().value!;
    const unshared = cycle(unsharedSearches);
    const nextUnshared = () => unshared.next().value!;
    const once: number[] = [];
    for (let i = 0; i < ROUNDS * MIX.length; i++) once.push(await timed(nextDistinct()));
    const alone: number[] = [];
    for (let i = 0; i < ROUNDS * MIX.length; i++) alone.push(await timed(nextUnshared()));
    const rssQueried = server.rssMiB();
    const fifty = await loadTest(server.url, MIX, token, 50, SECONDS);
    const fiftyDistinct = await loadTest(server.url, nextDistinct, token, 50, SECONDS);
    const fiftyUnshared = await loadTest(server.url, nextUnshared, token, 50, SECONDS);
    const rssLoaded = server.rssMiB();
    await server.stop();
    // The same two loads with one worker per core (the "per core" target).
    const cores = os.availableParallelism();
    let cluster: {
      mix: Awaited<ReturnType<typeof loadTest>>;
      once: Awaited<ReturnType<typeof loadTest>>;
      unshared: Awaited<ReturnType<typeof loadTest>>;
    } | null = null;
    if (cores > 1 && env.WORKERS === '1') {
      const all = await spawnServer({ ...env, WORKERS: 'auto' });
      await everyWorkerLoaded(all.url);
      await loadTest(all.url, MIX, token, 50, 3); // new workers: their first seconds are JIT warm-up
      cluster = {
        mix: await loadTest(all.url, MIX, token, 50, SECONDS),
        once: await loadTest(all.url, nextDistinct, token, 50, SECONDS),
        unshared: await loadTest(all.url, nextUnshared, token, 50, SECONDS),
      };
      await all.stop();
    }

    const before = process.memoryUsage().rss;
    t = performance.now();
    const deps = { sql: db.sql, search: null as never };
    // The server loads the candidates at start (from its snapshot on a restart); here they are
    // read from the rows, as on a first start. The first call then only ranks.
    const ix = await currentIndex(db.sql);
    const matchLoadS = secs(t);
    t = performance.now();
    const opts = { statuses: ['verified' as const], today: DEMO_TODAY, limit: 50 };
    const tFirst = performance.now();
    await rankNeed(deps, NEEDS[0]!, opts).catch((e) => log(`match: ${e}`));
    const firstMatchS = ((performance.now() - t) / 1000).toFixed(2);
    const firstRankMs = performance.now() - tFirst;
    const match: number[] = [];
    for (let r = 0; r < ROUNDS; r++)
      for (const n of NEEDS) {
        const s = performance.now();
        await rankNeed(deps, n, opts);
        match.push(performance.now() - s);
      }
    const matchRss = Math.round((process.memoryUsage().rss - before) / 2 ** 20);
    const compaction = await measureCompaction(db.sql, SUPPLIERS);

    const f = (x: number) => x.toFixed(0);
    console.log(
      `\nScale bench, ${SUPPLIERS.toLocaleString('en')} suppliers, ${os.cpus().length} cores, load average ${loadAvg()}`,
    );
    console.log(`seed (SQL generate_series + search triggers)   ${seedS} s`);
    for (const [label, s] of [
      ['first start (no snapshot)', cold],
      ['restart (from snapshot)', warm],
    ] as const)
      console.log(
        `${label.padEnd(27)} serving ${(s.server.servingMs / 1000).toFixed(1)} s, ready (/readyz) ${s.indexS} s, matching loaded ${s.matchingS} s after start, RSS serving / both indexes ${s.rssServing} / ${s.rssIndexed} MiB\n${''.padEnd(27)} while loading, the mix once: ${s.bounded.length} by bounded SQL (p50 / max ${f(pct(s.bounded, 50))} / ${f(Math.max(0, ...s.bounded))} ms), ${s.waited.length} waited for the index (p50 / max ${f(pct(s.waited, 50))} / ${f(Math.max(0, ...s.waited))} ms)`,
      );
    console.log(
      `snapshots stored in PostgreSQL                 search ${cold.snapshotMiB.toFixed(0)} MiB, matching ${cold.matchingSnapshotMiB.toFixed(0)} MiB`,
    );
    console.log(`server RSS after mix / after 50-conn load      ${rssQueried} / ${rssLoaded} MiB`);
    console.log(
      `search, single client, p50 / p95               ${f(pct(single, 50))} / ${f(pct(single, 95))} ms (${single.length} requests: ${MIX.length} searches, ${ROUNDS} rounds, so repeats after the first round)`,
    );
    console.log(
      `search, single client, each search asked once  p50 / p95 ${f(pct(once, 50))} / ${f(pct(once, 95))} ms (${once.length} requests)`,
    );
    console.log(
      `search, single client, sharing nothing kept    p50 / p95 ${f(pct(alone, 50))} / ${f(pct(alone, 95))} ms (${alone.length} requests: two words, a size band of their own)`,
    );
    console.log(
      `search, 50 connections                         ${fifty.rps.toFixed(1)} req/s, p50 ${f(fifty.p50)} p99 ${f(fifty.p99)} ms, ${fifty.errors} errors`,
    );
    console.log(
      `search, 50 connections, each search asked once ${fiftyDistinct.rps.toFixed(1)} req/s, p50 ${f(fiftyDistinct.p50)} p99 ${f(fiftyDistinct.p99)} ms, ${fiftyDistinct.errors} errors (${fiftyDistinct.requests} requests)`,
    );
    console.log(
      `search, 50 connections, sharing nothing kept   ${fiftyUnshared.rps.toFixed(1)} req/s, p50 ${f(fiftyUnshared.p50)} p99 ${f(fiftyUnshared.p99)} ms, ${fiftyUnshared.errors} errors (${fiftyUnshared.requests} requests)`,
    );
    if (cluster)
      console.log(
        `search, 50 connections, ${cores} workers          mix ${cluster.mix.rps.toFixed(1)} req/s (p99 ${f(cluster.mix.p99)} ms); each asked once ${cluster.once.rps.toFixed(1)} req/s (p99 ${f(cluster.once.p99)} ms); sharing nothing ${cluster.unshared.rps.toFixed(1)} req/s (p99 ${f(cluster.unshared.p99)} ms), ${cluster.mix.errors + cluster.once.errors + cluster.unshared.errors} errors`,
      );
    console.log(
      `matching index: ${ix.size.toLocaleString('en')} suppliers, read from the rows in ${matchLoadS} s; first call after load ${firstMatchS} s (rank alone ${f(firstRankMs)} ms); RSS +${matchRss} MiB`,
    );
    console.log(
      `search index in this process: RSS ${compaction.loaded} MiB loaded; refresh over ${compaction.changed.toLocaleString('en')} rewritten suppliers, compacting in place, ${compaction.ms} ms → RSS ${compaction.after} MiB (${compaction.slots.toLocaleString('en')} slots, ${compaction.dead} dead)`,
    );
    console.log(
      `matching p50 / p95                             ${f(pct(match, 50))} / ${f(pct(match, 95))} ms`,
    );
  } finally {
    await db.close();
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Waits until every worker of a cluster has both indexes in: /healthz on a new connection each
 * time (the primary hands connections to the workers in turn), ten answers in a row.
 */
async function everyWorkerLoaded(url: string) {
  const ask = () =>
    new Promise<Record<string, unknown> | null>((resolve) => {
      const req = http.get(`${url}/healthz`, { agent: false }, (res) => {
        let body = '';
        res.on('data', (d) => {
          body += d;
        });
        res.on('end', () => {
          try {
            resolve(JSON.parse(body) as Record<string, unknown>);
          } catch {
            resolve(null);
          }
        });
      });
      req.on('error', () => resolve(null));
    });
  for (let inARow = 0; inARow < 10; ) {
    inARow = (await ask())?.matching ? inARow + 1 : 0;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts a server and, while its index loads, asks every search of the mix at once: bounded SQL
 * answers some at once (a capped total, no facet counts); the others wait for the index.
 */
async function startAndIndex(env: Record<string, string>, token: string) {
  const server = await spawnServer(env);
  const rssServing = server.rssMiB();
  const t = performance.now();
  const bounded: number[] = [];
  const waited: number[] = [];
  // All at once, as people arriving while the instance starts would.
  await Promise.all(
    MIX.map(async (p) => {
      const s = performance.now();
      const res = await fetch(`${server.url}${p}`, { headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`search answered ${res.status}: ${await res.text()}`);
      const body = (await res.json()) as { facets_counted: boolean };
      (body.facets_counted ? waited : bounded).push(performance.now() - s);
    }),
  );
  // Ready for a load balancer: /readyz answers 200 once the in-memory index is loaded.
  while ((await fetch(`${server.url}/readyz`)).status !== 200) await new Promise((r) => setTimeout(r, 200));
  const indexS = ((performance.now() - t + server.servingMs) / 1000).toFixed(1);
  // The matching candidates load next; RSS is taken once both indexes are in.
  while (!(await server.health())?.matching) await new Promise((r) => setTimeout(r, 200));
  const matchingS = ((performance.now() - t + server.servingMs) / 1000).toFixed(1);
  return {
    server,
    rssServing,
    bounded,
    waited,
    indexS,
    matchingS,
    rssIndexed: server.rssMiB(),
    snapshotMiB: 0,
    matchingSnapshotMiB: 0,
  };
}

/**
 * Loads the search index in this process, rewrites a third of the suppliers (every write leaves a
 * dead slot), then lets the next refresh apply them and squeeze the dead slots out in place: RSS
 * before and after shows that the clean-up holds no second copy.
 */
async function measureCompaction(sql: Sql, n: number) {
  const mib = () => Math.round(process.memoryUsage().rss / 2 ** 20);
  const live = await LiveIndex.build(sql);
  const loaded = mib();
  const changed = Math.max(6000, Math.round(n / 3));
  await sql`update suppliers set employees = coalesce(employees, 0) + 1
    where organization_id in (select organization_id from suppliers where status <> 'draft' limit ${changed})`;
  const t0 = performance.now();
  await live.refresh();
  const ms = Math.round(performance.now() - t0);
  return { loaded, changed, ms, after: mib(), slots: live.ix.size, dead: live.ix.dead };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
