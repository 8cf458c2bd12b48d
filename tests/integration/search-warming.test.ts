import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResult } from '../../search/engine.js';
import { pgWordSource } from '../../search/pg-repo.js';
import { PostgresEngine } from '../../search/postgres.js';
import { SqlSearch } from '../../search/sql-search.js';
import { cachedWordSource } from '../../search/words.js';
import { createApp } from '../../src/app.js';
import type { Sql } from '../../src/db/client.js';
import { api, createTestApp, type TestApp } from '../helpers/app.js';
import { makeUserWithToken } from '../helpers/factories.js';
import { NOW, q, seedSearchData } from './search-fixtures.js';

/**
 * Issue #13: while an instance loads its in-memory index, searches are answered by bounded SQL
 * (exact hits, a capped total, no facet counts) or, when SQL cannot answer in time, wait for
 * the index. The load is held back by locking the snapshot table it reads first.
 */

/** Holds an ACCESS EXCLUSIVE lock on `table` until the returned function is called. */
function holdLock(sql: Sql, table: string): Promise<() => Promise<void>> {
  return new Promise((locked, failed) => {
    const done = sql
      .begin(async (tx) => {
        await tx.unsafe(`lock table ${table} in access exclusive mode`);
        await new Promise<void>((release) =>
          locked(async () => {
            release();
            await done;
          }),
        );
      })
      .catch(failed);
  });
}

