import type { Db } from '../db/client.js';
import type { FileMeta } from '../files/repo.js';

/** An attachment of a need: the file's metadata (never its storage key). */
export type AttachmentRow = FileMeta;

/** Links a stored file to a need. */
export async function insertAttachment(
  db: Db,
  needId: string,
  fileId: string,
  userId: string,
): Promise<void> {
  await db`insert into need_attachments (need_id, file_id, added_by) values (${needId}, ${fileId}, ${userId})`;
}

export async function countAttachments(db: Db, needId: string): Promise<number> {
  const [row] = await db<
    { n: number }[]
  >`select count(*)::int as n from need_attachments where need_id = ${needId}`;
  return row?.n ?? 0;
}

/** A need's attachments, oldest first. */
export function listAttachments(db: Db, needId: string): Promise<AttachmentRow[]> {
  return db<AttachmentRow[]>`
    select f.id, f.filename, f.mime, f.size_bytes, f.created_at
    from need_attachments a join files f on f.id = a.file_id
    where a.need_id = ${needId} order by f.created_at, f.id`;
}

/** The file behind an attachment of this need (with its storage key), or null. */
export async function findAttachmentFile(
  db: Db,
  needId: string,
  fileId: string,
): Promise<{ id: string; filename: string; mime: string; storageKey: string } | null> {
  const [row]: [{ id: string; filename: string; mime: string; storageKey: string }?] = await db`
    select f.id, f.filename, f.mime, f.storage_key from need_attachments a join files f on f.id = a.file_id
    where a.need_id = ${needId} and a.file_id = ${fileId}`;
  return row ?? null;
}

/** The file attached to a supplier's live quote on this need, or null. */
export async function findQuoteFile(
  db: Db,
  needId: string,
  fileId: string,
): Promise<{ id: string; filename: string; mime: string; storageKey: string; supplierId: string } | null> {
  const [row]: [{ id: string; filename: string; mime: string; storageKey: string; supplierId: string }?] =
    await db`
    select f.id, f.filename, f.mime, f.storage_key, q.supplier_id from need_quotes q join files f on f.id = q.file_id
    where q.need_id = ${needId} and q.file_id = ${fileId}`;
  return row ?? null;
}

/** Unlinks and deletes an attachment's file row; returns its storage key (null when it was not attached). */
export async function deleteAttachment(db: Db, needId: string, fileId: string): Promise<string | null> {
  const [link] =
    await db`delete from need_attachments where need_id = ${needId} and file_id = ${fileId} returning file_id`;
  if (!link) return null;
  const [row]: [{ storageKey: string }?] =
    await db`delete from files where id = ${fileId} returning storage_key`;
  return row?.storageKey ?? null;
}

export interface QuoteRow {
  id: string;
  needId: string;
  supplierId: string;
  supplierName: string;
  /** bigint as text, exact. */
  unitPriceIdr: string;
  minOrder: number;
  leadTimeDays: number;
  validUntil: string;
  notes: string | null;
  fileId: string | null;
  fileName: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface QuoteWrite {
  unitPriceIdr: string;
  minOrder: number;
  leadTimeDays: number;
  validUntil: string;
  notes: string | null;
  fileId: string | null;
}

const selectQuote = (db: Db) => db`
  select q.id, q.need_id, q.supplier_id, s.legal_name as supplier_name, q.unit_price_idr::text as unit_price_idr,
    q.min_order::float8 as min_order, q.lead_time_days, to_char(q.valid_until, 'YYYY-MM-DD') as valid_until,
    q.notes, q.file_id, f.filename as file_name, q.version, q.created_at, q.updated_at
  from need_quotes q join suppliers s on s.organization_id = q.supplier_id
  left join files f on f.id = q.file_id`;

/** Quotes on a need, cheapest first; `supplierIds` narrows them to the viewer's own. */
export function listQuotes(db: Db, needId: string, supplierIds?: readonly string[]): Promise<QuoteRow[]> {
  return db<QuoteRow[]>`${selectQuote(db)} where q.need_id = ${needId}
    ${supplierIds ? db`and q.supplier_id = any(${supplierIds as string[]}::uuid[])` : db``}
    order by q.unit_price_idr, q.lead_time_days, q.id`;
}

export async function findQuote(db: Db, id: string): Promise<QuoteRow | null> {
  const [row]: [QuoteRow?] = await db`${selectQuote(db)} where q.id = ${id}`;
  return row ?? null;
}

/**
 * Inserts the supplier's quote, or revises the live one: the old values go to the version history
 * and the version number goes up, all in one statement pair under the row lock the upsert takes.
 * Returns the quote id and the replaced attachment's file id (to remove once nothing uses it).
 */
export async function upsertQuote(
  db: Db,
  needId: string,
  supplierId: string,
  userId: string,
  w: QuoteWrite,
): Promise<{ id: string; version: number }> {
  await db`
    insert into need_quote_versions (quote_id, version, unit_price_idr, min_order, lead_time_days, valid_until, notes, file_id, created_at)
    select id, version, unit_price_idr, min_order, lead_time_days, valid_until, notes, file_id, updated_at
    from need_quotes where need_id = ${needId} and supplier_id = ${supplierId} for update`;
  const [row] = await db<{ id: string; version: number }[]>`
    insert into need_quotes (need_id, supplier_id, unit_price_idr, min_order, lead_time_days, valid_until, notes, file_id, submitted_by)
    values (${needId}, ${supplierId}, ${w.unitPriceIdr}, ${w.minOrder}, ${w.leadTimeDays}, ${w.validUntil}, ${w.notes},
      ${w.fileId}, ${userId})
    on conflict (need_id, supplier_id) do update set unit_price_idr = excluded.unit_price_idr,
      min_order = excluded.min_order, lead_time_days = excluded.lead_time_days, valid_until = excluded.valid_until,
      notes = excluded.notes, file_id = coalesce(excluded.file_id, need_quotes.file_id),
      submitted_by = excluded.submitted_by, version = need_quotes.version + 1, updated_at = now()
    returning id, version`;
  return row!;
}

/** Records the award on the need and closes it (the caller holds the need's row lock). */
export async function setAward(
  db: Db,
  needId: string,
  a: { quoteId: string; supplierId: string; valueIdr: string; userId: string; now: Date },
): Promise<void> {
  await db`
    update needs set status = 'closed', close_reason = 'awarded', closed_at = ${a.now}, updated_at = ${a.now},
      awarded_quote_id = ${a.quoteId}, awarded_supplier_id = ${a.supplierId}, award_value_idr = ${a.valueIdr},
      awarded_at = ${a.now}, awarded_by = ${a.userId}
    where id = ${needId}`;
}

export interface AwardRow {
  awardedQuoteId: string | null;
  awardedSupplierId: string | null;
  supplierName: string | null;
  /** bigint as text. */
  awardValueIdr: string | null;
  awardedAt: Date | null;
}

/** The award of a need (all null when none). */
export async function findAward(db: Db, needId: string): Promise<AwardRow | null> {
  const [row]: [AwardRow?] = await db`
    select n.awarded_quote_id, n.awarded_supplier_id, s.legal_name as supplier_name,
      n.award_value_idr::text as award_value_idr, n.awarded_at
    from needs n left join suppliers s on s.organization_id = n.awarded_supplier_id where n.id = ${needId}`;
  return row ?? null;
}
