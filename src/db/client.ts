import postgres from 'postgres';

/** The application's SQL handle: camelCase columns in, snake_case in the database. */
export type Sql = postgres.Sql<Record<string, unknown>>;
/** A transaction handle from `sql.begin`; repos accept either. */
export type Tx = postgres.TransactionSql<Record<string, unknown>>;
export type Db = Sql | Tx;

export interface DbHandle {
  /** Main pool, camelCase transform. */
  sql: Sql;
  /** Small pool without transforms, for lucia's adapter (it reads raw snake_case columns). */
  authSql: postgres.Sql;
  close(timeoutSeconds?: number): Promise<void>;
}

/** Opens the two pools the app needs; `close` drains both. */
export function connectDb(
  url: string,
  opts: { max?: number; onnotice?: (n: unknown) => void } = {},
): DbHandle {
  const common = {
    onnotice: opts.onnotice ?? (() => {}),
    connection: { application_name: 'pasok', TimeZone: 'UTC' },
  } as const;
  const sql = postgres(url, { ...common, max: opts.max ?? 10, transform: postgres.camel }) as unknown as Sql;
  const authSql = postgres(url, { ...common, max: 3 });
  return {
    sql,
    authSql,
    async close(timeout = 5) {
      await Promise.all([sql.end({ timeout }), authSql.end({ timeout })]);
    },
  };
}

/** True for a Postgres error with the given SQLSTATE (e.g. '23505' unique violation). */
export function isPgError(err: unknown, code?: string): err is postgres.PostgresError {
  return (
    typeof err === 'object' &&
    err !== null &&
    (err as { name?: string }).name === 'PostgresError' &&
    (code === undefined || (err as { code?: string }).code === code)
  );
}
