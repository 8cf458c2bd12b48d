import { emptyQuery, type SearchEngine } from '../../../search/engine.js';
import type { Sql } from '../../../src/db/client.js';
import { expectedIds, type LabelledQuery, type OracleSupplier, type QueryClass } from './eval-set.js';

export interface QueryScore {
  query: LabelledQuery;
  expected: number;
  recall: number;
  precisionAt10: number;
}

/** Suppliers the staff search sees (verified and submitted), with their raw term arrays. */
export async function oracleSuppliers(sql: Sql): Promise<OracleSupplier[]> {
  return sql<OracleSupplier[]>`
    select organization_id as id, processes, materials from suppliers where status in ('verified', 'submitted')`;
}

/**
 * Recall over every hit and precision over the first k = min(10, relevant) hits, so a query with
 * three relevant suppliers is judged on its top three. Queries nobody is relevant to are skipped.
 */
export async function scoreQueries(
  engine: SearchEngine,
  suppliers: readonly OracleSupplier[],
  queries: readonly LabelledQuery[],
  today: string,
): Promise<QueryScore[]> {
  const out: QueryScore[] = [];
  for (const query of queries) {
    const expected = expectedIds(query, suppliers);
    if (expected.size === 0) continue;
    const hits: string[] = [];
    for (let page = 1; ; page++) {
      const r = await engine.search(emptyQuery({ q: query.q, today, page, perPage: 100 }));
      hits.push(...r.hits.map((h) => h.id));
      if (r.hits.length < 100 || hits.length >= r.total) break;
    }
    const k = Math.min(10, expected.size);
    out.push({
      query,
      expected: expected.size,
      recall: hits.filter((id) => expected.has(id)).length / expected.size,
      precisionAt10: hits.slice(0, k).filter((id) => expected.has(id)).length / k,
    });
  }
  return out;
}

/** Mean recall and precision@10 per class. */
export function byClass(scores: readonly QueryScore[]) {
  const out = new Map<QueryClass, { n: number; recall: number; precision: number }>();
  for (const s of scores) {
    const c = out.get(s.query.cls) ?? { n: 0, recall: 0, precision: 0 };
    c.n++;
    c.recall += s.recall;
    c.precision += s.precisionAt10;
    out.set(s.query.cls, c);
  }
  for (const c of out.values()) {
    c.recall /= c.n;
    c.precision /= c.n;
  }
  return out;
}
