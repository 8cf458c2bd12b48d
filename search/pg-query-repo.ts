import type postgres from 'postgres';
import type { Db, Sql } from '../src/db/client.js';
import type { TextQuery } from './analyze.js';
import { FACETS, type FacetName, type RelaxParam, type SupplierQuery } from './engine.js';

/** The SQL forms of a text query (see analyze.ts): a filter, a rank query, tiers and direct matches. */
export type TextSql = Pick<
  TextQuery,
  'tsquery' | 'rankTsquery' | 'tierTsqueries' | 'directTsqueries' | 'capabilityTerms'
>;

type Fragment = postgres.Fragment;

/** A filter the SQL can leave out: a facet (for its disjunctive count) or a non-facet filter. */
export type Omitted = FacetName | Exclude<RelaxParam, FacetName> | null;

export const FROM_SEARCH = (sql: Db) =>
  sql`supplier_search ss left join supplier_search_certs c on c.supplier_id = ss.supplier_id`;

const ARRAY_FACETS = {
  processes: 'processes',
  materials: 'materials',
  product_categories: 'product_categories',
  sectors: 'sectors',
} as const;

/** The point of a query as an earthdistance value. */
export function earthOf(sql: Db, q: SupplierQuery): Fragment | null {
  return q.point ? sql`ll_to_earth(${q.point.lat}::float8, ${q.point.lon}::float8)` : null;
}

/**
 * Every filter of a query as one SQL condition: the source of truth that the in-memory index
 * must agree with, and the whole query when the index is not loaded.
 */
export function whereClause(
  sql: Db,
  q: SupplierQuery,
  tsquery: string | null,
  omit: Omitted = null,
): Fragment {
  const f = q.filters;
  const parts: Fragment[] = [sql`ss.searchable`, sql`ss.status = any(${[...q.statuses]}::text[])`];
  for (const [facet, column] of Object.entries(ARRAY_FACETS) as [keyof typeof ARRAY_FACETS, string][])
    if (omit !== facet && f[facet].length) parts.push(sql`${sql(`ss.${column}`)} && ${f[facet]}::text[]`);
  if (omit !== 'province' && f.province.length)
    parts.push(sql`ss.province_code = any(${f.province}::text[])`);
  if (omit !== 'regency' && f.regency.length) parts.push(sql`ss.regency_code = any(${f.regency}::text[])`);
  if (omit !== 'verified' && f.verified.length === 1) parts.push(sql`ss.verified = ${f.verified[0]!}`);
  if (omit !== 'certifications' && f.certifications.length)
    parts.push(sql`exists (select 1 from unnest(c.cert_types, c.cert_until) x(t, u)
      where x.t = any(${f.certifications}::text[]) and x.u >= ${q.today}::date)`);
  if (omit !== 'tkdn_min' && q.tkdnMin !== null)
    parts.push(sql`exists (select 1 from unnest(c.tkdn_percent, c.tkdn_until) x(p, u)
      where x.p >= ${q.tkdnMin}::real and x.u >= ${q.today}::date)`);
  if (omit !== 'employees' && q.employeesMin !== null) parts.push(sql`ss.employees >= ${q.employeesMin}`);
  if (omit !== 'employees' && q.employeesMax !== null) parts.push(sql`ss.employees <= ${q.employeesMax}`);
  const point = earthOf(sql, q);
  if (omit !== 'radius_km' && point && q.radiusKm !== null) {
    const m = q.radiusKm * 1000;
    parts.push(
      sql`earth_box(${point}, ${m}::float8) @> ss.earth and earth_distance(${point}, ss.earth) <= ${m}::float8`,
    );
  }
  if (omit !== 'q' && tsquery) parts.push(sql`ss.tsv @@ ${tsquery}::tsquery`);
  return parts.reduce((acc, p) => sql`${acc} and ${p}`);
}

/** Highest valid TKDN % (real, as stored). */
export function tkdnMaxSql(sql: Db, today: string): Fragment {
  return sql`(select max(x.p) from unnest(c.tkdn_percent, c.tkdn_until) x(p, u) where x.u >= ${today}::date)`;
}

/** How many of the queries a row matches, as an int expression (0 for none). */
function matchCount(sql: Db, queries: readonly string[]): Fragment {
  return queries.reduce((acc, t) => sql`${acc} + (ss.tsv @@ ${t}::tsquery)::int`, sql`0::int`);
}

/** Slugs of the keys (`kind:slug`) of one kind. */
const slugsOf = (keys: readonly string[], kind: string) =>
  keys.filter((k) => k.startsWith(`${kind}:`)).map((k) => k.slice(kind.length + 1));

