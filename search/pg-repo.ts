import type { Db, Sql } from '../src/db/client.js';
import type { WordInfo, WordSource } from './analyze.js';
import type { SearchRow } from './rows.js';
import { type Form, formKey, formOf } from './tsvector.js';

/** Columns of a search row with its certificates; see SearchRow. */
function rowColumns(sql: Db) {
  return sql`
    ss.supplier_id, ss.deleted, ss.searchable, ss.status, ss.verified, ss.name, ss.trading_name, ss.name_norm,
    ss.province_code, ss.regency_code, ss.processes, ss.materials, ss.product_categories, ss.sectors,
    ss.employees, ss.lat, ss.lon, (extract(epoch from ss.supplier_updated_at) * 1000000)::bigint::text as updated_us,
    ss.tsv::text as tsv, c.cert_types, c.cert_until::text[] as cert_until,
    c.tkdn_percent::float8[] as tkdn_percent, c.tkdn_until::text[] as tkdn_until,
    ss.tx_id::text as tx_id, c.tx_id::text as cert_tx_id`;
}

export interface Snapshot {
  /** xmin of the reading snapshot: every later change has a tx_id at or above it. */
  xmin: string;
  taxonomyVersion: string;
}

async function snapshot(tx: Db): Promise<Snapshot> {
  const [row] = await tx<Snapshot[]>`
    select pg_snapshot_xmin(pg_current_snapshot())::text as xmin,
      (select taxonomy_version from search_state)::text as taxonomy_version`;
  return row!;
}

/**
 * Streams every searchable row under one snapshot, and returns that snapshot: a later
 * `readChanges(since = xmin)` then sees every change the stream did not.
 */
export async function readAllRows(
  sql: Sql,
  onBatch: (rows: SearchRow[]) => void | Promise<void>,
  batchSize = 5000,
): Promise<Snapshot> {
  return (await sql.begin('isolation level repeatable read read only', async (tx) => {
    const snap = await snapshot(tx);
    const cursor = tx<SearchRow[]>`
      select ${rowColumns(tx)}
      from supplier_search ss left join supplier_search_certs c on c.supplier_id = ss.supplier_id
      where ss.searchable`.cursor(batchSize);
    for await (const rows of cursor) await onBatch(rows);
    return snap;
  })) as Snapshot;
}

/** Changed suppliers read in one statement; a poll that finds more streams them in pages. */
export const CHANGES_AT_ONCE = 5000;

/**
 * The suppliers whose search row or certificates a transaction at or above `since` wrote (every
 * writer's transaction bumps their tx_id, by trigger). The upper bound changes nothing (later
 * transactions are invisible anyway) but makes the range two-sided, so a generic plan expects
 * few rows and keeps to the tx_id indexes.
 */
export function changedSince(sql: Db, since: string) {
  return sql`
    select supplier_id from supplier_search
    where tx_id >= ${since}::xid8 and tx_id < pg_snapshot_xmax(pg_current_snapshot())
    union select supplier_id from supplier_search_certs
    where tx_id >= ${since}::xid8 and tx_id < pg_snapshot_xmax(pg_current_snapshot())`;
}

/**
 * Rows written by transactions with an id at or above `since` (deletions come as tombstones),
 * passed to `onBatch`, with the snapshot they were read under. Usually one statement, so one
 * snapshot and one round trip. When more than CHANGES_AT_ONCE suppliers changed (a bulk import,
 * a taxonomy-wide rewrite), they are read again under one repeatable-read snapshot through a
 * cursor, a page at a time: holding a few hundred thousand rows at once peaked at 2.4 GiB.
 */
