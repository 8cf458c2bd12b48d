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

export async function setEvidenceFile(db: Db, certificationId: string, fileId: string): Promise<void> {
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