/** Sessions waiting for a lock on `table`. */
async function waitingOn(sql: Sql, table: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from pg_locks where not granted and relation = ${table}::regclass`;
  return row!.n;
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('condition never held');
}

const seen = (r: SearchResult) => ({ total: r.total, ids: r.hits.map((h) => h.id) });

let t: TestApp;
let sqlOnly: PostgresEngine;
beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  await seedSearchData(t.db.sql, 60);
  sqlOnly = new PostgresEngine(t.db.sql, { memory: false });
});
afterAll(() => t.close());

describe('search while the index loads', () => {
  it('answers by bounded SQL: the same hits in the same order, a capped total, no facet counts', async () => {
    const release = await holdLock(t.db.sql, 'index_snapshots');
    const engine = new PostgresEngine(t.db.sql, { snapshots: 'read', warm: { cap: 10, timeoutMs: 5000 } });
    try {
      void engine.start();
      expect(engine.status().detail).toMatchObject({ index: 'loading' });
      const queries = [
        q({ perPage: 5 }),
        q({ perPage: 5, page: 2 }),
        q({ q: 'bubut', sort: 'name' }),
        q({ sort: 'name', perPage: 8 }, { processes: ['turning', 'welding'] }),
        q({ q: 'baja tahan karat', sort: 'recent' }),
      ];
      for (const query of queries) {
        const [warm, full] = [await engine.search(query), await sqlOnly.search(query)];
        expect(warm.hits.map((h) => h.id)).toEqual(full.hits.map((h) => h.id));
        expect(warm.warming).toEqual({ totalCapped: full.total > 10 });
        expect(warm.total).toBe(Math.min(full.total, 10));
        expect(Object.values(warm.facets).every((counts) => Object.keys(counts).length === 0)).toBe(true);
      }
      expect(engine.status().detail).toMatchObject({ index: 'loading' });
      // Ranked by relevance under the cap, SQL ranks every match.
      const roomy = new PostgresEngine(t.db.sql, { snapshots: 'read', warm: { cap: 1000, timeoutMs: 5000 } });
      void roomy.start();
      const [warm, full] = [await roomy.search(q({ q: 'bubut' })), await sqlOnly.search(q({ q: 'bubut' }))];
      expect(full.total).toBeGreaterThan(10);
      expect(warm.warming).toEqual({ totalCapped: false });
      expect(seen(warm)).toEqual(seen(full));
    } finally {
      await release();
    }
    await engine.start();
    const after = await engine.search(q({ q: 'bubut' }));
    const full = await sqlOnly.search(q({ q: 'bubut' }));
    expect(after.warming).toBeUndefined();
    expect(after.total).toBe(full.total);
    expect(after.facets).toEqual(full.facets);
  });

  it('waits for the index when SQL cannot answer in time, then answers in full', async () => {
    const releaseLoad = await holdLock(t.db.sql, 'index_snapshots');
    const engine = new PostgresEngine(t.db.sql, { snapshots: 'read', warm: { timeoutMs: 150 } });
    let releaseCerts: (() => Promise<void>) | null = null;
    try {
      void engine.start();
      // The bounded page joins the certificates, so a lock on them holds it past its time limit.
      releaseCerts = await holdLock(t.db.sql, 'supplier_search_certs');
      let settled = false;
      const answer = engine.search(q({ q: 'bubut' })).finally(() => {
        settled = true;
      });
      await until(async () => (await waitingOn(t.db.sql, 'supplier_search_certs')) > 0);
      // PostgreSQL cancels the statement after 150 ms; the search keeps waiting for the index.
      await until(async () => (await waitingOn(t.db.sql, 'supplier_search_certs')) === 0);
      await releaseCerts();
      releaseCerts = null;
      // Full SQL would now answer within milliseconds; the search still waits for the index.
      await new Promise((r) => setTimeout(r, 300));
      expect(settled).toBe(false);
      await releaseLoad();
      const r = await answer;
      const full = await sqlOnly.search(q({ q: 'bubut' }));
      expect(r.warming).toBeUndefined();
      expect(seen(r)).toEqual(seen(full));
      expect(r.facets).toEqual(full.facets);
      expect(engine.status().detail).toMatchObject({ index: 'ready' });
    } finally {
      await releaseCerts?.();
      await releaseLoad().catch(() => undefined);
    }
  });

  it('waits for the index, asking SQL for no page, when relevance would rank more matches than the cap', async () => {
    const release = await holdLock(t.db.sql, 'index_snapshots');
    const engine = new PostgresEngine(t.db.sql, { snapshots: 'read', warm: { cap: 3, timeoutMs: 5000 } });
    try {
      void engine.start();
      let settled = false;
      const answer = engine.search(q({ q: 'bubut' })).finally(() => {
        settled = true;
      });
      // Bounded SQL would answer within milliseconds; the search waits for the index instead.
      await new Promise((r) => setTimeout(r, 300));
      expect(settled).toBe(false);
      await release();
      const r = await answer;
      expect(r.warming).toBeUndefined();
      expect(seen(r)).toEqual(seen(await sqlOnly.search(q({ q: 'bubut' }))));
    } finally {
      await release();
    }
  });

  it('reads the vocabulary once for searches arriving together', async () => {
    // A restart meets many searches at once; each used to read the taxonomy's words for itself.
    const bySql = new SqlSearch(t.db.sql, cachedWordSource(pgWordSource(t.db.sql)));
    const release = await holdLock(t.db.sql, 'search_state');
    let answers: Promise<unknown>[] = [];
    try {
      answers = ['bubut', 'las', 'bubut', 'baja tahan karat', 'frais'].map((w) =>
        bySql.bounded(q({ q: w, sort: 'name' })),
      );
      await until(async () => (await waitingOn(t.db.sql, 'search_state')) > 0);
      await new Promise((r) => setTimeout(r, 200));
      expect(await waitingOn(t.db.sql, 'search_state')).toBe(1);
    } finally {
      await release();
    }
    const results = (await Promise.all(answers)) as SearchResult[];
    for (const [i, w] of ['bubut', 'las', 'bubut', 'baja tahan karat', 'frais'].entries())
      expect(results[i]!.hits.map((h) => h.id)).toEqual(
        (await sqlOnly.search(q({ q: w, sort: 'name' }))).hits.map((h) => h.id),
      );
  });

  it('tells people on the page and API clients in the answer', async () => {
    const release = await holdLock(t.db.sql, 'index_snapshots');
    const search = new PostgresEngine(t.db.sql, { snapshots: 'read', warm: { cap: 10, timeoutMs: 5000 } });
    const app = createApp({ ...t.deps, search });
    try {
      void search.start();
      const page = await (await app.request('/suppliers?processes=turning&processes=welding')).text();
      expect(page).toContain('Lebih dari 10 pemasok ditemukan');
      expect(page).toContain('Pencarian sedang disiapkan');
      // The ticked values stay in the form (without counts), so the next search keeps them.
      expect(page).toMatch(/<input type="checkbox" name="processes" value="turning" checked=""/);
      expect(page).toMatch(/<input type="checkbox" name="processes" value="welding" checked=""/);
      expect(page).not.toMatch(/name="processes" value="milling"/);
      const user = await makeUserWithToken(t.db.sql, { org: { name: 'PT Pemanasan', kind: 'buyer' } });
      const res = await api(app, 'GET', '/api/v1/suppliers?processes=turning,welding', { token: user.token });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ total: 10, total_exact: false, facets_counted: false });
    } finally {
      await release();
    }
    await search.start();
    const page = await (await app.request('/suppliers?processes=turning&processes=welding')).text();
    expect(page).not.toContain('Pencarian sedang disiapkan');
    expect(page).toMatch(/name="processes" value="milling"/);
  });
});
