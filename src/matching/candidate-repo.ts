import { CHANGES_AT_ONCE, changedSince } from '../../search/pg-repo.js';
import type { Db, Sql } from '../db/client.js';
import type { SupplierFacts, SupplierStatus } from './types.js';

/**
 * Statuses a supplier can be matched in at all: verified, and submitted (complete, awaiting a
 * facilitator). Drafts are unfinished and rejected or suspended profiles are excluded outright.
 * Who sees which is decided per viewer, as search does: buyers and suppliers see verified
 * suppliers only, facilitators also those awaiting verification (scored lower: no verification boost).
 */
export const MATCHABLE_STATUSES: readonly SupplierStatus[] = ['verified', 'submitted'];

interface FactsRow {
  id: string;
  status: SupplierStatus;
  lat: number | null;
  lon: number | null;
  regencyCode: string | null;
  processes: string[];
  materials: string[];
  capacityAmount: number | null;
  capacityUnit: string | null;
  certTypes: string[];
  certUntil: (string | null)[];
  certTkdn: (number | null)[];
}

/** Columns of `suppliers s` plus its certificates as parallel arrays (TKDN % only on `tkdn` certificates). */
function factColumns(db: Db) {
  return db`
    s.organization_id as id, s.status, s.lat, s.lon, s.regency_code, s.processes, s.materials,
    s.capacity_amount::float8 as capacity_amount, s.capacity_unit,
    coalesce(c.types, '{}') as cert_types, coalesce(c.untils, '{}') as cert_until,
    coalesce(c.tkdn, '{}') as cert_tkdn`;
}

function certJoin(db: Db) {
  return db`
    left join lateral (
      select array_agg(x.type order by x.id) as types,
        array_agg(to_char(x.valid_until, 'YYYY-MM-DD') order by x.id) as untils,
        array_agg(case when x.type = 'tkdn' then x.tkdn_percent::float8 end order by x.id) as tkdn
      from supplier_certifications x where x.supplier_id = s.organization_id
    ) c on true`;
}

function toFacts(r: FactsRow): SupplierFacts {
  return {
    id: r.id,
    status: r.status,
    lat: r.lat,
    lon: r.lon,
    regencyCode: r.regencyCode,
    processes: r.processes,
    materials: r.materials,
    certTypes: r.certTypes,
    certUntil: r.certUntil,
    certTkdn: r.certTkdn,
    capacityAmount: r.capacityAmount,
    capacityUnit: r.capacityUnit,
  };
}

/**
 * Streams the facts of every matchable supplier under one snapshot and returns that snapshot's
 * xmin: changes committed later carry a search tx_id at or above it (see readFactChanges).
 * `onCount` first hears how many rows will come (same snapshot), so the caller can size its
 * columns once instead of growing them through a million rows (~0.15 s at a million).
 * Batches are 1,000 rows: at 5,000 the rows alive across each batch's slices were promoted to the
 * old generation, and the peak RSS of a million-row load was ~35 MB higher, for no faster load.
 */
export async function readAllFacts(
  sql: Sql,
  onBatch: (rows: SupplierFacts[]) => void | Promise<void>,
  opts: { batchSize?: number; onCount?: (rows: number) => void } = {},
): Promise<string> {
  return (await sql.begin('isolation level repeatable read read only', async (tx) => {
    const [snap] = await tx<{ xmin: string }[]>`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`;
    if (opts.onCount) {
      const [c] = await tx<{ n: number }[]>`
        select count(*)::int as n from suppliers s where s.status in ${tx(MATCHABLE_STATUSES as SupplierStatus[])}`;
      opts.onCount(c!.n);
    }
    const cursor = tx<FactsRow[]>`
      select ${factColumns(tx)} from suppliers s ${certJoin(tx)}
      where s.status in ${tx(MATCHABLE_STATUSES as SupplierStatus[])}`.cursor(opts.batchSize ?? 1000);
    // The rows are passed as they come (a row already has every SupplierFacts field): a copy of
    // each would be one more short-lived object per supplier while the index loads.
    for await (const rows of cursor) await onBatch(rows);
    return snap!.xmin;
  })) as string;
}

export interface FactChange {
  id: string;
  facts: SupplierFacts | null;
}

