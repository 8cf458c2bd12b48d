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
