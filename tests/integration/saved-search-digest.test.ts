import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchEngine, SupplierQuery } from '../../search/engine.js';
import { PostgresEngine } from '../../search/postgres.js';
import {
  DigestIncomplete,
  runSavedSearchDigest,
  savedSearchDigestHandler,
} from '../../src/saved-searches/digest.js';
import { saveSearch } from '../../src/saved-searches/service.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { type Named, seedNeedsData } from './needs-fixtures.js';

let now = new Date('2026-11-22T03:00:00Z');
let t: TestApp;
let ids: Record<Named, string>;

/**
 * The real search engine, except that while `broken` it fails every query filtered by province,
 * the way a search backend fails mid-run (timeout, lost connection) for some queries only.
 */
class FlakyEngine implements SearchEngine {
  readonly name = 'postgres' as const;
  broken = false;
  calls = 0;
  constructor(private readonly inner: PostgresEngine) {}
  async search(q: SupplierQuery) {
    this.calls++;
    if (this.broken && q.filters.province.length > 0) throw new Error('search backend timed out');
    return this.inner.search(q);
  }
  status() {
    return this.inner.status();
  }
}

let engine: FlakyEngine;

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  ids = await seedNeedsData(t.db.sql, 40);
  engine = new FlakyEngine(new PostgresEngine(t.db.sql, { memory: false }));
});
afterAll(() => t.close());

const deps = () => ({
  sql: t.db.sql,
  jobs: t.deps.jobs!,
  logger: t.deps.logger,
  clock: () => now,
  search: engine,
});

const notificationsOf = (userId: string) =>
  t.db.sql<{ kind: string; body: string }[]>`
    select kind, body from notifications where user_id = ${userId} order by created_at`;

const markerOf = async (id: string) => {
  const [r] = await t.db.sql<
    { digestedUntil: Date }[]
  >`select digested_until from saved_searches where id = ${id}`;
  return r!.digestedUntil.toISOString();
};

const digestJobs = () =>
  t.db.sql<{ state: string; retryCount: number }[]>`
    select state, retry_count from pgboss.job where name = 'notifications.digest'`;

describe('saved-search digest failures', () => {
  let alice: Awaited<ReturnType<typeof makeUser>>;
  let budi: Awaited<ReturnType<typeof makeUser>>;
  let aliceSearch: string;
  let budiSearch: string;
  const origin = 'http://pasok.test';

  it("keeps a failing search's marker and the day's notice, while other users still get theirs", async () => {
    alice = await makeUser(t.db.sql);
    budi = await makeUser(t.db.sql);
    const save = { sql: t.db.sql, jobs: t.deps.jobs!, clock: () => now, origin };
    aliceSearch = await saveSearch(save, alice.user.id, {
      name: 'Bubut Jabar',
      query: 'processes=turning&province=32',
    });
    budiSearch = await saveSearch(save, budi.user.id, { name: 'Bubut', query: 'processes=turning' });

    now = new Date('2026-11-22T08:00:00Z');
    await t.db.sql`
      update suppliers set status = 'verified', verified_at = ${now}, updated_at = now()
      where organization_id = ${ids.submitted}`;

    now = new Date('2026-11-23T00:00:00Z');
    engine.broken = true;
    const run = runSavedSearchDigest(deps(), origin);
    await expect(run).rejects.toBeInstanceOf(DigestIncomplete);
    await expect(run).rejects.toMatchObject({ failed: 1, sent: 1 });

    expect(await notificationsOf(alice.user.id)).toHaveLength(0);
    expect(await markerOf(aliceSearch)).toBe('2026-11-22T03:00:00.000Z');
    expect((await notificationsOf(budi.user.id)).map((n) => n.kind)).toEqual(['saved_search.digest']);
    expect(await markerOf(budiSearch)).toBe('2026-11-23T00:00:00.000Z');
  });

  it('fails the pg-boss job so it is retried with backoff, and the retry delivers the notice', async () => {
    // Today's run, with tomorrow's already queued (the chain the handler keeps going).
    await t.db.sql`delete from pgboss.job where name = 'notifications.digest'`;
    await t.db
      .sql`update job_schedule set next_run_at = '2026-11-24T00:00:00Z' where name = 'saved-search-digest'`;
    await t.deps.jobs!.send('notifications.digest', { kind: 'saved-searches', origin });
    const handler = savedSearchDigestHandler(deps());
    expect(await t.deps.jobs!.drain('notifications.digest', handler)).toBe(1);
    const [failed] = await t.db.sql<
      { state: string; retryLimit: number; startAfter: Date; output: unknown }[]
    >`
      select state, retry_limit, start_after, output from pgboss.job where name = 'notifications.digest'`;
    expect(failed).toMatchObject({
      state: 'retry',
      retryLimit: 5,
      output: { message: 'saved-search digest: 1 searches failed, 0 notified; retrying' },
    });
    expect(failed!.startAfter.getTime()).toBeGreaterThan(Date.now());
    expect(await markerOf(aliceSearch)).toBe('2026-11-22T03:00:00.000Z');

    engine.broken = false;
    now = new Date('2026-11-23T00:30:00Z');
    await t.db
      .sql`update pgboss.job set start_after = now() where name = 'notifications.digest' and state = 'retry'`;
    expect(await t.deps.jobs!.drain('notifications.digest', handler)).toBe(1);
    expect(await digestJobs()).toEqual([{ state: 'completed', retryCount: 1 }]);

    const notes = await notificationsOf(alice.user.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain('CV Bubut Menunggu');
    expect(await markerOf(aliceSearch)).toBe('2026-11-23T00:30:00.000Z');
    expect(await notificationsOf(budi.user.id)).toHaveLength(1);
  });

  it('does not notify twice once every search has caught up', async () => {
    now = new Date('2026-11-24T00:00:00Z');
    expect(await runSavedSearchDigest(deps(), origin)).toBe(0);
    expect(await notificationsOf(alice.user.id)).toHaveLength(1);
    expect(await notificationsOf(budi.user.id)).toHaveLength(1);
  });
});
