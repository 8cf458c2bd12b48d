import type { Db } from '../db/client.js';

export type FilePurpose = 'evidence' | 'photo' | 'portfolio' | 'import' | 'mou';
export type MediaKind = 'photo' | 'portfolio';

export interface FileRow {
  id: string;
  organizationId: string | null;
  purpose: FilePurpose;
  filename: string;
  mime: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  isPublic: boolean;
  createdBy: string | null;
  createdAt: Date;
}

/** What a page needs to link to or show a file; never the storage key. */
export type FileMeta = Pick<FileRow, 'id' | 'filename' | 'mime' | 'sizeBytes' | 'createdAt'>;

export interface MediaItem extends FileMeta {
  kind: MediaKind;
  caption: string | null;
  position: number;
}

export interface EvidenceItem extends FileMeta {
  certificationId: string;
}

export type FileInsert = Omit<FileRow, 'id' | 'createdAt'>;

export async function insertFile(db: Db, f: FileInsert): Promise<FileRow> {
  const [row] = await db<FileRow[]>`
    insert into files ${db(f as unknown as Record<string, unknown>, 'organizationId', 'purpose', 'filename', 'mime', 'sizeBytes', 'sha256', 'storageKey', 'isPublic', 'createdBy')}
    returning *`;
  return row!;
}

export async function findFile(db: Db, id: string): Promise<FileRow | null> {
  const [row]: [FileRow?] = await db`select * from files where id = ${id}`;
  return row ?? null;
}

export async function deleteFileRow(db: Db, id: string): Promise<void> {
  await db`delete from files where id = ${id}`;
}

/** The certification, locked, only if it belongs to that supplier. */
export async function lockCertification(
  db: Db,
  certificationId: string,
  supplierId: string,
): Promise<{ id: string; evidenceFileId: string | null } | null> {
  const [row]: [{ id: string; evidenceFileId: string | null }?] = await db`
    select id, evidence_file_id from supplier_certifications
    where id = ${certificationId} and supplier_id = ${supplierId} for update`;
  return row ?? null;
}

/** Points the certification at its evidence file, or at none while a replacement is stored. */
export async function setEvidenceFile(db: Db, certificationId: string, fileId: string | null): Promise<void> {
  await db`
    update supplier_certifications set evidence_file_id = ${fileId}, updated_at = now()
    where id = ${certificationId}`;
}

/** Unlinks a file from every certification using it as evidence; returns their ids. */
export async function unlinkEvidence(db: Db, fileId: string): Promise<string[]> {
  const rows = await db<{ id: string }[]>`
    update supplier_certifications set evidence_file_id = null, updated_at = now()
    where evidence_file_id = ${fileId} returning id`;
  return rows.map((r) => r.id);
}

export async function countMedia(db: Db, supplierId: string): Promise<number> {
  const [row] = await db<
    { n: number }[]
  >`select count(*)::int as n from supplier_media where supplier_id = ${supplierId}`;
  return row?.n ?? 0;
}

/** Appends to the end of the supplier's gallery. */
export async function insertMedia(
  db: Db,
  m: { supplierId: string; fileId: string; kind: MediaKind; caption: string | null },
): Promise<void> {
  await db`
    insert into supplier_media (supplier_id, file_id, kind, caption, position)
    select ${m.supplierId}, ${m.fileId}, ${m.kind}, ${m.caption},
      coalesce(max(position) + 1, 0) from supplier_media where supplier_id = ${m.supplierId}`;
}

export async function deleteMedia(db: Db, fileId: string): Promise<number> {
  const rows = await db`delete from supplier_media where file_id = ${fileId} returning file_id`;
  return rows.length;
}

export function listMedia(db: Db, supplierId: string): Promise<MediaItem[]> {
  return db<MediaItem[]>`
    select f.id, f.filename, f.mime, f.size_bytes, f.created_at, m.kind, m.caption, m.position
    from supplier_media m join files f on f.id = m.file_id
    where m.supplier_id = ${supplierId}
    order by m.position, f.created_at`;
}

export function listEvidence(db: Db, supplierId: string): Promise<EvidenceItem[]> {
  return db<EvidenceItem[]>`
    select c.id as certification_id, f.id, f.filename, f.mime, f.size_bytes, f.created_at
    from supplier_certifications c join files f on f.id = c.evidence_file_id
    where c.supplier_id = ${supplierId}`;
}

/** Row lock so concurrent deletes of one file run one after the other. */
export async function lockFile(db: Db, id: string): Promise<FileRow | null> {
  const [row]: [FileRow?] = await db`select * from files where id = ${id} for update`;
  return row ?? null;
}

/**
 * Locks the organisation's row (`no key update`, so foreign-key inserts still pass) and returns
 * the bytes of its stored files: concurrent uploads of one organisation check the quota one at a time.
 */
export async function lockUsage(db: Db, organizationId: string): Promise<number> {
  await db`select id from organizations where id = ${organizationId} for no key update`;
  const [row] = await db<{ used: string }[]>`
    select coalesce(sum(size_bytes), 0)::text as used from files where organization_id = ${organizationId}`;
  return Number(row!.used);
}

/** Bytes of an organisation's stored files, without locking (for display). */
export async function sumUsage(db: Db, organizationId: string): Promise<number> {
  const [row] = await db<{ used: string }[]>`
    select coalesce(sum(size_bytes), 0)::text as used from files where organization_id = ${organizationId}`;
  return Number(row!.used);
}

/** Files nothing points at any more: no certification, gallery entry or outcome version. */
const unreferenced = (db: Db) => db`
  not exists (select 1 from supplier_certifications c where c.evidence_file_id = files.id)
  and not exists (select 1 from supplier_media m where m.file_id = files.id)
  and not exists (select 1 from outcome_versions v where v.mou_file_id = files.id)`;

/** Deletes the file row when nothing references it; returns its storage key (null when kept or gone). */
export async function deleteIfUnreferenced(
  db: Db,
  id: string,
): Promise<Pick<FileRow, 'storageKey' | 'filename' | 'sha256'> | null> {
  const [row]: [Pick<FileRow, 'storageKey' | 'filename' | 'sha256'>?] = await db`
    delete from files where id = ${id} and ${unreferenced(db)}
    returning storage_key, filename, sha256`;
  return row ?? null;
}

/**
 * Deletes up to `limit` supplier and MoU file rows created before `before` that nothing references
 * (left by replacements before blobs were collected, or by code paths that forgot to clean up).
 * Import sheets are the import pipeline's to keep or drop. Returns their storage keys.
 */
export async function deleteUnreferencedFiles(db: Db, before: Date, limit: number): Promise<string[]> {
  const rows = await db<{ storageKey: string }[]>`
    delete from files where id in (
      select id from files
      where purpose in ('evidence', 'photo', 'portfolio', 'mou') and created_at < ${before} and ${unreferenced(db)}
      limit ${limit} for update skip locked)
    returning storage_key`;
  return rows.map((r) => r.storageKey);
}
