import type { Db, Sql } from '../db/client.js';

const LOCK = 'pasok:blob-disk-migration';

/**
 * Runs `work` on one reserved connection holding a session advisory lock, so instances that start
 * together move their disks one after the other (and two sharing one DATA_DIR never both move a file).
 */
export async function withMigrationLock<T>(sql: Sql, work: (db: Db) => Promise<T>): Promise<T> {
  const conn = await sql.reserve();
  try {
    await conn`select pg_advisory_lock(hashtext(${LOCK}))`;
    try {
      return await work(conn as unknown as Db);
    } finally {
      await conn`select pg_advisory_unlock(hashtext(${LOCK}))`;
    }
  } finally {
    conn.release();
  }
}

/** Points the file row that still names the disk key at its blob; false when no row does any more. */
export async function repointFile(db: Db, diskKey: string, blobId: string): Promise<boolean> {
  const rows = await db`update files set storage_key = ${blobId} where storage_key = ${diskKey} returning id`;
  return rows.length > 0;
}

export async function recordDiskMigration(
  db: Db,
  r: { dataDir: string; files: number; mails: number; bytes: number },
): Promise<void> {
  await db`
    insert into blob_disk_migrations (data_dir, files, mails, bytes)
    values (${r.dataDir}, ${r.files}, ${r.mails}, ${r.bytes})`;
}

/** How many starts moved files in (tests and operators). */
export async function countDiskMigrations(db: Db): Promise<number> {
  const [row] = await db<{ n: number }[]>`select count(*)::int as n from blob_disk_migrations`;
  return row!.n;
}
