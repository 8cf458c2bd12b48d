import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearch } from '../../search/create.js';
import { createApp } from '../../src/app.js';
import type { Sql } from '../../src/db/client.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { NOW, seedSearchData } from './search-fixtures.js';

let t: TestApp;
let counted: Sql;
let app: ReturnType<typeof createApp>;
let queries: string[] = [];

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  await seedSearchData(t.db.sql, 60);
  counted = postgres(t.db.url, {
    max: 4,
    transform: postgres.camel,
    onnotice: () => {},
    connection: { application_name: 'pasok-count', TimeZone: 'UTC' },
    debug: (_conn, query) => queries.push(query.replace(/\s+/g, ' ').trim()),
  }) as unknown as Sql;
  const search = createSearch(counted, t.deps.config, t.deps.logger, { waitForIndex: true }).engine;
  app = createApp({ ...t.deps, sql: counted, search });
});
afterAll(async () => {
  await counted.end();
  await t.close();
});

async function countPage(path: string, headers: Record<string, string> = {}): Promise<string[]> {
  queries = [];
  const res = await app.request(path, { headers: { 'x-forwarded-for': '10.9.0.1', ...headers } });
  expect(res.status).toBe(200);
  await res.text();
  return queries;
}

const REFERENCE_READS = /from taxonomy_terms|from estates|from regions/;

describe('GET /suppliers database cost', () => {
  it('asks only the engine and the shown suppliers’ texts once reference data is cached', async () => {
    const path = '/suppliers?q=bubut&processes=turning';
    await countPage(path);
    const warm = await countPage(path);
    expect(warm.filter((q) => REFERENCE_READS.test(q))).toEqual([]);
    expect(warm.filter((q) => /from suppliers where organization_id/.test(q))).toHaveLength(1);
    expect(warm.length).toBeLessThanOrEqual(3);
  });

  it('costs an htmx results request no more than the full page', async () => {
    await countPage('/suppliers?q=las&province=32');
    const partial = await countPage('/suppliers?q=las&province=32&page=1', { 'hx-request': 'true' });
    expect(partial.filter((q) => REFERENCE_READS.test(q))).toEqual([]);
    expect(partial.length).toBeLessThanOrEqual(3);
  });
});
