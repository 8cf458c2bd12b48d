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
  it('holds the same facts as the source tables, sharing one array per distinct list', async () => {
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
    const byKey = new Map<string, readonly string[]>();
    let shared = 0;
    for (const f of present) {
      const key = f.processes.join('|');
      const seen = byKey.get(key);
      if (seen) {
        expect(f.processes).toBe(seen);
        shared++;
      } else byKey.set(key, f.processes);
    }
    expect(shared).toBeGreaterThan(0);
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
