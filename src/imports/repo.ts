import type { Db } from '../db/client.js';
import type { Mapping } from './fields.js';
import type { RegionRef } from './regions.js';
import type { RowIssue } from './rows.js';

export type ImportStatus = 'pending' | 'running' | 'done' | 'failed';
export type Outcome = 'created' | 'updated' | 'unchanged' | 'rejected';

export interface ImportRow {
  id: string;
  organizationId: string;
  createdBy: string | null;
  fileId: string | null;
  filename: string;
  status: ImportStatus;
  mapping: unknown;
  headers: string[];
  totalRows: number;
  processedRows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: RowIssue[];
  failure: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  heartbeatAt: Date | null;
  leaseOwner: string | null;
}

export interface ImportListRow extends ImportRow {
  creatorName: string | null;
}

export interface FileRef {
  id: string;
  storageKey: string;
  mime: string;
}

/** The uploaded bytes' `files` row: private, owned by the office, purpose `import`, so a commit can re-read it. */
export async function insertFile(
  db: Db,
  f: {
    organizationId: string;
    filename: string;
    mime: string;
    sizeBytes: number;
    sha256: string;
    storageKey: string;
    createdBy: string;
  },
): Promise<string> {
  const [row] = await db<{ id: string }[]>`
    insert into files (organization_id, purpose, filename, mime, size_bytes, sha256, storage_key, is_public, created_by)
    values (${f.organizationId}, 'import', ${f.filename}, ${f.mime}, ${f.sizeBytes}, ${f.sha256}, ${f.storageKey}, false, ${f.createdBy})
    returning id`;
  return row!.id;
}

/** Only import files: another purpose's file id never reaches the spreadsheet parser. */
export async function findFile(db: Db, id: string): Promise<FileRef | null> {
  const [row]: [FileRef?] =
    await db`select id, storage_key, mime from files where id = ${id} and purpose = 'import'`;
  return row ?? null;
}

/** A pending import with its headers, first mapping and the preview's row findings. */
export async function insertImport(
  db: Db,
  i: {
    organizationId: string;
    createdBy: string;
    fileId: string;
    filename: string;
    headers: string[];
    mapping: Mapping;
    totalRows: number;
    errors: RowIssue[];
  },
): Promise<ImportRow> {
  const [row] = await db<ImportRow[]>`
    insert into imports (organization_id, created_by, file_id, filename, headers, mapping, total_rows, errors)
    values (${i.organizationId}, ${i.createdBy}, ${i.fileId}, ${i.filename}, ${i.headers}::text[],
      ${db.json(i.mapping as never)}, ${i.totalRows}, ${db.json(i.errors as never)})
    returning *`;
  return row!;
}

/** With the uploader's name, which every import page shows. */
export async function findImport(db: Db, id: string): Promise<ImportListRow | null> {
  const [row]: [ImportListRow?] = await db`
    select i.*, u.name as creator_name from imports i left join users u on u.id = i.created_by where i.id = ${id}`;
  return row ?? null;
}

/** Newest first; `orgIds` null lists every office's imports (for admins). */
export function listImports(db: Db, orgIds: string[] | null, limit = 50): Promise<ImportListRow[]> {
  return db<ImportListRow[]>`
    select i.*, u.name as creator_name from imports i left join users u on u.id = i.created_by
    ${orgIds ? db`where i.organization_id = any(${orgIds}::uuid[])` : db``}
    order by i.created_at desc limit ${limit}`;
}

/** A new mapping replaces the preview's findings; only a pending import can be remapped. */
export async function updateImportMapping(
  db: Db,
  id: string,
  mapping: Mapping,
  errors: RowIssue[],
): Promise<boolean> {
  const rows = await db`
    update imports set mapping = ${db.json(mapping as never)}, errors = ${db.json(errors as never)}
    where id = ${id} and status = 'pending' returning id`;
  return rows.length === 1;
}

/**
 * Moves an import to `running` (queued for a worker) in the statement that checks it may
 * start: pending, or failed (a retry). Two clicks on "commit" start it once. A running
 * import whose worker died is not restarted here but taken over by a job (acquireImportLease).
 */
export async function claimImportRun(
  db: Db,
  id: string,
  now: Date,
  legalBasis: string | null = null,
): Promise<ImportRow | null> {
  const [row]: [ImportRow?] = await db`
    update imports set status = 'running', started_at = ${now}, finished_at = null, failure = null,
      legal_basis = coalesce(${legalBasis}, legal_basis),
      processed_rows = 0, created = 0, updated = 0, unchanged = 0, rejected = 0, errors = '[]'::jsonb,
      heartbeat_at = ${now}, lease_owner = null
    where id = ${id} and status in ('pending', 'failed')
    returning *`;
  if (row) await db`delete from import_rows where import_id = ${id}`;
  return row ?? null;
}

/** Adds one batch's counts and renews the lease; false when this worker no longer holds it. */
export async function recordBatch(
  db: Db,
  id: string,
  owner: string,
  now: Date,
  b: {
    processed: number;
    created: number;
    updated: number;
    unchanged: number;
    rejected: number;
    errors: RowIssue[];
  },
): Promise<boolean> {
  const rows = await db`
    update imports set processed_rows = processed_rows + ${b.processed}, created = created + ${b.created},
      updated = updated + ${b.updated}, unchanged = unchanged + ${b.unchanged}, rejected = rejected + ${b.rejected},
      errors = errors || ${db.json(b.errors as never)}, heartbeat_at = ${now}
    where id = ${id} and status = 'running' and lease_owner = ${owner} returning id`;
  return rows.length === 1;
}

