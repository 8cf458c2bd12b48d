import { Meilisearch } from 'meilisearch';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSearch } from '../../search/create.js';
import { emptyQuery } from '../../search/engine.js';
import { FallbackEngine } from '../../search/fallback.js';
import { MeiliEngine, UnsupportedMeiliError } from '../../search/meilisearch.js';
import { listDeadLetters } from '../../search/outbox-repo.js';
import { PostgresEngine } from '../../search/postgres.js';
import { OutboxWorker, reindexAll } from '../../search/sync.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { FakeMeili, type FakeMeiliOptions } from '../helpers/fake-meili.js';
import { NOW, seedSearchData } from './search-fixtures.js';

let db: TestDb;
let fake: FakeMeili;
let searchable: string[];

beforeAll(async () => {
  db = await createTestDb();
  await seedSearchData(db.sql, 30);
  searchable = (
    await db.sql<
      { id: string }[]
    >`select supplier_id::text as id from supplier_search where searchable order by 1`
  ).map((r) => r.id);
});
afterAll(async () => {
  await fake?.stop();
  await db.drop();
});

let host = '';
const fakeUrl = () => host;

async function withFake(opts: FakeMeiliOptions): Promise<Meilisearch> {
  await fake?.stop();
  fake = new FakeMeili(opts);
  host = await fake.start();
  return new Meilisearch({ host });
}

async function requeueAll() {
  await db.sql`delete from search_outbox`;
  await db.sql`delete from search_dead_letter`;
  await db.sql`update search_state set drain_owner = null, drain_until = null`;
  await db.sql`insert into search_outbox (supplier_id) select supplier_id from supplier_search`;
}

async function drainAll(worker: OutboxWorker) {
  const totals = { applied: 0, failed: 0, rejected: 0 };
  for (let i = 0; i < 20; i++) {
    const r = await worker.drainOnce();
    if (r.applied + r.failed + (r.rejected ?? 0) === 0) break;
    totals.applied += r.applied;
    totals.failed += r.failed;
    totals.rejected += r.rejected ?? 0;
    if (r.failed) break;
  }
  return totals;
}

describe('outbox worker', () => {
  beforeEach(requeueAll);

  it('holds no transaction and no row lock while Meilisearch works on a task', async () => {
    const observer = postgres(db.url, { max: 1, onnotice: () => {} });
    const seen: { idleInTx: number; locked: number }[] = [];
    const client = await withFake({
      onWait: async () => {
        const [a] = await observer<{ n: number }[]>`
          select count(*)::int as n from pg_stat_activity
          where datname = current_database() and state like 'idle in transaction%'`;
        // Every outbox row must be lockable by someone else while the worker waits.
        const locked = await observer.begin(async (tx) => {
          const rows = await tx`select id from search_outbox for update skip locked`;
          const [all] = await tx<{ n: number }[]>`select count(*)::int as n from search_outbox`;
          return all!.n - rows.length;
        });
        seen.push({ idleInTx: a!.n, locked: locked as number });
      },
    });
    try {
      const r = await drainAll(new OutboxWorker(db.sql, client, { batchSize: 50 }));
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((s) => s.idleInTx === 0 && s.locked === 0)).toBe(true);
      expect(r.failed).toBe(0);
      expect([...fake.docs('suppliers').keys()].sort()).toEqual(searchable);
      expect((await db.sql`select 1 from search_outbox`).length).toBe(0);
    } finally {
      await observer.end();
    }
  });

  it('dead-letters a rejected document and lets the rest of its batch through', async () => {
    const bad = searchable[3]!;
    const client = await withFake({ rejectIds: new Set([bad]) });
    const r = await drainAll(new OutboxWorker(db.sql, client, { batchSize: 500 }));
    expect(r.rejected).toBe(1);
    expect([...fake.docs('suppliers').keys()].sort()).toEqual(searchable.filter((id) => id !== bad));
    const dead = await listDeadLetters(db.sql);
    expect(dead.map((d) => d.supplierId)).toEqual([bad]);
    expect(dead[0]!.error).toContain('invalid_document_geo_field');
    expect((await db.sql`select 1 from search_outbox`).length).toBe(0);
  });

  it('keeps the whole batch for later when the server itself fails', async () => {
    const client = await withFake({ internalFailure: true });
    const r = await drainAll(new OutboxWorker(db.sql, client, { batchSize: 500 }));
    expect(r.failed).toBeGreaterThan(0);
    expect(await listDeadLetters(db.sql)).toEqual([]);
    const [left] = await db.sql<{ n: number; tried: number }[]>`
      select count(*)::int as n, min(attempts)::int as tried from search_outbox`;
    const [all] = await db.sql<{ n: number }[]>`select count(*)::int as n from supplier_search`;
    expect(left).toEqual({ n: all!.n, tried: 1 });
  });

  it('lets only one worker drain at a time, through a lease', async () => {
    const client = await withFake({});
    const a = new OutboxWorker(db.sql, client, { batchSize: 5 });
    const b = new OutboxWorker(db.sql, client, { batchSize: 5 });
    expect((await a.drainOnce()).applied).toBe(5);
    expect((await b.drainOnce()).applied).toBe(0);
    await a.stop();
    expect((await b.drainOnce()).applied).toBe(5);
    await b.stop();
  });
});