/** True when the row lists one of the terms in its own capability arrays. */
function holdsAny(sql: Db, keys: readonly string[]): Fragment {
  return sql`(ss.processes && ${slugsOf(keys, 'process')}::text[]
    or ss.materials && ${slugsOf(keys, 'material')}::text[]
    or ss.product_categories && ${slugsOf(keys, 'product_category')}::text[]
    or ss.sectors && ${slugsOf(keys, 'sector')}::text[])`;
}

/** Per group naming taxonomy terms: 2 when the row lists one, 1 when it lists a narrower one (see execute.ts). */
function capabilityRank(sql: Db, groups: TextSql['capabilityTerms']): Fragment {
  return groups.reduce(
    (acc, g) =>
      sql`${acc} + (case when ${holdsAny(sql, g.exact)} then 2 when ${holdsAny(sql, g.narrower)} then 1 else 0 end)`,
    sql`0::int`,
  );
}

/**
 * ORDER BY for a sort; ties fall back to name (C collation) and id, as the in-memory order does.
 * Relevance is tier, then capabilities listed, then direct matches, then ts_rank_cd, as in the in-memory score.
 */
export function orderBy(sql: Db, q: SupplierQuery, text: TextSql | null): Fragment {
  const byName = sql`ss.name_norm collate "C", ss.supplier_id`;
  switch (q.sort) {
    case 'name':
      return byName;
    case 'recent':
      return sql`ss.supplier_updated_at desc, ss.supplier_id`;
    case 'tkdn':
      return sql`${tkdnMaxSql(sql, q.today)} desc nulls last, ${byName}`;
    case 'distance': {
      const point = earthOf(sql, q);
      return point ? sql`earth_distance(${point}, ss.earth) nulls last, ${byName}` : byName;
    }
    default:
      return text
        ? sql`${matchCount(sql, text.tierTsqueries)} desc, ${capabilityRank(sql, text.capabilityTerms)} desc,
            ${matchCount(sql, text.directTsqueries)} desc,
            ts_rank_cd('{0.1, 0.25, 0.5, 1.0}', ss.tsv, ${text.rankTsquery}::tsquery) desc, ss.verified desc, ${byName}`
        : sql`ss.verified desc, ss.supplier_updated_at desc, ss.supplier_id`;
  }
}

/** Total and one page of ids, by SQL alone (the path used until the in-memory index is loaded). */
export async function pageBySql(sql: Db, q: SupplierQuery, text: TextSql | null) {
  const where = whereClause(sql, q, text?.tsquery ?? null);
  const [countRows, rows] = await Promise.all([
    sql<{ n: number }[]>`select count(*)::int as n from ${FROM_SEARCH(sql)} where ${where}`,
    sql<{ supplierId: string }[]>`
      select ss.supplier_id from ${FROM_SEARCH(sql)} where ${where}
      order by ${orderBy(sql, q, text)} limit ${q.perPage} offset ${(q.page - 1) * q.perPage}`,
  ]);
  return { total: countRows[0]?.n ?? 0, ids: rows.map((r) => r.supplierId) };
}

/**
 * One page and a total counted no further than `cap`, each statement cut off after `timeoutMs`
 * (PostgreSQL error 57014 then reaches the caller): the SQL answer while the in-memory index
 * loads, when a count or facet pass over a million rows would take seconds and slow the load.
 * The page itself is exact, in the same order as `pageBySql`. Ranking by text relevance reads
 * every match, so past the cap there is no page (`ids: null`) rather than a statement that runs
 * into the time limit while holding a connection the other searches need.
 */
export async function boundedPageBySql(
  sql: Sql,
  q: SupplierQuery,
  text: TextSql | null,
  opts: { cap: number; timeoutMs: number },
): Promise<{ total: number; capped: boolean; ids: string[] | null }> {
  const where = whereClause(sql, q, text?.tsquery ?? null);
  return sql.begin(async (tx) => {
    await tx`select set_config('statement_timeout', ${String(opts.timeoutMs)}, true)`;
    const [counted] = await tx<{ n: number }[]>`select count(*)::int as n
      from (select 1 from ${FROM_SEARCH(tx)} where ${where} limit ${opts.cap + 1}) capped`;
    const n = counted?.n ?? 0;
    const total = Math.min(n, opts.cap);
    if (n > opts.cap && text && q.sort === 'relevance') return { total, capped: true, ids: null };
    const rows = await tx<{ supplierId: string }[]>`
      select ss.supplier_id from ${FROM_SEARCH(tx)} where ${where}
      order by ${orderBy(tx, q, text)} limit ${q.perPage} offset ${(q.page - 1) * q.perPage}`;
    return { total, capped: n > opts.cap, ids: rows.map((r) => r.supplierId) };
  });
}

