import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResult } from '../../search/engine.js';
import { loadVocabulary } from '../../search/memory/live.js';
import { SNAPSHOT_FORMAT } from '../../search/memory/snapshot.js';
import { loadSnapshot } from '../../search/memory/snapshot-store.js';
import { PostgresEngine } from '../../search/postgres.js';
import { copySnapshotChunks, readSnapshotChunks, SnapshotReadError } from '../../search/snapshot-repo.js';
import { connectDb } from '../../src/db/client.js';
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

/**
 * Waits for a snapshot in this release's format stored since `since` (a row another test inserts
 * in another format must not count: it let a test read the formats before its write was done).
 */
async function waitForSnapshot(db: TestDb, since: Date): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const [row] = await db.sql<{ n: number }[]>`
      select count(*)::int as n from index_snapshots
      where name = 'search' and complete and format = ${SNAPSHOT_FORMAT} and created_at >= ${since}`;
    if (row!.n > 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no snapshot was stored');
}

/** Cuts every stored snapshot into 1,000-byte chunks, so that a load reads many. */
async function cutIntoSmallChunks(db: TestDb): Promise<void> {
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

  it('is stored again by a long-running writer once it is older than its limit', async () => {
    const stored = async () =>
      (
        await db.sql<{ id: string }[]>`
          select id from index_snapshots where name = 'search' and complete and format = ${SNAPSHOT_FORMAT}`
      ).map((r) => r.id);
    // The snapshot the writer starts from is an hour old: replaced as soon as the index is in.
    await db.sql`update index_snapshots set created_at = now() - interval '1 hour' where name = 'search'`;
    const t0 = new Date(Date.now() - 50);
    const writer = new PostgresEngine(db.sql, {
      snapshots: 'write',
      waitForIndex: true,
      snapshotMaxAgeMs: 3000,
    });
    await writer.search(q());
    expect(writer.status().detail?.source).toBe('snapshot');
    await waitForSnapshot(db, t0);
    const fresh = await stored();
    expect(fresh).toHaveLength(1);
    // Searches while it is younger than the limit store nothing.
    await writer.search(q({ q: 'bubut' }));
    await new Promise((r) => setTimeout(r, 100));
    expect(await stored()).toEqual(fresh);
    // The first search after it aged past the limit stores it again.
    await new Promise((r) => setTimeout(r, 3000));
    const t1 = new Date(Date.now() - 50);
    await writer.search(q({ q: 'bubut' }));
    await waitForSnapshot(db, t1);
    const again = await stored();
    expect(again).toHaveLength(1);
    expect(again[0]).not.toBe(fresh[0]);
  });

  it('reads a snapshot stored in many chunks, in order', async () => {
    // A load by SELECT reads a few chunks per query, one batch ahead; by COPY, one row per chunk.
    await cutIntoSmallChunks(db);
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

describe('reading a stored snapshot', () => {
  let db: TestDb;
  let stored: { id: string; sizeBytes: number };
  beforeAll(async () => {
    db = await createTestDb();
    await seedSearchData(db.sql, 40);
    const t0 = new Date(Date.now() - 1000);
    await new PostgresEngine(db.sql, { snapshots: 'write', waitForIndex: true }).search(q());
    await waitForSnapshot(db, t0);
    await cutIntoSmallChunks(db);
    const [row] = await db.sql<{ id: string; sizeBytes: number }[]>`
      select id, size_bytes::float8 as size_bytes from index_snapshots where complete`;
    stored = row!;
  });
  afterAll(() => db.drop());

  const bySelect = async () => {
    const out: Buffer[] = [];
    for (let from = 0; ; from += 7) {
      const batch = await readSnapshotChunks(db.sql, stored.id, from, 7);
      out.push(...batch);
      if (batch.length < 7) return Buffer.concat(out);
    }
  };

  it('by COPY gives the bytes SELECT gives, and the connection back after a reader stops early', async () => {
    const copied: Buffer[] = [];
    for await (const chunk of copySnapshotChunks(db.sql, stored)) copied.push(Buffer.from(chunk));
    expect(copied.length).toBeGreaterThan(10);
    expect(Buffer.concat(copied).equals(await bySelect())).toBe(true);

    // One connection: had the COPY kept it, the next query would never run.
    const one = connectDb(db.url, { max: 1 });
    try {
      for (let i = 0; i < 3; i++) {
        const chunks = copySnapshotChunks(one.sql, stored);
        expect((await chunks.next()).done).toBe(false);
        await chunks.return(undefined);
        const [row] = await one.sql<{ n: number }[]>`select count(*)::int as n from index_snapshot_chunks`;
        expect(row!.n).toBe(copied.length);
      }
    } finally {
      await one.close();
    }
  });

  it('by COPY refuses a snapshot with a chunk missing, or bytes adding up to another size', async () => {
    const all = async (s: { id: string; sizeBytes: number }) => {
      for await (const _ of copySnapshotChunks(db.sql, s));
    };
    await expect(all({ ...stored, sizeBytes: stored.sizeBytes + 1 })).rejects.toThrow(SnapshotReadError);
    // A snapshot replaced and deleted between choosing it and reading it: no rows at all.
    await expect(all({ ...stored, id: '00000000-0000-4000-8000-000000000000' })).rejects.toThrow(
      SnapshotReadError,
    );
    await db.sql`update index_snapshot_chunks set n = n + 1000 where snapshot_id = ${stored.id} and n = 3`;
    try {
      await expect(all(stored)).rejects.toThrow(/chunk 3 missing/);
    } finally {
      await db.sql`update index_snapshot_chunks set n = 3 where snapshot_id = ${stored.id} and n = 1003`;
    }
  });

  it('by COPY gives up on a COPY that cannot start, cancelling it, and the connection comes back', async () => {
    const one = connectDb(db.url, { max: 1 });
    let unlock!: () => void;
    const unlocked = new Promise<void>((r) => (unlock = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    // Another session holds the chunks table so that the COPY waits on its lock.
    const holder = db.sql.begin(async (tx) => {
      await tx`lock table index_snapshot_chunks in access exclusive mode`;
      locked();
      await unlocked;
    });
    try {
      await isLocked;
      // Without the cancel this would wait for the lock, past the test's time limit.
      const reading = (async () => {
        for await (const _ of copySnapshotChunks(one.sql, stored, 300));
      })();
      await expect(reading).rejects.toThrow(SnapshotReadError);
      unlock();
      await holder;
      const [row] = await one.sql<{ n: number }[]>`select count(*)::int as n from index_snapshot_chunks`;
      expect(row!.n).toBeGreaterThan(10);
    } finally {
      unlock();
      await holder.catch(() => undefined);
      await one.close();
    }
  });

  it('reads the snapshot by SELECT when its COPY fails, and never when it is only damaged', async () => {
    const vocabulary = await loadVocabulary(db.sql);
    const failures: unknown[] = [];
    const loaded = await loadSnapshot(db.sql, vocabulary, (err) => failures.push(err));
    expect(failures).toEqual([]);
    expect(loaded?.ix.size).toBeGreaterThan(0);

    // The stored size disagrees with the chunks: the COPY refuses them, SELECT does not check it.
    await db.sql`update index_snapshots set size_bytes = size_bytes + 1 where id = ${stored.id}`;
    try {
      const again = await loadSnapshot(db.sql, vocabulary, (err) => failures.push(err));
      expect(failures).toHaveLength(1);
      expect(failures[0]).toBeInstanceOf(SnapshotReadError);
      expect(again?.ix.size).toBe(loaded!.ix.size);
      expect([...again!.ix.ids.others()]).toEqual([...loaded!.ix.ids.others()]);
    } finally {
      await db.sql`update index_snapshots set size_bytes = size_bytes - 1 where id = ${stored.id}`;
    }

    // Bytes that arrive whole but decode to nonsense are not read twice.
    await db.sql`update index_snapshot_chunks set bytes = '\\x00ff00ff'::bytea || substring(bytes from 5)
      where snapshot_id = ${stored.id} and n = 0`;
    await expect(loadSnapshot(db.sql, vocabulary, (err) => failures.push(err))).rejects.toThrow();
    expect(failures).toHaveLength(1);
  });
});
