import type { Db } from '../db/client.js';

export interface BlobRow {
  id: string;
  sha256: string | null;
  sizeBytes: number;
  contentType: string;
  complete: boolean;
  createdAt: Date;
}

/** A new, incomplete blob row; its chunks follow, then `completeBlob`. */
export async function insertBlob(db: Db, contentType: string): Promise<string> {
  const [row] = await db<{ id: string }[]>`
    insert into blobs (content_type) values (${contentType}) returning id`;
  return row!.id;
}

export async function insertChunk(db: Db, blobId: string, n: number, bytes: Uint8Array): Promise<void> {
  await db`insert into blob_chunks (blob_id, n, bytes) values (${blobId}, ${n}, ${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)})`;
}

export async function completeBlob(db: Db, id: string, sha256: string, sizeBytes: number): Promise<void> {
  await db`update blobs set sha256 = ${sha256}, size_bytes = ${sizeBytes}, complete = true where id = ${id}`;
}

/** A complete blob's metadata (size as a number: blobs stay far below 2^53 bytes). */
export async function findBlob(db: Db, id: string): Promise<BlobRow | null> {
  const [row]: [BlobRow?] = await db`
    select id, sha256, size_bytes::float8 as size_bytes, content_type, complete, created_at
    from blobs where id = ${id} and complete`;
  return row ?? null;
}

/** One chunk's bytes, or null past the end. */
export async function readChunk(db: Db, blobId: string, n: number): Promise<Buffer | null> {
  const [row]: [{ bytes: Buffer }?] = await db`
    select bytes from blob_chunks where blob_id = ${blobId} and n = ${n}`;
  return row?.bytes ?? null;
}

export async function deleteBlobRow(db: Db, id: string): Promise<void> {
  await db`delete from blobs where id = ${id}`;
}

/**
 * Deletes up to `limit` blobs created before `before` that no file row and no mail points at
 * (uploads whose transaction failed, replaced files, writes a crash cut short). Returns how many.
 */
export async function deleteUnreferencedBlobs(db: Db, before: Date, limit: number): Promise<number> {
  const rows = await db`
    delete from blobs where id in (
      select b.id from blobs b
      where b.created_at < ${before}
        and not exists (select 1 from files f where f.storage_key = b.id::text)
        and not exists (select 1 from mail_messages m where m.blob_id = b.id)
      limit ${limit} for update skip locked)
    returning id`;
  return rows.length;
}

/** Count and bytes of complete blobs (metrics, restore drill). */
export async function blobTotals(db: Db): Promise<{ count: number; bytes: number }> {
  const [row] = await db<{ count: number; bytes: number }[]>`
    select count(*)::int as count, coalesce(sum(size_bytes), 0)::float8 as bytes from blobs where complete`;
  return row!;
}