/** Ends a run held by `owner`; null when another worker took it over meanwhile. */
export async function finishImport(
  db: Db,
  id: string,
  owner: string,
  f: { status: 'done' | 'failed'; failure: string | null; now: Date },
): Promise<ImportRow | null> {
  const [row]: [ImportRow?] = await db`
    update imports set status = ${f.status}, failure = ${f.failure}, finished_at = ${f.now},
      lease_owner = null, heartbeat_at = ${f.now}
    where id = ${id} and status = 'running' and lease_owner = ${owner} returning *`;
  return row ?? null;
}

/**
 * Takes the lease of a running import for `owner`: free (just queued) or abandoned (no
 * heartbeat since `staleBefore`). The conditional update is the lock: of two workers, one wins.
 */
export async function acquireImportLease(
  db: Db,
  id: string,
  owner: string,
  now: Date,
  staleBefore: Date,
): Promise<ImportRow | null> {
  const [row]: [ImportRow?] = await db`
    update imports set lease_owner = ${owner}, heartbeat_at = ${now}
    where id = ${id} and status = 'running'
      and (lease_owner is null or heartbeat_at is null or heartbeat_at < ${staleBefore})
    returning *`;
  return row ?? null;
}

/** Renews the lease while a worker reads or checks; false when it was lost. */
export async function renewImportLease(db: Db, id: string, owner: string, now: Date): Promise<boolean> {
  const rows = await db`
    update imports set heartbeat_at = ${now}
    where id = ${id} and status = 'running' and lease_owner = ${owner} returning id`;
  return rows.length === 1;
}

/**
 * Locks the import for one batch and says where the worker stands: the rows already done,
 * or null when the lease is gone. Taken first in the batch's transaction, so a takeover waits
 * for an in-flight batch and then resumes after it.
 */
export async function lockImportForBatch(db: Db, id: string, owner: string): Promise<number | null> {
  const [row]: [{ processedRows: number }?] = await db`
    select processed_rows from imports
    where id = ${id} and status = 'running' and lease_owner = ${owner} for update`;
  return row ? row.processedRows : null;
}

/**
 * Running imports whose worker has gone quiet, released (no lease owner, heartbeat set to now)
 * in the same statement, so that of several callers only one sends the takeover job. A worker
 * that was only slow finds its lease gone at its next batch and stops without writing.
 */
export function requeueAbandoned(
  db: Db,
  opts: { ids: string[] | null; staleBefore: Date; now: Date },
): Promise<{ id: string; createdBy: string | null }[]> {
  return db<{ id: string; createdBy: string | null }[]>`
    update imports set heartbeat_at = ${opts.now}, lease_owner = null
    where status = 'running' and coalesce(heartbeat_at, started_at) < ${opts.staleBefore}
      ${opts.ids ? db`and id = any(${opts.ids}::uuid[])` : db``}
    returning id, created_by`;
}

export interface OutcomeRow {
  row: number;
  outcome: Outcome;
  supplierId: string | null;
  legalName: string | null;
  note: string | null;
}

/** One row per sheet row of a batch, written in the batch's transaction. */
export async function insertOutcomes(db: Db, importId: string, rows: OutcomeRow[]): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map((r) => ({
    importId,
    rowNumber: r.row,
    outcome: r.outcome,
    supplierId: r.supplierId,
    legalName: r.legalName,
    note: r.note,
  }));
  await db`insert into import_rows ${db(values, 'importId', 'rowNumber', 'outcome', 'supplierId', 'legalName', 'note')}`;
}

export interface OutcomeListRow extends OutcomeRow {
  /** True when a claim link can still be made: an unclaimed binaan supplier. */
  claimable: boolean;
}

/** The result page's table, with whether each supplier can still get a claim link. */
export function listOutcomes(
  db: Db,
  importId: string,
  opts: { outcome?: Outcome | undefined; limit: number; offset: number },
): Promise<OutcomeListRow[]> {
  return db<OutcomeListRow[]>`
    select r.row_number as row, r.outcome, r.supplier_id, coalesce(s.legal_name, r.legal_name) as legal_name, r.note,
      (s.binaan_of is not null and s.claimed_at is null) as claimable
    from import_rows r left join suppliers s on s.organization_id = r.supplier_id
    where r.import_id = ${importId} ${opts.outcome ? db`and r.outcome = ${opts.outcome}` : db``}
    order by r.row_number limit ${opts.limit} offset ${opts.offset}`;
}

/** The mapping this user saved for this header layout, as stored (validated by the caller). */
export async function findSavedMapping(db: Db, userId: string, signature: string): Promise<unknown> {
  const [row]: [{ mapping: unknown }?] = await db`
    select mapping from import_mappings where user_id = ${userId} and header_signature = ${signature}`;
  return row?.mapping ?? null;
}

/** Remembers a mapping per user and header layout; the latest save wins. */
export async function saveMapping(
  db: Db,
  userId: string,
  signature: string,
  mapping: Mapping,
): Promise<void> {
  await db`
    insert into import_mappings (user_id, header_signature, mapping) values (${userId}, ${signature}, ${db.json(mapping as never)})
    on conflict (user_id, header_signature) do update set mapping = excluded.mapping, updated_at = now()`;
}

/** All provinces and regencies, for the in-memory place matcher. */
export function listRegions(db: Db): Promise<RegionRef[]> {
  return db<RegionRef[]>`select code, kind, name, province_code from regions order by code`;
}
