import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { APP_ROOT } from '../root.js';
import type { Sql } from './client.js';

export const MIGRATIONS_DIR = path.join(APP_ROOT, 'migrations');

/** Any constant works; it only has to be the same for every instance of the app. */
const LOCK_KEY = 7_134_220_451;

export interface MigrationFile {
  version: string;
  name: string;
  file: string;
}

/** Lists `NNNN_name.sql` files in version order. */
export function listMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: f.slice(0, 4), name: f.slice(5, -4), file: path.join(dir, f) }));
}

/**
 * Applies pending migrations. Each file runs in its own transaction that first takes a
 * transaction-scoped advisory lock and re-checks the ledger, so several instances
 * starting at once apply every file exactly once.
 */
export async function migrate(sql: Sql, dir = MIGRATIONS_DIR): Promise<string[]> {
  await sql`
    create table if not exists schema_migrations (
      version text primary key,
      name text not null,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`.catch(async (err) => {
    // Two instances racing on the very first create can collide on the catalog; the loser retries.
    if ((err as { code?: string }).code !== '23505') throw err;
  });
  const applied: string[] = [];
  for (const m of listMigrations(dir)) {
    const body = fs.readFileSync(m.file, 'utf8');
    const checksum = createHash('sha256').update(body).digest('hex');
    const ran = await sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(${LOCK_KEY})`;
      const [row]: [{ checksum: string }?] = await tx`
        select checksum from schema_migrations where version = ${m.version}`;
      if (row) {
        if (row.checksum !== checksum) {
          throw new Error(`Migration ${m.version}_${m.name} was edited after it was applied`);
        }
        return false;
      }
      await tx.unsafe(body);
      await tx`insert into schema_migrations (version, name, checksum) values (${m.version}, ${m.name}, ${checksum})`;
      return true;
    });
    if (ran) applied.push(`${m.version}_${m.name}`);
  }
  return applied;
}
