import type { Db } from '../src/db/client.js';
import type { DocumentSource } from './documents.js';

/*
 * SQL of the search outbox and of Meilisearch's source rows. The worker and the reindex
 * (sync.ts) decide when and in which transaction; these statements only read and write.
 */

/**
 * Takes or renews the drain lease for `owner` when it is free, expired or already ours: one
 * drainer at a time across instances, without a transaction held while Meilisearch works.
 */
export async function acquireDrainLease(db: Db, owner: string, seconds: number): Promise<boolean> {
  const rows = await db`
    update search_state set drain_owner = ${owner}, drain_until = now() + make_interval(secs => ${seconds})
    where drain_until is null or drain_until < now() or drain_owner = ${owner}
    returning 1`;
  return rows.length > 0;
}

/** Gives the drain lease up (at stop), so another instance need not wait for it to run out. */
export async function releaseDrainLease(db: Db, owner: string): Promise<void> {
  await db`update search_state set drain_owner = null, drain_until = null where drain_owner = ${owner}`;
}

/**
 * Claims up to `limit` due outbox rows, oldest first, by pushing their availability `leaseSeconds`
 * ahead in one statement: no lock outlives it, and a drainer that dies leaves rows that come due again.
 */
export function leaseDueOutboxRows(
  db: Db,
  limit: number,
  leaseSeconds: number,
): Promise<{ id: string; supplierId: string }[]> {
  return db<{ id: string; supplierId: string }[]>`
    update search_outbox o set available_at = now() + make_interval(secs => ${leaseSeconds})
    from (select id from search_outbox where available_at <= now()
          order by id limit ${limit} for update skip locked) due
    where o.id = due.id
    returning o.id::text, o.supplier_id`;
}

/** Sets rejected documents aside with Meilisearch's error; their outbox rows are then removed. */
export async function deadLetter(
  db: Db,
  entries: { supplierId: string; error: string; document: unknown }[],
): Promise<void> {
  if (entries.length === 0) return;
  await db`
    insert into search_dead_letter (supplier_id, error, document)
    select * from unnest(${entries.map((e) => e.supplierId)}::uuid[], ${entries.map((e) => e.error)}::text[],
      ${entries.map((e) => JSON.stringify(e.document ?? null))}::jsonb[])`;
}

/** Dead-lettered documents, newest first (health detail and the tests). */
export function listDeadLetters(db: Db, limit = 100) {
  return db<{ supplierId: string; error: string; failedAt: Date }[]>`
    select supplier_id, error, failed_at from search_dead_letter order by id desc limit ${limit}`;
}

/** Removes outbox rows once their changes reached the index (or need not). */
export async function deleteOutboxRows(tx: Db, ids: string[]): Promise<void> {
  await tx`delete from search_outbox where id = any(${ids}::bigint[])`;
}

/** Keeps failed rows for later with an exponential backoff capped at `maxBackoffSeconds`. */
export async function deferOutboxRows(
  tx: Db,
  ids: string[],
  error: string,
  maxBackoffSeconds: number,
): Promise<void> {
  await tx`
    update search_outbox set attempts = attempts + 1, last_error = ${error},
      available_at = now() + make_interval(secs => least(${maxBackoffSeconds}, power(2, attempts)))
    where id = any(${ids}::bigint[])`;
}

/** The day of the last expiry sweep, locked so only one instance sweeps. */
export async function lockExpirySweepDay(tx: Db): Promise<string | null> {
  const [state]: [{ swept: string | null }?] = await tx`
    select expiry_swept::text as swept from search_state for update`;
  return state?.swept ?? null;
}

/** Queues every supplier with a certificate that expired in [since (or yesterday), today). */
export async function enqueueExpiredCertificates(tx: Db, since: string | null, today: string): Promise<void> {
  await tx`
    insert into search_outbox (supplier_id)
    select distinct c.supplier_id from supplier_search_certs c, unnest(c.cert_until) u
    where u >= coalesce(${since}::date, ${today}::date - 1) and u < ${today}::date`;
}

/** Records that today's expiry sweep is done. */
export async function markExpirySwept(tx: Db, today: string): Promise<void> {
  await tx`update search_state set expiry_swept = ${today}::date`;
}

/** xmin of the transaction's snapshot: every change committed later has a tx_id at or above it. */
export async function readSnapshotXmin(tx: Db): Promise<string> {
  const [snap]: [{ xmin: string }?] = await tx`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`;
  return snap!.xmin;
}

/** A cursor over the ids of searchable suppliers, in id order, `batchSize` at a time. */
export function cursorSearchableSupplierIds(tx: Db, batchSize: number) {
  return tx<{ supplierId: string }[]>`
    select supplier_id from supplier_search where searchable order by supplier_id`.cursor(batchSize);
}

/** Re-queues every supplier whose search row or certificates changed at or after `xmin`. */
export async function requeueChangedSince(db: Db, xmin: string): Promise<void> {
  await db`
    insert into search_outbox (supplier_id)
    select supplier_id from supplier_search where tx_id >= ${xmin}::xid8
    union select supplier_id from supplier_search_certs where tx_id >= ${xmin}::xid8`;
}

/** Loads what documents are made from, for the given suppliers (missing ids were deleted). */
export function loadDocumentSources(sql: Db, ids: readonly string[]): Promise<DocumentSource[]> {
  return sql<DocumentSource[]>`
    select ss.supplier_id, ss.searchable, ss.deleted, ss.status, ss.verified, ss.name, ss.trading_name,
      ss.name_norm, ss.province_code, ss.regency_code, ss.processes, ss.materials, ss.product_categories,
      ss.sectors, ss.employees, ss.lat, ss.lon,
      (extract(epoch from ss.supplier_updated_at) * 1000)::bigint::text as updated_ms,
      c.cert_types, c.cert_until::text[] as cert_until, c.tkdn_percent::float8[] as tkdn_percent,
      c.tkdn_until::text[] as tkdn_until, s.products, s.description_id, s.description_en,
      array(select m ->> 'type' from jsonb_array_elements(
        case when jsonb_typeof(s.machines) = 'array' then s.machines else '[]'::jsonb end) m) as machine_types
    from supplier_search ss
    left join supplier_search_certs c on c.supplier_id = ss.supplier_id
    left join suppliers s on s.organization_id = ss.supplier_id
    where ss.supplier_id = any(${ids as string[]}::uuid[])`;
}
