import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChanges } from '../../search/pg-repo.js';
import type { SearchRow } from '../../search/rows.js';
import { type FactChange, readFactChanges } from '../../src/matching/candidate-repo.js';
import { loadSupplierSeeds } from '../../src/seed/load.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { seed, seedSearchData } from './search-fixtures.js';

/**
 * The pollers behind the in-memory search index and the matching candidates read a few changes
 * in one statement, and a bulk import's worth in pages under one snapshot. Both ways must bring
 * the same suppliers, each once, and a snapshot from which nothing is missed.
 */
describe('reading changes since a snapshot, at once or in pages', () => {
  let db: TestDb;
  let since: string;
  let written: string[];
  beforeAll(async () => {
    db = await createTestDb();
    await seedSearchData(db.sql, 20);
    const [snap] = await db.sql<{ since: string }[]>`
      select pg_snapshot_xmin(pg_current_snapshot())::text as since`;
    since = snap!.since;
    await loadSupplierSeeds(
      db.sql,
      Array.from({ length: 11 }, (_, i) =>
        seed({ legalName: `CV Halaman ${i}`, processes: ['turning'], descriptionId: 'Bubut halaman.' }),
      ),
    );
    const rows = await db.sql<{ id: string }[]>`
      select organization_id as id from suppliers where legal_name like 'CV Halaman %'`;
    written = rows.map((r) => r.id).sort();
    expect(written).toHaveLength(11);
  });
  afterAll(() => db.close());

  it('search rows: the same suppliers, each once, whichever way they are read', async () => {
    const read = async (opts: { atOnce?: number; pageSize?: number }) => {
      const batches: SearchRow[][] = [];
      const snap = await readChanges(db.sql, since, async (rows) => void batches.push(rows), opts);
      return { snap, batches, ids: batches.flat().map((r) => r.supplierId) };
    };
    const once = await read({});
    const paged = await read({ atOnce: 3, pageSize: 4 });
    expect(once.batches).toHaveLength(1);
    expect(paged.batches.length).toBeGreaterThanOrEqual(3);
    expect(paged.batches.every((b) => b.length <= 4)).toBe(true);
    for (const r of [once, paged]) {
      expect([...r.ids].sort()).toEqual(written);
      expect(new Set(r.ids).size).toBe(r.ids.length);
      // Nothing written yet after the snapshot: reading from its xmin finds nothing new.
      const later: SearchRow[] = [];
      await readChanges(db.sql, r.snap.xmin, async (rows) => void later.push(...rows));
      expect(later).toEqual([]);
    }
    // The statement read at once carries its snapshot on every row too: compare the row fields.
    const byId = (rows: SearchRow[]) =>
      rows
        .map((r) => {
          const rest = { ...r } as SearchRow & Record<string, unknown>;
          for (const k of ['snapXmin', 'snapTaxonomy', 'changedCount']) delete rest[k];
          return rest;
        })
        .sort((a, b) => String(a.supplierId).localeCompare(String(b.supplierId)));
    expect(byId(paged.batches.flat())).toEqual(byId(once.batches.flat()));
  });

  it('matching facts: the same suppliers, each once, whichever way they are read', async () => {
    const read = async (opts: { atOnce?: number; pageSize?: number }) => {
      const batches: FactChange[][] = [];
      const xmin = await readFactChanges(db.sql, since, async (c) => void batches.push(c), opts);
      return { xmin, batches, ids: batches.flat().map((c) => c.id) };
    };
    const once = await read({});
    const paged = await read({ atOnce: 3, pageSize: 4 });
    expect(once.batches).toHaveLength(1);
    expect(paged.batches.length).toBeGreaterThanOrEqual(3);
    for (const r of [once, paged]) {
      expect([...r.ids].sort()).toEqual(written);
      expect(new Set(r.ids).size).toBe(r.ids.length);
      const later: FactChange[] = [];
      await readFactChanges(db.sql, r.xmin, async (c) => void later.push(...c));
      expect(later).toEqual([]);
    }
    const sorted = (cs: FactChange[]) => [...cs].sort((a, b) => a.id.localeCompare(b.id));
    expect(sorted(paged.batches.flat())).toEqual(sorted(once.batches.flat()));
  });
});
