import { createHash } from 'node:crypto';
import type { Db } from '../db/client.js';

export interface RateLimitResult {
  allowed: boolean;
  hits: number;
  retryAfterSeconds: number;
}

/**
 * Counts one hit against a fixed window in Postgres, atomically, so every app
 * instance shares the same counters. Keys are hashed so no raw email or IP is stored.
 */
export async function hitRateLimit(
  db: Db,
  rawKey: string,
  limit: number,
  windowSeconds: number,
  now: Date,
): Promise<RateLimitResult> {
  const key = createHash('sha256').update(rawKey).digest('hex');
  const [row]: [{ hits: number; windowStart: Date }?] = await db`
    insert into rate_limits (key, window_start, hits)
    values (${key}, ${now}, 1)
    on conflict (key) do update set
      hits = case when rate_limits.window_start <= ${now}::timestamptz - make_interval(secs => ${windowSeconds})
                  then 1 else rate_limits.hits + 1 end,
      window_start = case when rate_limits.window_start <= ${now}::timestamptz - make_interval(secs => ${windowSeconds})
                  then ${now} else rate_limits.window_start end
    returning hits, window_start`;
  const hits = row?.hits ?? 1;
  const windowStart = row?.windowStart ?? now;
  const retryAfterSeconds = Math.max(
    1,
    Math.ceil((windowStart.getTime() + windowSeconds * 1000 - now.getTime()) / 1000),
  );
  return { allowed: hits <= limit, hits, retryAfterSeconds };
}

/** Forgets a key, e.g. an account's failure counter after a successful login. */
export async function resetRateLimit(db: Db, rawKey: string): Promise<void> {
  const key = createHash('sha256').update(rawKey).digest('hex');
  await db`delete from rate_limits where key = ${key}`;
}

export interface CounterState {
  hits: number;
  /** Start of the fixed window, or the time of the last hit for sliding counters. */
  at: Date;
}

const hashKey = (rawKey: string) => createHash('sha256').update(rawKey).digest('hex');

/**
 * Reads several counters in one round trip without counting a hit, so a check can
 * come before the work and only failures are recorded afterwards.
 */
export async function peekCounters(db: Db, rawKeys: string[]): Promise<Map<string, CounterState>> {
  const byHash = new Map(rawKeys.map((k) => [hashKey(k), k]));
  const rows = await db<{ key: string; windowStart: Date; hits: number }[]>`
    select key, window_start, hits from rate_limits where key in ${db([...byHash.keys()])}`;
  return new Map(rows.map((r) => [byHash.get(r.key)!, { hits: r.hits, at: r.windowStart }]));
}

/**
 * Counts one hit on a sliding counter: the stored time is always the last hit, and the
 * count starts again once the last hit is older than `decaySeconds` (progressive delays).
 */
export async function touchCounter(db: Db, rawKey: string, decaySeconds: number, now: Date): Promise<number> {
  const [row]: [{ hits: number }?] = await db`
    insert into rate_limits (key, window_start, hits)
    values (${hashKey(rawKey)}, ${now}, 1)
    on conflict (key) do update set
      hits = case when rate_limits.window_start <= ${now}::timestamptz - make_interval(secs => ${decaySeconds})
                  then 1 else rate_limits.hits + 1 end,
      window_start = ${now}
    returning hits`;
  return row?.hits ?? 1;
}
