import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresEngine } from '../../search/postgres.js';
import { loadSupplierSeeds } from '../../src/seed/load.js';
import { syntheticSuppliers } from '../../src/seed/synthetic.js';
import { evalSet, type LabelledQuery, type OracleSupplier } from '../bench/relevance/eval-set.js';
import { oracleSuppliers, scoreQueries } from '../bench/relevance/measure.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

/**
 * A fixed slice of the labelled relevance set (tests/bench/relevance): every eighth query, so all
 * eight classes are in, judged by the taxonomy oracle against both PostgreSQL paths. Each query
 * must find every relevant supplier and fill its first k = min(10, relevant) places with them.
 */
const QUERIES: LabelledQuery[] = evalSet().filter((_, i) => i % 8 === 0);
const TODAY = '2026-11-22';
/**
 * Known weakness, held at its floor so it cannot get worse: "jasa cnc" is itself a taxonomy
 * phrase (CNC machining), so the greedy phrase match reads "jasa CNC" + "milling" and CNC machining
 * shops without milling share the first places.
 */
const KNOWN_WEAK = new Map([['jasa CNC milling', 0.4]]);
let t: TestApp;
let suppliers: OracleSupplier[];

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(`${TODAY}T03:00:00Z`) });
  await loadSupplierSeeds(t.db.sql, syntheticSuppliers(400, 7));
  suppliers = await oracleSuppliers(t.db.sql);
});
afterAll(() => t.close());

describe('relevance on the labelled set', () => {
  it('covers every query class', () => {
    expect(new Set(QUERIES.map((q) => q.cls)).size).toBe(8);
    expect(QUERIES.length).toBeGreaterThanOrEqual(28);
  });

  for (const [name, memory] of [
    ['in-memory index', true],
    ['SQL alone', false],
  ] as const)
    it(`finds every relevant supplier and ranks them first (${name})`, async () => {
      const engine = new PostgresEngine(t.db.sql, { memory, waitForIndex: true });
      await engine.start();
      const scores = await scoreQueries(engine, suppliers, QUERIES, TODAY);
      expect(scores.length).toBeGreaterThanOrEqual(20);
      const misses = scores
        .filter((s) => s.recall < 1 || s.precisionAt10 < (KNOWN_WEAK.get(s.query.q) ?? 1))
        .map((s) => `${s.query.cls} "${s.query.q}": recall ${s.recall}, p@10 ${s.precisionAt10}`);
      expect(misses).toEqual([]);
    });
});
