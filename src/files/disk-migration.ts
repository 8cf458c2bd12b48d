import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Db, Sql } from '../db/client.js';
import type { Logger } from '../logger.js';
import { storeMail } from '../mail/mailer.js';
import { ORPHAN_GRACE_MS } from './limits.js';
import { recordDiskMigration, repointFile, withMigrationLock } from './migration-repo.js';
import { deleteBlob, saveBlob } from './storage.js';

/** Keys the disk storage generated: `ab/<uuid>` under DATA_DIR/uploads. */
const DISK_KEY = /^[0-9a-f]{2}\/[0-9a-f-]{36}$/;
const EML = /^[\w.-]+\.eml$/;

export interface DiskMigrationResult {
  files: number;
  mails: number;
  bytes: number;
  /** Files on disk no row knew, older than the orphan grace period, deleted. */
  orphans: number;
}

/**
 * Moves what earlier versions kept in DATA_DIR (uploads/ and mail/) into PostgreSQL, once: each
 * file is streamed into a blob, its row repointed, and only then deleted from disk, so a crash
 * half-way loses nothing and the next start carries on. Runs under an advisory lock (instances
 * starting together take turns); with nothing left on disk it returns at once. A start that moved
 * anything is recorded in `blob_disk_migrations`.
 */
export async function migrateDiskFiles(
  deps: { sql: Sql; dataDir: string; logger: Logger },
  now = new Date(),
): Promise<DiskMigrationResult> {
  const result: DiskMigrationResult = { files: 0, mails: 0, bytes: 0, orphans: 0 };
  const uploads = path.join(deps.dataDir, 'uploads');
  const mail = path.join(deps.dataDir, 'mail');
  if (!(await exists(uploads)) && !(await exists(mail))) return result;
  await withMigrationLock(deps.sql, async (db) => {
    await moveUploads(db, uploads, now, result);
    await moveMail(db, mail, result);
    if (result.files + result.mails > 0) await recordDiskMigration(db, { dataDir: deps.dataDir, ...result });
  });
  deps.logger.info(result, 'files moved from DATA_DIR into PostgreSQL');
  return result;
}

async function moveUploads(db: Db, root: string, now: Date, result: DiskMigrationResult): Promise<void> {
  for (const dir of await fs.readdir(root, { withFileTypes: true }).catch(() => [])) {
    if (!dir.isDirectory()) continue;
    const folder = path.join(root, dir.name);
    for (const name of await fs.readdir(folder)) {
      const key = `${dir.name}/${name}`;
      const file = path.join(folder, name);
      if (!DISK_KEY.test(key)) continue;
      const blob = await saveBlob(db, createReadStream(file));
      if (await repointFile(db, key, blob.storageKey)) {
        result.files++;
        result.bytes += blob.size;
        await fs.rm(file, { force: true });
        continue;
      }
      await deleteBlob(db, blob.storageKey);
      const st = await fs.stat(file);
      if (now.getTime() - st.mtime.getTime() > ORPHAN_GRACE_MS) {
        await fs.rm(file, { force: true });
        result.orphans++;
      }
    }
    await fs.rmdir(folder).catch(() => {});
  }
  await fs.rmdir(root).catch(() => {});
}

async function moveMail(db: Db, dir: string, result: DiskMigrationResult): Promise<void> {
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    if (!EML.test(name)) continue;
    const file = path.join(dir, name);
    const [raw, st] = await Promise.all([fs.readFile(file), fs.stat(file)]);
    if (await storeMail(db, raw, { name, createdAt: st.mtime })) {
      result.mails++;
      result.bytes += raw.byteLength;
    }
    await fs.rm(file, { force: true });
  }
  await fs.rmdir(dir).catch(() => {});
}

const exists = (p: string) =>
  fs.stat(p).then(
    () => true,
    () => false,
  );
