import type { Sql } from '../../src/db/client.js';
import { readBlob } from '../../src/files/storage.js';

/**
 * The raw .eml texts the file mailer stored in PostgreSQL, oldest first. With `take`, they are
 * removed afterwards, so the next call sees only newer mail.
 */
export async function storedMail(sql: Sql, opts: { take?: boolean } = {}): Promise<string[]> {
  const rows = await sql<{ id: string; blobId: string }[]>`
    select id, blob_id from mail_messages order by created_at, id`;
  const raws = await Promise.all(rows.map(async (r) => (await readBlob(sql, r.blobId)).toString('utf8')));
  if (opts.take && rows.length) {
    const ids = rows.map((r) => r.id);
    const blobIds = rows.map((r) => r.blobId);
    await sql`delete from mail_messages where id = any(${ids}::uuid[])`;
    await sql`delete from blobs where id = any(${blobIds}::uuid[])`;
  }
  return raws;
}