/** Disjunctive facet counts by SQL: one grouped count per facet, each without its own filter. */
export async function facetsBySql(sql: Db, q: SupplierQuery, tsquery: string | null) {
  const from = FROM_SEARCH(sql);
  const counted = await Promise.all(
    FACETS.map((facet) => {
      const where = whereClause(sql, q, tsquery, facet);
      switch (facet) {
        case 'certifications':
          return sql<{ value: string; n: number }[]>`
            select x.t as value, count(distinct ss.supplier_id)::int as n
            from ${from} cross join lateral unnest(c.cert_types, c.cert_until) x(t, u)
            where ${where} and x.u >= ${q.today}::date group by 1`;
        case 'province':
          return sql<{ value: string; n: number }[]>`
            select ss.province_code as value, count(*)::int as n from ${from}
            where ${where} and ss.province_code is not null group by 1`;
        case 'regency':
          return sql<{ value: string; n: number }[]>`
            select ss.regency_code as value, count(*)::int as n from ${from}
            where ${where} and ss.regency_code is not null group by 1`;
        case 'verified':
          return sql<{ value: string; n: number }[]>`
            select ss.verified::text as value, count(*)::int as n from ${from} where ${where} group by 1`;
        default:
          return sql<{ value: string; n: number }[]>`
            select v as value, count(*)::int as n
            from ${from} cross join lateral unnest(${sql(`ss.${facet}`)}) v where ${where} group by 1`;
      }
    }),
  );
  return Object.fromEntries(
    FACETS.map((facet, i) => [facet, Object.fromEntries(counted[i]!.map((r) => [r.value, r.n]))]),
  ) as Record<FacetName, Record<string, number>>;
}

/** How many results there would be with one filter left out. */
export async function countWithout(sql: Db, q: SupplierQuery, tsquery: string | null, omit: Omitted) {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from ${FROM_SEARCH(sql)} where ${whereClause(sql, q, tsquery, omit)}`;
  return row?.n ?? 0;
}

export interface HitRow {
  supplierId: string;
  name: string;
  tradingName: string | null;
  provinceCode: string | null;
  regencyCode: string | null;
  processes: string[];
  materials: string[];
  productCategories: string[];
  sectors: string[];
  verified: boolean;
  lat: number | null;
  lon: number | null;
  certifications: string[];
  tkdnMax: number | null;
  distanceKm: number | null;
  rank: number | null;
  /** The row passes every filter of the query, judged by SQL. */
  ok: boolean;
}

/**
 * Loads the rows shown as hits and re-checks each against the full filter in SQL, so a
 * result from the in-memory index can never show a supplier that violates a filter.
 */
export async function hydrate(
  sql: Db,
  ids: string[],
  q: SupplierQuery,
  tsquery: string | null,
  rankTsquery: string | null = tsquery,
) {
  if (ids.length === 0) return new Map<string, HitRow>();
  const point = earthOf(sql, q);
  const rows = await sql<HitRow[]>`
    select ss.supplier_id, ss.name, ss.trading_name, ss.province_code, ss.regency_code, ss.processes,
      ss.materials, ss.product_categories, ss.sectors, ss.verified, ss.lat, ss.lon,
      array(select distinct x.t from unnest(c.cert_types, c.cert_until) x(t, u)
        where x.u >= ${q.today}::date order by 1) as certifications,
      ${tkdnMaxSql(sql, q.today)}::float8 as tkdn_max,
      ${point ? sql`earth_distance(${point}, ss.earth) / 1000` : sql`null::float8`} as distance_km,
      ${rankTsquery ? sql`ts_rank_cd('{0.1, 0.25, 0.5, 1.0}', ss.tsv, ${rankTsquery}::tsquery)` : sql`null::float4`}::float8 as rank,
      (${whereClause(sql, q, tsquery)}) as ok
    from ${FROM_SEARCH(sql)} where ss.supplier_id = any(${ids}::uuid[])`;
  return new Map(rows.map((r) => [r.supplierId, r]));
}

/** Per tsquery, whether any searchable supplier matches it (a word found nowhere is moved last). */
export async function matchesAny(sql: Db, tsqueries: readonly string[]): Promise<boolean[]> {
  if (tsqueries.length === 0) return [];
  const rows = await sql<{ i: number; hit: boolean }[]>`
    select t.i::int as i, exists (select 1 from supplier_search ss where ss.searchable and ss.tsv @@ t.q::tsquery) as hit
    from unnest(${tsqueries as string[]}::text[]) with ordinality t(q, i)`;
  const out = tsqueries.map(() => false);
  for (const r of rows) out[r.i - 1] = r.hit;
  return out;
}
