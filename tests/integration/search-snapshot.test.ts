import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResult } from '../../search/engine.js';
import { SNAPSHOT_FORMAT } from '../../search/memory/snapshot.js';
import { PostgresEngine } from '../../search/postgres.js';
import { loadSupplierSeeds } from '../../src/seed/load.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { q, seed, seedSearchData } from './search-fixtures.js';

/** What a user sees of a search: the hits in order, the total and every facet count. */
const seen = (r: SearchResult) => ({ total: r.total, ids: r.hits.map((h) => h.id), facets: r.facets });

const QUERIES = [
  q(),
  q({ q: 'bubut' }),
  q({ q: 'baja tahan karat' }),
  q({ sort: 'name' }, { processes: ['turning', 'welding'] }),
  q({ point: { lat: -6.46, lon: 107.63 }, radiusKm: 80, sort: 'distance' }),
  q({ q: 'xilofon snapshot' }),
  // A region filter counts its own facet from the region columns, which a snapshot load refills.
  q({ q: 'bubut' }, { province: ['32'] }),
  q({}, { regency: ['32.13', '32.04'] }),
];

async function waitForSnapshot(db: TestDb, since: Date): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const [row] = await db.sql<{ n: number }[]>`
      select count(*)::int as n from index_snapshots where complete and created_at >= ${since}`;
    if (row!.n > 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no snapshot was stored');
}

describe('search index snapshots', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
    await seedSearchData(db.sql, 60);
  });
  afterAll(() => db.close());

  it('starts a second instance from the stored snapshot, caught up with changes made since', async () => {
    const t0 = new Date(Date.now() - 1000);
    const writer = new PostgresEngine(db.sql, { snapshots: 'write', waitForIndex: true });
    await writer.search(q());
    expect(writer.status().detail?.source).toBe('rows');
    await waitForSnapshot(db, t0);

    // Written after the snapshot: the reader must find it through its catch-up from the xmin.
    await loadSupplierSeeds(db.sql, [
      seed({
        legalName: 'CV Xilofon Snapshot',
        descriptionId: 'Bubut xilofon snapshot.',
        processes: ['turning'],
      }),
    ]);

    const reader = new PostgresEngine(db.sql, { snapshots: 'read', waitForIndex: true });
    const rows = new PostgresEngine(db.sql, { snapshots: 'off', waitForIndex: true });
    for (const query of QUERIES)
      expect(seen(await reader.search(query))).toEqual(seen(await rows.search(query)));
    expect(reader.status().detail?.source).toBe('snapshot');
    expect((await reader.search(q({ q: 'xilofon snapshot' }))).total).toBe(1);
  });

  it('reads a snapshot stored in many chunks, in order', async () => {
    // Cut every stored snapshot into 1,000-byte chunks: a load reads a few per query, one batch ahead.
    await db.sql.begin(async (tx) => {
      await tx`
        create temporary table whole on commit drop as
        select snapshot_id, string_agg(bytes, ''::bytea order by n) as b
        from index_snapshot_chunks group by snapshot_id`;
      await tx`delete from index_snapshot_chunks`;
      await tx`
        insert into index_snapshot_chunks (snapshot_id, n, bytes)
        select snapshot_id, i, substring(b from i * 1000 + 1 for 1000)
        from whole, generate_series(0, (length(b) - 1) / 1000) as i`;
    });
    const [fewest] = await db.sql<{ n: number }[]>`
      select min(c)::int as n from (select count(*) as c from index_snapshot_chunks group by snapshot_id) x`;
    expect(fewest!.n).toBeGreaterThan(12);
    const reader = new PostgresEngine(db.sql, { snapshots: 'read', waitForIndex: true });
    const rows = new PostgresEngine(db.sql, { snapshots: 'off', waitForIndex: true });
    for (const query of QUERIES)
      expect(seen(await reader.search(query))).toEqual(seen(await rows.search(query)));
    expect(reader.status().detail?.source).toBe('snapshot');
  });

  it('reads every row when the stored snapshot is damaged, and answers the same', async () => {
    await db.sql`update index_snapshot_chunks set bytes = '\\x00ff00ff'::bytea where n = 0`;
    const reader = new PostgresEngine(db.sql, { snapshots: 'read', waitForIndex: true });
    const rows = new PostgresEngine(db.sql, { snapshots: 'off', waitForIndex: true });
    for (const query of QUERIES)
      expect(seen(await reader.search(query))).toEqual(seen(await rows.search(query)));
    expect(reader.status().detail?.source).toBe('rows');
  });

  it('ignores a snapshot taken under another taxonomy', async () => {
    await db.sql`update index_snapshots set taxonomy_version = 'another'`;
    const reader = new PostgresEngine(db.sql, { snapshots: 'read', waitForIndex: true });
    await reader.search(q());
    expect(reader.status().detail?.source).toBe('rows');
  });

  it('ignores a snapshot written in an older format', async () => {
    const t0 = new Date(Date.now() - 1000);
    const writer = new PostgresEngine(db.sql, { snapshots: 'write', waitForIndex: true });
    await writer.search(q());
    await waitForSnapshot(db, t0);
    await db.sql`update index_snapshots set format = ${SNAPSHOT_FORMAT - 1} where created_at >= ${t0}`;
    const reader = new PostgresEngine(db.sql, { snapshots: 'read', waitForIndex: true });
    await reader.search(q());
    expect(reader.status().detail?.source).toBe('rows');
  });
  it('reads its own format past a newer snapshot of another, which a writer keeps for a day', async () => {
    await db.sql`delete from index_snapshots`;
    const write = async () => {
      const t0 = new Date(Date.now() - 1000);
      await new PostgresEngine(db.sql, { snapshots: 'write', waitForIndex: true }).search(q());
      await waitForSnapshot(db, t0);
    };
    const formats = async () =>
      (await db.sql<{ format: number }[]>`select format from index_snapshots order by format`).map(
        (r) => r.format,
      );
    await write();
    // Another release's snapshot (say, the next one in a rolling deploy), written after ours.
    await db.sql`insert into index_snapshots (name, format, taxonomy_version, since_xmin, documents, complete)
      select name, ${SNAPSHOT_FORMAT + 1}, taxonomy_version, since_xmin, documents, true from index_snapshots`;
    const reader = new PostgresEngine(db.sql, { snapshots: 'read', waitForIndex: true });
    await reader.search(q());
    expect(reader.status().detail?.source).toBe('snapshot');
    await db.sql`delete from index_snapshots where format = ${SNAPSHOT_FORMAT}`;
    await write();
    expect(await formats()).toEqual([SNAPSHOT_FORMAT, SNAPSHOT_FORMAT + 1]);
    await db.sql`update index_snapshots set created_at = now() - interval '2 days' where format <> ${SNAPSHOT_FORMAT}`;
    await db.sql`delete from index_snapshots where format = ${SNAPSHOT_FORMAT}`;
    await write();
    expect(await formats()).toEqual([SNAPSHOT_FORMAT]);
  });
});
