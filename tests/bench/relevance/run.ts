/**
 * Relevance benchmark: the labelled set (eval-set.ts) against synthetic suppliers in a fresh
 * embedded PostgreSQL; prints recall and precision@10 per query class for the PostgreSQL engine
 * (in-memory index and SQL alone). Targets: 0.95 each, every class. Figures, never assertions.
 * Options: BENCH_SUPPLIERS (default 1500), BENCH_SQL=1 also measures SQL alone, BENCH_VERBOSE=1 lists the queries below target,
 * BENCH_ONLY=<regexp> keeps only the queries it matches.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PostgresEngine } from '../../../search/postgres.js';
import { connectDb } from '../../../src/db/client.js';
import { startEmbeddedPostgres } from '../../../src/db/embedded.js';
import { migrate } from '../../../src/db/migrate.js';
import { syncReferenceData } from '../../../src/reference/sync.js';
import { DEMO_TODAY } from '../../../src/seed/demo-suppliers.js';
import { loadSupplierSeeds } from '../../../src/seed/load.js';
import { syntheticSuppliers } from '../../../src/seed/synthetic.js';
import { evalSet } from './eval-set.js';
import { byClass, oracleSuppliers, scoreQueries } from './measure.js';

const SUPPLIERS = Number(process.env.BENCH_SUPPLIERS ?? 1500);

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pasok-bench-relevance-'));
  fs.chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: dir });
  const db = connectDb(pg.url, { max: 5 });
  try {
    await migrate(db.sql);
    await syncReferenceData(db.sql);
    await loadSupplierSeeds(db.sql, syntheticSuppliers(SUPPLIERS));
    await db.sql`analyze`;
    const suppliers = await oracleSuppliers(db.sql);
    const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : null;
    const queries = evalSet().filter((x) => !only || only.test(x.q));
    console.log(`relevance: ${queries.length} labelled queries, ${suppliers.length} suppliers`);
    const memory = new PostgresEngine(db.sql, { waitForIndex: true });
    await memory.start();
    const engines: [string, PostgresEngine][] = [['postgres (in-memory index)', memory]];
    if (process.env.BENCH_SQL)
      engines.push(['postgres (SQL only)', new PostgresEngine(db.sql, { memory: false })]);
    for (const [name, engine] of engines) {
      const scores = await scoreQueries(engine, suppliers, queries, DEMO_TODAY);
      console.log(`\n${name}: ${scores.length} judged queries`);
      console.log('class        queries  recall  precision@10');
      for (const [cls, c] of byClass(scores))
        console.log(
          `${cls.padEnd(12)} ${String(c.n).padStart(7)}  ${c.recall.toFixed(3)}   ${c.precision.toFixed(3)}`,
        );
      if (process.env.BENCH_VERBOSE)
        for (const s of scores.filter((s) => s.recall < 0.95 || s.precisionAt10 < 0.95))
          console.log(
            `  ${s.query.cls} "${s.query.q}" expected ${s.expected} recall ${s.recall.toFixed(2)} p@10 ${s.precisionAt10.toFixed(2)}`,
          );
    }
  } finally {
    await db.close();
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
