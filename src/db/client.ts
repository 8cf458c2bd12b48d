import postgres from 'postgres';
import { isConnectionDied } from './faults.js';

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
  const sql = guardTransactions(
    postgres(url, { ...common, max: opts.max ?? 10, transform: postgres.camel }) as unknown as Sql,
  );
  const authSql = guardTransactions(postgres(url, { ...common, max: 3 }));
  return {
    sql,
    authSql,
    async close(timeout = 5) {
      await Promise.all([sql.end({ timeout }), authSql.end({ timeout })]);
    },
  };
}

type Begin = (...args: unknown[]) => Promise<unknown>;

/**
 * When the backend of a transaction dies (PostgreSQL killed or restarted), postgres.js
 * rejects the pending query and then sends ROLLBACK on the same, now socketless,
 * connection; that write throws from a `setImmediate` and takes the whole process down
 * (porsager/postgres#1208). The server has already rolled the transaction back, so we
 * never let that ROLLBACK happen: a callback that failed because its connection died
 * is left pending, and `begin` itself rejects with the connection error, because
 * postgres.js races every transaction against its connection's close.
 */
export function guardTransactions<T extends postgres.Sql<never> | Sql>(sql: T): T {
  const begin = (sql.begin as unknown as Begin).bind(sql);
  const guarded: Begin = (...args) => {
    const fn = args.at(-1) as (tx: unknown) => unknown;
    const safe = async (tx: unknown) => {
      try {
        return await fn(tx);
      } catch (err) {
        if (isConnectionDied(err)) return new Promise(() => {});
        throw err;
      }
    };
    return begin(...args.slice(0, -1), safe);
  };
  (sql as unknown as { begin: Begin }).begin = guarded;
  return sql;
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
