import type { Db } from '../db/client.js';

/*
 * Counters live in one table shared by every app instance. Keys arrive already hashed
 * (see rate-limit.ts), so no raw email or IP address is stored.
 */

/**
 * Counts one hit in a fixed window, atomically: a window older than `windowSeconds` starts
 * again at `now` with one hit. Returns the count and the window's start.
 */
export async function upsertWindowHit(
  db: Db,
  key: string,
  windowSeconds: number,
  now: Date,
): Promise<{ hits: number; windowStart: Date } | null> {
  const [row]: [{ hits: number; windowStart: Date }?] = await db`
    insert into rate_limits (key, window_start, hits)
    values (${key}, ${now}, 1)
    on conflict (key) do update set
      hits = case when rate_limits.window_start <= ${now}::timestamptz - make_interval(secs => ${windowSeconds})
                  then 1 else rate_limits.hits + 1 end,
      window_start = case when rate_limits.window_start <= ${now}::timestamptz - make_interval(secs => ${windowSeconds})
                  then ${now} else rate_limits.window_start end
    returning hits, window_start`;
  return row ?? null;
}

/** Forgets one counter. */
export async function deleteCounter(db: Db, key: string): Promise<void> {
  await db`delete from rate_limits where key = ${key}`;
}

/** Reads counters without counting; absent keys are simply not returned. */
export function listCounters(
  db: Db,
  keys: string[],
): Promise<{ key: string; windowStart: Date; hits: number }[]> {
  return db<{ key: string; windowStart: Date; hits: number }[]>`
    select key, window_start, hits from rate_limits where key in ${db(keys)}`;
}

/**
 * Counts one hit on a sliding counter whose stored time is always the last hit; the count
 * starts again once that hit is older than `decaySeconds`.
 */
export async function upsertSlidingHit(
  db: Db,
  key: string,
  decaySeconds: number,
  now: Date,
): Promise<number | null> {
  const [row]: [{ hits: number }?] = await db`
    insert into rate_limits (key, window_start, hits)
    values (${key}, ${now}, 1)
    on conflict (key) do update set
      hits = case when rate_limits.window_start <= ${now}::timestamptz - make_interval(secs => ${decaySeconds})
                  then 1 else rate_limits.hits + 1 end,
      window_start = ${now}
    returning hits`;
  return row?.hits ?? null;
}
