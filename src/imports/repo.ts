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
 * Moves an import to `running` in the statement that checks it may start: pending, failed
 * (a retry), or running but stale (its process died). Two clicks on "commit" start it once.
 */
export async function claimImportRun(
  db: Db,
  id: string,
  now: Date,
  staleBefore: Date,
): Promise<ImportRow | null> {
  const [row]: [ImportRow?] = await db`
    update imports set status = 'running', started_at = ${now}, finished_at = null, failure = null,
      processed_rows = 0, created = 0, updated = 0, unchanged = 0, rejected = 0, errors = '[]'::jsonb
    where id = ${id} and (status in ('pending', 'failed') or (status = 'running' and started_at < ${staleBefore}))
    returning *`;
  if (row) await db`delete from import_rows where import_id = ${id}`;
  return row ?? null;
}

/** Adds one batch's counts; false when the import is no longer running (marked interrupted). */
export async function recordBatch(
  db: Db,
  id: string,
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
      errors = errors || ${db.json(b.errors as never)}
    where id = ${id} and status = 'running' returning id`;
  return rows.length === 1;
}

/** Ends a run; a run marked interrupted meanwhile stays failed (null). */
export async function finishImport(
  db: Db,
  id: string,
  f: { status: 'done' | 'failed'; failure: string | null; now: Date },
): Promise<ImportRow | null> {
  const [row]: [ImportRow?] = await db`
    update imports set status = ${f.status}, failure = ${f.failure}, finished_at = ${f.now}
    where id = ${id} and status = 'running' returning *`;
  return row ?? null;
}

/**
 * Runs whose process died show as failed rather than spinning forever: `running` imports
 * started before `staleBefore`, except those this process is still working on.
 */
export async function markInterrupted(
  db: Db,
  ids: string[],
  opts: { staleBefore: Date; now: Date; activeHere: string[] },
): Promise<void> {
  if (ids.length === 0) return;
  await db`
    update imports set status = 'failed', failure = 'interrupted', finished_at = ${opts.now}
    where id = any(${ids}::uuid[]) and status = 'running' and started_at < ${opts.staleBefore}
      and id <> all(${opts.activeHere}::uuid[])`;
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