export async function readChanges(
  sql: Sql,
  since: string,
  onBatch: (rows: SearchRow[]) => Promise<void>,
  opts: { atOnce?: number; pageSize?: number } = {},
): Promise<Snapshot> {
  const atOnce = opts.atOnce ?? CHANGES_AT_ONCE;
  const rows = await sql<(SearchRow & { snapXmin: string; snapTaxonomy: string; changedCount: number })[]>`
    with snap as materialized (
      select pg_snapshot_xmin(pg_current_snapshot())::text as snap_xmin,
        (select taxonomy_version from search_state)::text as snap_taxonomy
    ),
    changed as materialized (select supplier_id from (${changedSince(sql, since)}) u limit ${atOnce + 1})
    select snap.snap_xmin, snap.snap_taxonomy, (select count(*) from changed)::int as changed_count, r.*
    from snap left join lateral (
      select ${rowColumns(sql)}
      from supplier_search ss left join supplier_search_certs c on c.supplier_id = ss.supplier_id
      where ss.supplier_id in (select supplier_id from changed)
    ) r on true`;
  const first = rows[0]!;
  if (first.changedCount <= atOnce) {
    if (first.supplierId !== null) await onBatch(rows);
    return { xmin: first.snapXmin, taxonomyVersion: first.snapTaxonomy };
  }
  return (await sql.begin('isolation level repeatable read read only', async (tx) => {
    const snap = await snapshot(tx);
    const cursor = tx<SearchRow[]>`
      select ${rowColumns(tx)}
      from supplier_search ss left join supplier_search_certs c on c.supplier_id = ss.supplier_id
      where ss.supplier_id in (${changedSince(tx, since)})`.cursor(opts.pageSize ?? 2000);
    for await (const page of cursor) await onBatch(page);
    return snap;
  })) as Snapshot;
}

/** The current taxonomy version (bumped by every label or synonym change). */
export async function taxonomyVersion(sql: Db): Promise<string> {
  const [row] = await sql<{ v: string }[]>`select taxonomy_version::text as v from search_state`;
  return row?.v ?? '0';
}

/** Both configurations' lexeme forms of each text (deduplicated per text). */
export async function formsOf(sql: Db, texts: readonly string[]): Promise<Map<string, Form[]>> {
  const out = new Map<string, Form[]>();
  if (texts.length === 0) return out;
  const rows = await sql<{ t: string; s: string; i: string }[]>`
    select t, to_tsvector('simple', t)::text as s, to_tsvector('indonesian', t)::text as i
    from unnest(${texts as string[]}::text[]) t`;
  for (const r of rows) out.set(r.t, distinctForms([formOf(r.s), formOf(r.i)]));
  return out;
}

function distinctForms(forms: (Form | null)[]): Form[] {
  const seen = new Set<string>();
  const out: Form[] = [];
  for (const f of forms) {
    if (!f) continue;
    const key = formKey(f);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}

/** Words' lexemes, whether the vocabulary knows them, and pg_trgm near-misses for the fuzzy ones. */
export function pgWordSource(sql: Db): WordSource {
  return {
    async describe(words, fuzzy) {
      const rows = await sql<{ w: string; alt: string | null; s: string; i: string; known: boolean }[]>`
        select q.w, null::text as alt, to_tsvector('simple', q.w)::text as s,
          to_tsvector('indonesian', q.w)::text as i,
          exists (select 1 from search_words sw where sw.word = q.w) as known
        from unnest(${words as string[]}::text[]) q(w)
        union all
        select q.w, v.word, to_tsvector('simple', v.word)::text, to_tsvector('indonesian', v.word)::text, true
        from unnest(${fuzzy as string[]}::text[]) q(w)
        cross join lateral (
          select word from search_words where word % q.w and word <> q.w
          order by similarity(word, q.w) desc, word limit 12
        ) v`;
      const out = new Map<string, WordInfo>();
      for (const w of words) out.set(w, { forms: [], known: false, neighbours: [] });
      for (const r of rows) {
        const info = out.get(r.w)!;
        const forms = distinctForms([formOf(r.s), formOf(r.i)]);
        if (r.alt === null) {
          info.forms = forms;
          info.known = r.known;
        } else {
          info.neighbours.push({ word: r.alt, forms });
        }
      }
      return out;
    },
  };
}

/**
 * For each word the vocabulary does not know, up to eight known words most similar to it
 * (pg_trgm), best first, each flagged when it comes from the taxonomy. Known words are absent.
 */
export function listSpellingCandidates(
  sql: Db,
  words: string[],
): Promise<{ w: string; candidates: string[]; taxonomy: boolean[] }[]> {
  return sql<{ w: string; candidates: string[]; taxonomy: boolean[] }[]>`
    select q.w, array_agg(v.word order by v.sim desc, v.word) as candidates,
      array_agg(v.from_taxonomy order by v.sim desc, v.word) as taxonomy
    from unnest(${words}::text[]) q(w)
    cross join lateral (
      select word, from_taxonomy, similarity(word, q.w) as sim from search_words
      where word % q.w order by sim desc, word limit 8) v
    where not exists (select 1 from search_words sw where sw.word = q.w)
    group by q.w`;
}
