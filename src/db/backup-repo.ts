import type postgres from 'postgres';

/** A raw connection (no camelCase transform): backup copies catalog names and rows verbatim. */
export type RawSql = postgres.Sql | postgres.TransactionSql;

export interface TableDef {
  name: string;
  columns: string[];
}

/** Application tables (schema public), each with its stored columns (generated ones are derived again). */
export async function listTables(db: RawSql): Promise<TableDef[]> {
  const rows = await db<{ name: string; columns: string[] }[]>`
    select c.relname as name,
      array_agg(a.attname::text order by a.attnum) as columns
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
    group by c.relname
    order by c.relname`;
  return rows.map((r) => ({ name: r.name, columns: r.columns }));
}

/** Sequences of schema public with their position, to set again after the rows are back. */
export function listSequences(
  db: RawSql,
): Promise<{ name: string; value: string | null; called: boolean }[]> {
  return db<{ name: string; value: string | null; called: boolean }[]>`
    select sequencename as name, last_value::text as value, last_value is not null as called
    from pg_sequences where schemaname = 'public' order by 1`;
}

export async function appliedMigrations(db: RawSql): Promise<string[]> {
  const exists =
    await db`select 1 from pg_tables where schemaname = 'public' and tablename = 'schema_migrations'`;
  if (!exists.length) return [];
  const rows = await db<
    { v: string }[]
  >`select version || '_' || name as v from schema_migrations order by version`;
  return rows.map((r) => r.v);
}

/**
 * Rows of a table as JSON texts, fetched through a cursor a few at a time. (postgres.js COPY
 * streams can leave the connection paused after a large row, porsager/postgres#499, so COPY is
 * not used.)
 */
export function cursorRows(db: RawSql, t: TableDef, batch: number) {
  return db<{ j: string }[]>`
    select row_to_json(x)::text as j from (select ${db(t.columns)} from ${db(t.name)}) x`.cursor(batch);
}

/** Inserts rows given as a JSON array of objects keyed by column name. */
export async function insertJsonRows(db: RawSql, t: TableDef, json: string): Promise<void> {
  await db`
    insert into ${db(t.name)} (${db(t.columns)}) overriding system value
    select ${db(t.columns)} from json_populate_recordset(null::${db(t.name)}, ${json}::text::json)`;
}

/** How many tables the public schema has (zero: a new, empty database). */
export async function countPublicTables(db: RawSql): Promise<number> {
  const [row] = await db<
    { n: number }[]
  >`select count(*)::int as n from pg_tables where schemaname = 'public'`;
  return row!.n;
}

/** Other sessions of this application on the database (a server still running). */
export async function countOtherSessions(db: RawSql): Promise<number> {
  const [row] = await db<{ n: number }[]>`
    select count(*)::int as n from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid() and application_name = 'pasok'`;
  return row!.n;
}

export async function isSuperuser(db: RawSql): Promise<boolean> {
  const [row] = await db<{ s: boolean }[]>`select rolsuper as s from pg_roles where rolname = current_user`;
  return row?.s ?? false;
}

/** Foreign keys and triggers stay quiet while rows go back in (they were checked when written). */
export async function quietConstraints(db: RawSql): Promise<void> {
  await db`set local session_replication_role = replica`;
}

export async function truncateTables(db: RawSql, names: string[]): Promise<void> {
  if (names.length) await db`truncate ${db(names)} restart identity cascade`;
}

export async function setSequence(db: RawSql, name: string, value: string, called: boolean): Promise<void> {
  await db`select setval(${`public.${name}`}::regclass, ${value}::bigint, ${called})`;
}

/** Rows per table (restore drill and the restore's own report). */
export async function countRows(db: RawSql, table: string): Promise<number> {
  const [row] = await db<{ n: number }[]>`select count(*)::int as n from ${db(table)}`;
  return row!.n;
}
