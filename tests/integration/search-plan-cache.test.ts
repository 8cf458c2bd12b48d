import { Writable } from 'node:stream';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResult } from '../../search/engine.js';
import type { ResultCache } from '../../search/memory/result-cache.js';
import { PostgresEngine } from '../../search/postgres.js';
import type { Sql } from '../../src/db/client.js';
import { createLogger } from '../../src/logger.js';
import { loadSupplierSeeds } from '../../src/seed/load.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { q, seed, seedSearchData } from './search-fixtures.js';

const seen = (r: SearchResult) => ({ total: r.total, ids: r.hits.map((h) => h.id), facets: r.facets });

/** Pages 1.. of `query` at `perPage`, concatenated. */
async function pages(engine: PostgresEngine, over: Parameters<typeof q>[0], perPage: number, n: number) {
  const ids: string[] = [];
  for (let page = 1; page <= n; page++)
    ids.push(...(await engine.search(q({ ...over, page, perPage }))).hits.map((h) => h.id));
  return ids;
}

describe('result plans kept between searches', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
    await seedSearchData(db.sql, 150);
  });
  afterAll(() => db.close());

  it('pages through a kept plan exactly as through a fresh engine, deep pages included', async () => {
    const engine = new PostgresEngine(db.sql, { waitForIndex: true });
    for (const over of [{}, { q: 'bubut' }, { sort: 'name' as const }]) {
      // Page 1 keeps a plan; the next pages read it (and page 7 needs a longer one).
      const kept = await pages(engine, over, 15, 7);
      // The oracle: a new engine (no plans yet) for every page.
      const fresh: string[] = [];
      for (let page = 1; page <= 7; page++) {
        const other = new PostgresEngine(db.sql, { waitForIndex: true });
        fresh.push(...(await other.search(q({ ...over, page, perPage: 15 }))).hits.map((h) => h.id));
      }
      expect(kept).toEqual(fresh);
      expect(new Set(kept).size).toBe(kept.length);
    }
  });

  it('answers a repeated search from its plan until a write changes the index, then sees the write', async () => {
    const engine = new PostgresEngine(db.sql, { waitForIndex: true });
    const query = q({ q: 'bubut' });
    const first = seen(await engine.search(query));
    expect(seen(await engine.search(query))).toEqual(first);
    // A caller's facet objects are its own: changing them leaves the plan alone.
    (await engine.search(query)).facets.processes.turning = -1;
    expect(seen(await engine.search(query))).toEqual(first);

    await loadSupplierSeeds(db.sql, [
      seed({ legalName: 'CV Bubut Plan Baru', descriptionId: 'Bubut presisi.', processes: ['turning'] }),
    ]);
    const after = await engine.search(query);
    expect(after.total).toBe(first.total + 1);
    expect(after.facets.processes.turning).toBe((first.facets.processes.turning ?? 0) + 1);
    const fresh = new PostgresEngine(db.sql, { waitForIndex: true });
    expect(seen(after)).toEqual(seen(await fresh.search(query)));
  });

  it('serves a page again without reading its rows while the plan holds, and reads them anew after a write', async () => {
    // A real connection that lists the statements it sends; a page's rows come by the one with `ok`.
    const statements: string[] = [];
    const counted = postgres(db.url, {
      max: 2,
      transform: postgres.camel,
      onnotice: () => {},
      debug: (_conn, query) => void statements.push(query),
    }) as unknown as Sql;
    const rowReads = () => statements.filter((s) => s.includes(' as ok')).length;
    try {
      const engine = new PostgresEngine(counted, { waitForIndex: true });
      const query = q({ q: 'bubut', perPage: 5 });
      const first = await engine.search(query);
      const page2 = await engine.search({ ...query, page: 2 });
      const read = rowReads();
      expect(await engine.search(query)).toEqual(first);
      expect(await engine.search({ ...query, page: 2 })).toEqual(page2);
      expect(rowReads()).toBe(read);

      const id = first.hits[0]!.id;
      const name = `${first.hits[0]!.name} Rencana`;
      await db.sql`update suppliers set legal_name = ${name} where organization_id = ${id}`;
      const after = await engine.search(query);
      expect(rowReads()).toBeGreaterThan(read);
      const hits = [...after.hits, ...(await engine.search({ ...query, page: 2 })).hits];
      expect(hits.find((h) => h.id === id)?.name).toBe(name);
      const fresh = new PostgresEngine(db.sql, { waitForIndex: true });
      expect(after).toEqual(await fresh.search(query));
    } finally {
      await counted.end();
    }
  });

  it('keeps plans apart by every field of the query but the page', async () => {
    const engine = new PostgresEngine(db.sql, { waitForIndex: true });
    const both = q({ statuses: ['verified', 'submitted'] });
    const verified = q({ statuses: ['verified'] });
    const a = await engine.search(both);
    const b = await engine.search(verified);
    expect(b.total).toBeLessThan(a.total);
    const sql = new PostgresEngine(db.sql, { waitForIndex: true, memory: false });
    expect(seen(b)).toEqual(seen(await sql.search(verified)));
    expect(seen(await engine.search(both))).toEqual(seen(await sql.search(both)));
  });
  it('asks again after catching up when SQL disagrees with a kept plan, without rebuilding the index', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const engine = new PostgresEngine(db.sql, { waitForIndex: true, logger: createLogger('info', sink) });
    const query = q({}, { processes: ['turning'] });
    const truth = seen(await engine.search(query));
    // The race this stands for: a plan made just before a write that took one of its hits out of
    // the result. Here the plan is made wrong directly: a supplier without turning leads it.
    const [outsider] = await db.sql<{ id: string }[]>`
      select supplier_id as id from supplier_search where searchable and not ('turning' = any(processes)) limit 1`;
    const plans = (engine as unknown as { plans: ResultCache }).plans;
    const live = (engine as unknown as { live: { ix: Parameters<ResultCache['get']>[0] } }).live;
    const plan = plans.get(live.ix, query, query.perPage)!;
    plan.ordered = [outsider!.id, ...plan.ordered];
    const answer = await engine.search(query);
    expect(seen(answer)).toEqual(truth);
    expect(answer.hits.map((h) => h.id)).not.toContain(outsider!.id);
    expect(lines.filter((l) => l.includes('disagreed'))).toEqual([]);
    expect(engine.status().detail).toMatchObject({ index: 'ready' });
    expect((engine as unknown as { building: unknown }).building).toBeNull();
  });
});