/**
 * Suppliers written since `since` (an earlier snapshot's xmin), found through the search tables'
 * transaction ids, which triggers bump in every writer's transaction. A changed supplier comes
 * to `onBatch` with its current facts, or with `facts: null` when it is gone or no longer
 * matchable. Usually one statement: the changes and the new xmin come from the same snapshot.
 * More than CHANGES_AT_ONCE changes (a bulk import) are read again under one
 * repeatable-read snapshot through a cursor, a page at a time, so memory stays bounded.
 */
export async function readFactChanges(
  sql: Sql,
  since: string,
  onBatch: (changed: FactChange[]) => Promise<void>,
  opts: { atOnce?: number; pageSize?: number } = {},
): Promise<string> {
  const atOnce = opts.atOnce ?? CHANGES_AT_ONCE;
  type Row = Partial<FactsRow> & { changedId: string | null };
  const toChanges = (rows: Row[]) =>
    rows
      .filter((r) => r.changedId !== null)
      .map((r) => ({ id: r.changedId!, facts: r.id ? toFacts(r as FactsRow) : null }));
  const rows = await sql<(Row & { snapXmin: string; changedCount: number })[]>`
    with snap as materialized (select pg_snapshot_xmin(pg_current_snapshot())::text as snap_xmin),
    changed as materialized (select supplier_id from (${changedSince(sql, since)}) u limit ${atOnce + 1})
    select snap.snap_xmin, (select count(*) from changed)::int as changed_count,
      ch.supplier_id as changed_id, f.*
    from snap
    left join changed ch on true
    left join lateral (
      select ${factColumns(sql)} from suppliers s ${certJoin(sql)}
      where s.organization_id = ch.supplier_id and s.status in ${sql(MATCHABLE_STATUSES as SupplierStatus[])}
    ) f on true`;
  const first = rows[0]!;
  if (first.changedCount <= atOnce) {
    const changed = toChanges(rows);
    if (changed.length) await onBatch(changed);
    return first.snapXmin;
  }
  return (await sql.begin('isolation level repeatable read read only', async (tx) => {
    const [snap] = await tx<{ xmin: string }[]>`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`;
    const cursor = tx<Row[]>`
      select ch.supplier_id as changed_id, f.*
      from (${changedSince(tx, since)}) ch
      left join lateral (
        select ${factColumns(tx)} from suppliers s ${certJoin(tx)}
        where s.organization_id = ch.supplier_id and s.status in ${tx(MATCHABLE_STATUSES as SupplierStatus[])}
      ) f on true`.cursor(opts.pageSize ?? 1000);
    for await (const page of cursor) await onBatch(toChanges(page));
    return snap!.xmin;
  })) as string;
}

/** Facts straight from the source tables, whatever the status: for "why not" and for re-checking hits. */
export async function loadFacts(db: Db, ids: readonly string[]): Promise<Map<string, SupplierFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await db<FactsRow[]>`
    select ${factColumns(db)} from suppliers s ${certJoin(db)}
    where s.organization_id = any(${ids as string[]}::uuid[])`;
  return new Map(rows.map((r) => [r.id, toFacts(r)]));
}

export interface SupplierCard {
  id: string;
  legalName: string;
  tradingName: string | null;
  regencyName: string | null;
  provinceName: string | null;
  employees: number | null;
  yearFounded: number | null;
  capacityAmount: number | null;
  capacityUnit: string | null;
  status: SupplierStatus;
}

/** What a match row shows besides its score and reasons. */
export async function loadCards(db: Db, ids: readonly string[]): Promise<Map<string, SupplierCard>> {
  if (ids.length === 0) return new Map();
  const rows = await db<SupplierCard[]>`
    select s.organization_id as id, s.legal_name, s.trading_name, r.name as regency_name,
      p.name as province_name, s.employees, s.year_founded, s.capacity_amount::float8 as capacity_amount,
      s.capacity_unit, s.status
    from suppliers s
    left join regions r on r.code = s.regency_code
    left join regions p on p.code = s.province_code
    where s.organization_id = any(${ids as string[]}::uuid[])`;
  return new Map(rows.map((r) => [r.id, r]));
}