describe('Meilisearch versions', () => {
  it('reports an unsupported server once and answers from PostgreSQL', async () => {
    const client = await withFake({ version: '1.12.3' });
    const warnings: string[] = [];
    const logger = {
      warn: (_o: unknown, msg: string) => warnings.push(msg),
      info() {},
      error() {},
      debug() {},
    };
    const meili = new MeiliEngine(client, db.sql);
    await expect(meili.ensureSettings()).rejects.toBeInstanceOf(UnsupportedMeiliError);
    const engine = new FallbackEngine(meili, new PostgresEngine(db.sql, { memory: false }), {
      logger: logger as never,
      retryMs: 0,
    });
    const q = { ...emptyQuery(), today: NOW.toISOString().slice(0, 10) };
    expect((await engine.search(q)).engine).toBe('postgres');
    expect((await engine.search(q)).engine).toBe('postgres');
    expect(warnings).toHaveLength(1);
    const status = engine.status();
    expect(status.degraded).toBe(true);
    expect(String(status.detail?.error)).toContain('1.12.3 is not supported');
    expect(fake.requests.filter((r) => r === 'GET /version')).toHaveLength(1);
  });
});

describe('memory index with Meilisearch primary', () => {
  it('is not built while Meilisearch answers, and is built once the fallback is needed', async () => {
    const good = await withFake({});
    expect(good).toBeTruthy();
    const up = createSearch(db.sql, { meiliUrl: fakeUrl(), meiliKey: undefined });
    await up.start({ worker: false });
    expect(up.postgres.status().detail?.index).toBe('idle');
    await up.stop();

    await withFake({ version: '1.12.0' });
    const old = createSearch(db.sql, { meiliUrl: fakeUrl(), meiliKey: undefined });
    await old.start({ worker: false });
    expect(old.postgres.status().detail?.index).not.toBe('idle');
    await old.stop();
  });
});

describe('reindex', () => {
  it('drops build indexes left behind and leaves none after a failure', async () => {
    const client = await withFake({});
    fake.indexes.set('suppliers_build_1', { docs: new Map(), settings: {} });
    const ok = await reindexAll(db.sql, client, { now: NOW });
    expect(ok.documents).toBe(searchable.length);
    expect([...fake.indexes.keys()]).toEqual(['suppliers']);

    const failing = await withFake({ internalFailure: true });
    await expect(reindexAll(db.sql, failing, { now: NOW })).rejects.toThrow();
    expect([...fake.indexes.keys()].filter((k) => k.includes('_build_'))).toEqual([]);
  });
});
