import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/logger.js';
import { CandidateIndex } from '../../src/matching/candidate-index.js';
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

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('condition never held');
}

/** Every supplier's facts as an index holds them, by id. */
function factsById(ix: CandidateIndex) {
  return new Map(
    ix.facts.flatMap((f, s) => (f ? [[ix.idAt(s), f] as const] : [])).sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

describe('matching snapshot', () => {
  it('is stored by a build from the rows, and a later start loads it and catches up', async () => {
    const first = await CandidateIndex.build(t.db.sql, { snapshots: 'write' });
    expect(first.snapshotAt).toBeNull();
    await until(async () => (await snapshots()).length === 1);
    expect((await snapshots())[0]!.documents).toBe(first.documents);

    // Written after the snapshot: a changed supplier and one no longer matchable.
    await t.db.sql`update suppliers set processes = array['casting'], capacity_amount = 123.45
      where organization_id = ${ids.presisi}`;
    await t.db.sql`update suppliers set status = 'suspended' where organization_id = ${ids.lathe}`;

    const started = await CandidateIndex.build(t.db.sql, { snapshots: 'read' });
    expect(started.snapshotAt).not.toBeNull();
    const fromRows = await CandidateIndex.build(t.db.sql);
    expect(factsById(started)).toEqual(factsById(fromRows));
    expect(started.documents).toBe(fromRows.documents);
    expect(started.factsAt(started.slotOf(ids.presisi)!)).toMatchObject({
      processes: ['casting'],
      capacityAmount: 123.45,
    });
    expect([...started.postings('process', 'casting')]).toContain(started.slotOf(ids.presisi));
    expect(started.factsAt(started.slotOf(ids.lathe)!)).toBeNull();

    // A fresh snapshot is not stored again; 'read' never stores.
    await CandidateIndex.build(t.db.sql, { snapshots: 'write' });
    await new Promise((r) => setTimeout(r, 200));
    expect(await snapshots()).toHaveLength(1);
  });

  it('reads the rows when the snapshot cannot be used, and says so', async () => {
    await t.db.sql`delete from index_snapshots where name = 'matching'`;
    await CandidateIndex.build(t.db.sql, { snapshots: 'write' });
    await until(async () => (await snapshots()).length === 1);
    // The first bytes of the header overwritten: the JSON no longer parses.
    await t.db.sql`
      update index_snapshot_chunks set bytes = overlay(bytes placing '\\x00000000ffff'::bytea from 5)
      where n = 0 and snapshot_id = (select id from index_snapshots where name = 'matching')`;
    const { logger, warnings } = recorder();
    const ix = await CandidateIndex.build(t.db.sql, { snapshots: 'read', logger });
    expect(ix.snapshotAt).toBeNull();
    expect(warnings).toContain('matching snapshot unusable; reading every supplier instead');
    expect(factsById(ix)).toEqual(factsById(await CandidateIndex.build(t.db.sql)));
  });
});
