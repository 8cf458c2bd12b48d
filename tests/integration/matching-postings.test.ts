import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentIndex } from '../../src/matching/candidate-index.js';
import { type MatchableNeed, rankNeed } from '../../src/matching/service.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { type Named, SMARTPOLITAN, seedNeedsData, TODAY } from './needs-fixtures.js';

let t: TestApp;
let ids: Record<Named, string>;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-11-22T03:00:00Z') });
  ids = await seedNeedsData(t.db.sql, 40);
});
afterAll(() => t.close());

const need = (processes: string[], materials: string[] = []): MatchableNeed => ({
  criteria: {
    processes,
    materials,
    requiredCerts: [],
    preferredCerts: [],
    minTkdn: null,
    quantity: null,
    unit: null,
    frequency: null,
    point: SMARTPOLITAN,
    placeName: 'Smartpolitan Subang',
    maxDistanceKm: 150,
  },
  texts: [],
});

const rank = (n: MatchableNeed, limit = 200) =>
  rankNeed({ sql: t.db.sql, search: t.deps.search }, n, { statuses: ['verified'], today: TODAY, limit });
const idsOf = async (n: MatchableNeed) => (await rank(n)).matches.map((m) => m.supplierId);
const setProcesses = (id: string, processes: string) =>
  t.db.sql`update suppliers set processes = ${processes}::text[] where organization_id = ${id}`;

describe('matching candidates follow supplier writes after the index was built', () => {
  it('finds a supplier by an added process and no longer by a removed one', async () => {
    await currentIndex(t.db.sql); // built before the writes below
    const forging = need(['forging']);
    const before = await rank(forging);
    expect(before.matches.map((m) => m.supplierId)).not.toContain(ids.unrelated);

    // A narrower process than the one asked for (hot forging covers forging).
    await setProcesses(ids.unrelated, '{hot-forging}');
    const added = await rank(forging);
    expect(added.matches.map((m) => m.supplierId)).toContain(ids.unrelated);
    expect(added.total).toBe(before.total + 1);

    await setProcesses(ids.unrelated, '{tig}');
    const removed = await rank(forging);
    expect(removed.matches.map((m) => m.supplierId)).not.toContain(ids.unrelated);
    expect(removed.total).toBe(before.total);
    expect(await idsOf(need(['welding']))).toContain(ids.unrelated);

    // Stopped being matchable, then back: counted only while visible.
    await t.db.sql`update suppliers set status = 'draft' where organization_id = ${ids.unrelated}`;
    expect(await idsOf(need(['welding']))).not.toContain(ids.unrelated);
    await t.db.sql`update suppliers set status = 'verified' where organization_id = ${ids.unrelated}`;
    expect(await idsOf(need(['welding']))).toContain(ids.unrelated);
    await setProcesses(ids.unrelated, '{}');
  });

  it('keeps the best covering supplier first with a list cut to one, and counts the rest', async () => {
    const n = need(['turning', 'milling'], ['stainless-steel']);
    const full = await rank(n, 200);
    const one = await rank(n, 1);
    expect(full.total).toBeGreaterThan(1);
    expect(one.total).toBe(full.total);
    expect(one.excluded).toBe(full.excluded);
    expect(one.matches.map((m) => m.supplierId)).toEqual([full.matches[0]!.supplierId]);
    const none = await rank(n, 0);
    expect([none.matches, none.total, none.excluded]).toEqual([[], full.total, full.excluded]);
  });
});
