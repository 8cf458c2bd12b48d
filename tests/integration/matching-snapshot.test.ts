import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDb } from '../../src/db/client.js';
import type { Logger } from '../../src/logger.js';
import { CandidateIndex, configureCandidates, currentIndex } from '../../src/matching/candidate-index.js';
import { loadSupplierSeeds } from '../../src/seed/load.js';
import { syntheticSuppliers } from '../../src/seed/synthetic.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { type Named, seedNeedsData } from './needs-fixtures.js';

/**
 * Issue #13: matching's candidates start from a stored snapshot (as search's index does), then
 * catch up with every write since; a snapshot that cannot be used leaves the rows.
 */
let t: TestApp;
let ids: Record<Named, string>;
beforeAll(async () => {
  t = await createTestApp();
  ids = await seedNeedsData(t.db.sql, 40);
});
afterAll(() => t.close());

/** A logger that keeps the messages of warnings. */
function recorder(): { logger: Logger; warnings: string[] } {
  const warnings: string[] = [];
  const logger = {
    info: () => {},
    warn: (_o: unknown, msg: string) => warnings.push(msg),
  } as unknown as Logger;
  return { logger, warnings };
}

async function snapshots(): Promise<{ id: string; documents: number }[]> {
  return t.db.sql<{ id: string; documents: number }[]>`
    select id, documents from index_snapshots where name = 'matching' and complete order by created_at`;
}

/** What ranking reads of an index, by supplier id: the facts, and the slugs that find it. */
function byId(ix: CandidateIndex) {
  const slugs = new Set(
    ix.facts.flatMap((f) =>
      f ? [...f.processes.map((p) => `p:${p}`), ...f.materials.map((m) => `m:${m}`)] : [],
    ),
  );
  const found = new Map<string, string[]>();
  for (const key of slugs) {
    const [kind, slug] = [key.slice(0, 1) === 'p' ? 'process' : 'material', key.slice(2)] as const;
    for (const s of new Set(ix.postings(kind, slug))) {
      const f = ix.factsAt(s);
      if (!f || !(kind === 'process' ? f.processes : f.materials).includes(slug)) continue;
      const id = ix.idAt(s);
      found.set(id, [...(found.get(id) ?? []), key].sort());
    }
  }
  return new Map(
    ix.facts
      .flatMap((f, s) => (f ? [[ix.idAt(s), { f, found: found.get(ix.idAt(s)) ?? [] }] as const] : []))
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

describe('matching snapshot', () => {
  it('is stored by a build from the rows, and a later start loads it and catches up', async () => {
    const first = await CandidateIndex.build(t.db.sql, { snapshots: 'write' });
    expect(first.snapshotAt).toBeNull();
    await first.stored;
    expect(await snapshots()).toHaveLength(1);
    expect((await snapshots())[0]!.documents).toBe(first.documents);

    // Written after the snapshot: a changed supplier, one no longer matchable, three new ones.
    await t.db.sql`update suppliers set processes = array['casting'], capacity_amount = 123.45
      where organization_id = ${ids.presisi}`;
    await t.db.sql`update suppliers set status = 'suspended' where organization_id = ${ids.lathe}`;
    await loadSupplierSeeds(t.db.sql, syntheticSuppliers(3, 97), {
      verifiedAt: new Date('2026-10-01T03:00:00Z'),
    });

    const started = await CandidateIndex.build(t.db.sql, { snapshots: 'read' });
    expect(started.snapshotAt).not.toBeNull();
    const fromRows = await CandidateIndex.build(t.db.sql);
    expect(byId(started)).toEqual(byId(fromRows));
    expect(started.documents).toBe(fromRows.documents);
    // Some of the new ones are matchable (synthetic suppliers may be drafts): more than before less one.
    expect(started.documents).toBeGreaterThan(first.documents - 1);
    expect(started.factsAt(started.slotOf(ids.presisi)!)).toMatchObject({
      processes: ['casting'],
      capacityAmount: 123.45,
    });
    expect(started.factsAt(started.slotOf(ids.lathe)!)).toBeNull();
    // 'read' never stores, and neither does 'write' while the snapshot is fresh.
    expect(started.stored).toBeNull();
    expect((await CandidateIndex.build(t.db.sql, { snapshots: 'write' })).stored).toBeNull();
    expect(await snapshots()).toHaveLength(1);
  });

  it('is stored again by a long-running writer once it is older than its limit', async () => {
    const ix = await CandidateIndex.build(t.db.sql, { snapshots: 'write', snapshotMaxAgeMs: 100 });
    await ix.stored; // the one found may be older: replaced at once, or kept
    const before = (await snapshots()).map((s) => s.id);
    const last = ix.stored;
    await ix.refresh();
    expect(ix.stored).toBe(last); // not due yet: no store started
    await new Promise((r) => setTimeout(r, 150));
    await t.db.sql`update suppliers set capacity_amount = 77 where organization_id = ${ids.presisi}`;
    await ix.refresh();
    await ix.stored;
    const after = await snapshots();
    expect(after).toHaveLength(1);
    expect(after[0]!.id).not.toBe(before[0]);
    const started = await CandidateIndex.build(t.db.sql, { snapshots: 'read' });
    expect(started.factsAt(started.slotOf(ids.presisi)!)?.capacityAmount).toBe(77);
  });

  it('is read by the first match even when it comes before the background load', async () => {
    // Another handle on the same database: the process-wide index is per handle.
    const other = connectDb(t.db.url, { max: 2 });
    try {
      configureCandidates(other.sql, { snapshots: 'read' });
      expect((await currentIndex(other.sql)).snapshotAt).not.toBeNull();
    } finally {
      await other.close();
    }
  });

  it('reads the rows when the snapshot cannot be used, and says so', async () => {
    await t.db.sql`delete from index_snapshots where name = 'matching'`;
    await (await CandidateIndex.build(t.db.sql, { snapshots: 'write' })).stored;
    expect(await snapshots()).toHaveLength(1);
    // The first bytes of the header overwritten: the JSON no longer parses.
    await t.db.sql`
      update index_snapshot_chunks set bytes = overlay(bytes placing '\\x00000000ffff'::bytea from 5)
      where n = 0 and snapshot_id = (select id from index_snapshots where name = 'matching')`;
    const { logger, warnings } = recorder();
    const ix = await CandidateIndex.build(t.db.sql, { snapshots: 'read', logger });
    expect(ix.snapshotAt).toBeNull();
    expect(warnings).toContain('matching snapshot unusable; reading every supplier instead');
    expect(byId(ix)).toEqual(byId(await CandidateIndex.build(t.db.sql)));
  });
});
