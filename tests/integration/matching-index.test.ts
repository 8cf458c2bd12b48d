import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentIndex } from '../../src/matching/candidate-index.js';
import { type MatchableNeed, rankNeed } from '../../src/matching/service.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { type Named, SMARTPOLITAN, seedNeedsData } from './needs-fixtures.js';

let now = new Date('2026-11-22T03:00:00Z');
let t: TestApp;
let ids: Record<Named, string>;

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  ids = await seedNeedsData(t.db.sql, 30);
});
afterAll(() => t.close());

const need = (over: Partial<MatchableNeed['criteria']> = {}): MatchableNeed => ({
  criteria: {
    processes: ['turning'],
    materials: [],
    requiredCerts: [],
    preferredCerts: [],
    minTkdn: null,
    quantity: null,
    unit: null,
    frequency: null,
    point: SMARTPOLITAN,
    placeName: 'Smartpolitan Subang',
    maxDistanceKm: 100,
    ...over,
  },
  texts: [],
});

const todayWib = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(now);
const matched = async (n: MatchableNeed, statuses: ('verified' | 'submitted')[] = ['verified']) =>
  (
    await rankNeed({ sql: t.db.sql, search: t.deps.search }, n, { statuses, today: todayWib(), limit: 200 })
  ).matches.map((m) => m.supplierId);

describe('matching stays current', () => {
  it('drops a certificate at midnight WIB without any write', async () => {
    const n = need({ requiredCerts: ['iso-9001'] });
    now = new Date('2026-11-22T16:59:00Z');
    expect(await matched(n)).toContain(ids.lastDay);
    now = new Date('2026-11-22T17:00:00Z');
    expect(await matched(n)).not.toContain(ids.lastDay);
    now = new Date('2026-11-22T03:00:00Z');
  });

  it('reflects supplier writes on the next ranking (read-your-writes)', async () => {
    const n = need({ requiredCerts: ['iso-9001'] });
    expect(await matched(n)).toContain(ids.presisi);
    await t.db
      .sql`update supplier_certifications set valid_until = '2026-01-01' where supplier_id = ${ids.presisi} and type = 'iso-9001'`;
    expect(await matched(n)).not.toContain(ids.presisi);
    await t.db
      .sql`update supplier_certifications set valid_until = '2027-06-30' where supplier_id = ${ids.presisi} and type = 'iso-9001'`;
    expect(await matched(n)).toContain(ids.presisi);

    await t.db.sql`update suppliers set status = 'suspended' where organization_id = ${ids.presisi}`;
    expect(await matched(n, ['verified', 'submitted'])).not.toContain(ids.presisi);
    await t.db.sql`update suppliers set status = 'verified' where organization_id = ${ids.presisi}`;

    expect(await matched(need({ processes: ['grinding'] }))).not.toContain(ids.stainless);
    await t.db
      .sql`update suppliers set processes = '{fabrication,surface-grinding}' where organization_id = ${ids.stainless}`;
    expect(await matched(need({ processes: ['grinding'] }))).toContain(ids.stainless);
  });

  it('never serves a hard-constraint violation even when the in-memory copy is wrong', async () => {
    const n = need({ requiredCerts: ['iso-9001'] });
    const ix = await currentIndex(t.db.sql);
    const real = ix.factsAt(ix.slotOf(ids.lathe)!)!;
    ix.put(ids.lathe, { ...real, certTypes: ['iso-9001'], certUntil: ['2030-01-01'], certTkdn: [null] });
    try {
      expect(await matched(n)).not.toContain(ids.lathe);
    } finally {
      ix.put(ids.lathe, real);
    }
  });
});
