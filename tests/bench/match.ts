/**
 * Matching benchmark: 100,000 synthetic suppliers in a fresh embedded PostgreSQL, 24 varied needs
 * (processes, materials, required and preferred certificates, TKDN, radius, capacity, with and
 * without text), each ranked end to end as the API does it (text probes through the search
 * engine, the in-memory pass over every supplier, the re-check of the shown hits in SQL).
 * Prints p50 and p95. Run with `npx tsx tests/bench/match.ts` (a few minutes on two cores).
 * Options: BENCH_SUPPLIERS (default 100000), BENCH_ROUNDS (default 10).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSearch } from '../../search/create.js';
import { loadConfig } from '../../src/config.js';
import { connectDb } from '../../src/db/client.js';
import { startEmbeddedPostgres } from '../../src/db/embedded.js';
import { migrate } from '../../src/db/migrate.js';
import { createLogger } from '../../src/logger.js';
import { currentIndex } from '../../src/matching/candidate-index.js';
import { type MatchableNeed, rankNeed } from '../../src/matching/service.js';
import { clearTextCache } from '../../src/matching/text-relevance.js';
import { syncReferenceData } from '../../src/reference/sync.js';
import { DEMO_TODAY } from '../../src/seed/demo-suppliers.js';
import { loadSupplierSeeds } from '../../src/seed/load.js';
import { syntheticSuppliers } from '../../src/seed/synthetic.js';

const SUPPLIERS = Number(process.env.BENCH_SUPPLIERS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);

type Spec = Partial<MatchableNeed['criteria']> & { estate?: string; text?: string[] };

/** Needs as buyers in the seed articles' estates would post them. */
const NEEDS: [string, Spec][] = [
  [
    'turning, Smartpolitan 100 km',
    { processes: ['turning'], estate: 'smartpolitan-subang', maxDistanceKm: 100 },
  ],
  [
    'CNC + stainless + text',
    {
      processes: ['cnc-turning', 'cnc-milling'],
      materials: ['stainless-steel'],
      estate: 'smartpolitan-subang',
      text: ['Poros pompa stainless presisi', 'Poros dan flens baja tahan karat untuk pompa air'],
    },
  ],
  [
    'welding, ISO 9001 required',
    { processes: ['welding'], requiredCerts: ['iso-9001'], estate: 'amman-smelter-sumbawa-barat' },
  ],
  [
    'fabrication + TKDN 40',
    {
      processes: ['fabrication', 'welding'],
      minTkdn: 40,
      estate: 'amman-smelter-sumbawa-barat',
      maxDistanceKm: 300,
    },
  ],
  [
    'casting, cast iron, halal preferred',
    {
      processes: ['casting'],
      materials: ['cast-iron'],
      preferredCerts: ['halal'],
      estate: 'kih-safe-and-lock-sidoarjo',
    },
  ],
  [
    'text only (EN)',
    {
      estate: 'kih-safe-and-lock-sidoarjo',
      text: ['Gear and sprocket supply', 'We need spur gears and chain sprockets for conveyors'],
    },
  ],
  [
    'text only (ID)',
    {
      estate: 'smartpolitan-subang',
      text: ['Pengadaan mur baut', 'Mur baut dan baut angkur untuk konstruksi pabrik'],
    },
  ],
  [
    'materials only',
    { materials: ['carbon-steel', 'mild-steel'], estate: 'patimban-subang', maxDistanceKm: 150 },
  ],
  [
    '3 processes, 2 certs required',
    {
      processes: ['milling', 'turning', 'grinding'],
      requiredCerts: ['iso-9001', 'sni'],
      estate: 'smartpolitan-subang',
    },
  ],
  [
    'capacity monthly',
    {
      processes: ['turning'],
      quantity: 5000,
      unit: 'pcs',
      frequency: 'monthly',
      estate: 'smartpolitan-subang',
      maxDistanceKm: 200,
    },
  ],
  [
    'capacity yearly + text',
    {
      processes: ['sheet-metal-work'],
      quantity: 120,
      unit: 'ton',
      frequency: 'yearly',
      estate: 'kiht-probolinggo',
      text: ['Komponen pelat stamping', 'Part plat dan bracket'],
    },
  ],
  ['lat/lon point, 50 km', { processes: ['welding'], point: { lat: -8.58, lon: 116.12 }, maxDistanceKm: 50 }],
  ['broad: machining, no radius', { processes: ['machining'], estate: 'smartpolitan-subang' }],
  [
    'broad text: bengkel',
    {
      estate: 'smartpolitan-subang',
      text: ['Bengkel las dan bubut', 'Mencari bengkel untuk perawatan mesin'],
    },
  ],
  [
    'TKDN 25 + preferred ISO 14001',
    {
      processes: ['cutting', 'bending'],
      minTkdn: 25,
      preferredCerts: ['iso-14001', 'smk3'],
      estate: 'patimban-subang',
    },
  ],
  [
    'heat treatment + text',
    {
      processes: ['heat-treatment'],
      estate: 'smartpolitan-subang',
      maxDistanceKm: 250,
      text: ['Perlakuan panas roda gigi', 'Hardening dan tempering gear'],
    },
  ],
  [
    'galvanizing Sidoarjo 60 km',
    { processes: ['galvanizing'], estate: 'kih-safe-and-lock-sidoarjo', maxDistanceKm: 60 },
  ],
  [
    'aluminium die casting',
    {
      processes: ['die-casting'],
      materials: ['cast-aluminium', 'aluminium'],
      estate: 'smartpolitan-subang',
      text: ['Housing aluminium die casting'],
    },
  ],
  [
    'required halal, 200 km',
    {
      processes: ['fabrication'],
      requiredCerts: ['halal'],
      estate: 'kih-safe-and-lock-sidoarjo',
      maxDistanceKm: 200,
    },
  ],
  [
    'welder qualification + SMK3',
    {
      processes: ['welding', 'piping'],
      requiredCerts: ['welder-qualification'],
      preferredCerts: ['smk3'],
      estate: 'amman-smelter-sumbawa-barat',
    },
  ],
  [
    'many processes',
    {
      processes: ['turning', 'milling', 'drilling', 'threading', 'grinding', 'welding'],
      estate: 'smartpolitan-subang',
      maxDistanceKm: 400,
    },
  ],
  [
    'copper + brass, text EN',
    {
      materials: ['copper', 'brass'],
      estate: 'amman-smelter-sumbawa-barat',
      text: ['Copper busbar and brass fittings'],
    },
  ],
  ['forging, 1000 km', { processes: ['forging'], estate: 'kiht-probolinggo', maxDistanceKm: 1000 }],
  [
    'everything',
    {
      processes: ['cnc-machining', 'turning'],
      materials: ['stainless-steel'],
      requiredCerts: ['iso-9001'],
      preferredCerts: ['iso-14001'],
      minTkdn: 20,
      quantity: 800,
      unit: 'pcs',
      frequency: 'monthly',
      estate: 'smartpolitan-subang',
      maxDistanceKm: 300,
      text: ['Komponen machining stainless', 'Bushing dan poros stainless untuk mesin produksi'],
    },
  ],
];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pasok-bench-match-'));
  fs.chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: dir });
  const db = connectDb(pg.url, { max: 10 });
  const log = (m: string) => process.stderr.write(`${m}\n`);
  try {
    await migrate(db.sql);
    await syncReferenceData(db.sql);
    const estates = new Map(
      (
        await db.sql<
          { slug: string; name: string; lat: number; lon: number }[]
        >`select slug, name, lat, lon from estates`
      ).map((e) => [e.slug, e]),
    );
    let t = performance.now();
    await loadSupplierSeeds(db.sql, syntheticSuppliers(SUPPLIERS), {
      onProgress: (n) => process.stderr.write(`\rseeded ${n}/${SUPPLIERS}`),
    });
    await db.sql`analyze`;
    log(`\nseeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: pg.url,
      LOG_LEVEL: 'silent',
      SEED: 'none',
      APP_ORIGIN: 'http://127.0.0.1',
      DATA_DIR: dir,
    });
    const search = createSearch(db.sql, config, createLogger('silent'));
    t = performance.now();
    await search.start({ worker: false });
    while (search.postgres.status().detail?.index !== 'ready') await new Promise((r) => setTimeout(r, 100));
    log(`search index loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    const ix = await currentIndex(db.sql);
    const heap = process.memoryUsage().heapUsed / 1e6;
    log(
      `match index loaded in ${((performance.now() - t) / 1000).toFixed(1)} s: ${ix.size} suppliers (heap ${heap.toFixed(0)} MB)`,
    );

    const deps = { sql: db.sql, search: search.engine };
    const needs = NEEDS.map(([name, s]): [string, MatchableNeed] => {
      const estate = s.estate ? estates.get(s.estate)! : null;
      return [
        name,
        {
          criteria: {
            processes: s.processes ?? [],
            materials: s.materials ?? [],
            requiredCerts: s.requiredCerts ?? [],
            preferredCerts: s.preferredCerts ?? [],
            minTkdn: s.minTkdn ?? null,
            quantity: s.quantity ?? null,
            unit: s.unit ?? null,
            frequency: s.frequency ?? null,
            point: estate ? { lat: estate.lat, lon: estate.lon } : (s.point ?? null),
            placeName: estate?.name ?? null,
            maxDistanceKm: s.maxDistanceKm ?? null,
          },
          texts: s.text ?? [],
        },
      ];
    });
    const cold: number[] = [];
    const warm: number[] = [];
    const results = new Map<string, { total: number; excluded: number; top: number }>();
    for (let round = -1; round < ROUNDS; round++) {
      for (const [name, need] of needs) {
        clearTextCache();
        let s = performance.now();
        const r = await rankNeed(deps, need, { statuses: ['verified'], today: DEMO_TODAY, limit: 50 });
        const c = performance.now() - s;
        s = performance.now();
        await rankNeed(deps, need, { statuses: ['verified'], today: DEMO_TODAY, limit: 50 });
        const w = performance.now() - s;
        results.set(name, { total: r.total, excluded: r.excluded, top: r.matches[0]?.score ?? 0 });
        if (round < 0) continue;
        cold.push(c);
        warm.push(w);
      }
    }
    console.log(
      `\nMatching ${SUPPLIERS.toLocaleString('en')} suppliers (${ix.size.toLocaleString('en')} verified or submitted), ${os.cpus().length} cores, ${ROUNDS} rounds of ${needs.length} needs, limit 50 (ms)\n`,
    );
    console.log('| run                                   |    p50 |    p95 |    max |');
    console.log('|---------------------------------------|--------|--------|--------|');
    const row = (label: string, xs: number[]) =>
      console.log(
        `| ${label.padEnd(37)} | ${pct(xs, 50).toFixed(1).padStart(6)} | ${pct(xs, 95).toFixed(1).padStart(6)} | ${Math.max(
          ...xs,
        )
          .toFixed(1)
          .padStart(6)} |`,
      );
    row('rankNeed, text relevance computed', cold);
    row('rankNeed, text relevance cached (60 s)', warm);
    console.log('\nper need: matches / excluded / best score');
    for (const [name, r] of results)
      console.log(
        `  ${String(r.total).padStart(6)} ${String(r.excluded).padStart(6)} ${r.top.toFixed(1).padStart(6)}  ${name}`,
      );
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
