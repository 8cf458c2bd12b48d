import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentIndex } from '../../src/matching/candidate-index.js';
import { loadFacts } from '../../src/matching/candidate-repo.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { type Named, seedNeedsData } from './needs-fixtures.js';

let t: TestApp;
let ids: Record<Named, string>;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-11-22T03:00:00Z') });
  ids = await seedNeedsData(t.db.sql, 60);
});
afterAll(() => t.close());

const sorted = <T>(xs: readonly T[]) => [...xs].map(String).sort();

describe('the compact matching index', () => {
  it('holds the same facts as the source tables, one interned list per distinct list', async () => {
    const ix = await currentIndex(t.db.sql);
    const present = ix.facts.filter((f) => f !== null);
    expect(ix.documents).toBe(present.length);
    const source = await loadFacts(
      t.db.sql,
      present.map((f) => f.id),
    );
    for (const f of present) {
      const s = source.get(f.id)!;
      expect(sorted(f.processes)).toEqual(sorted(s.processes));
      expect(f.certUntil).toEqual(s.certUntil);
      expect(f.certTkdn).toEqual(s.certTkdn);
      expect(f.status).toBe(s.status);
    }
    // Equal lists are held once: the interner holds one list per distinct process list and one
    // per distinct material list (a fresh index, so no list of an earlier version lingers).
    const distinct = (kind: 'processes' | 'materials') => new Set(present.map((f) => f[kind].join('|'))).size;
    expect(distinct('processes')).toBeLessThan(present.length);
    const interner = (ix as unknown as { shared: { listCount: number } }).shared;
    expect(interner.listCount).toBe(distinct('processes') + distinct('materials'));
  });

  it('counts a supplier that stops being matchable, and again when it returns', async () => {
    const ix = await currentIndex(t.db.sql);
    const before = ix.documents;
    await t.db.sql`update suppliers set status = 'suspended' where organization_id = ${ids.presisi}`;
    expect((await currentIndex(t.db.sql)).documents).toBe(before - 1);
    await t.db
      .sql`update suppliers set status = 'verified', processes = '{turning,milling}' where organization_id = ${ids.presisi}`;
    const after = await currentIndex(t.db.sql);
    expect(after.documents).toBe(before);
    expect(sorted(after.facts[after.slotOf(ids.presisi)!]!.processes)).toEqual(['milling', 'turning']);
  });
});
