import { createHash } from 'node:crypto';
import type { Db } from '../db/client.js';
import { deleteCounter, listCounters, upsertSlidingHit, upsertWindowHit } from './rate-limit-repo.js';

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
  const row = await upsertWindowHit(db, key, windowSeconds, now);
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
  await deleteCounter(db, key);
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
  const rows = await listCounters(db, [...byHash.keys()]);
  return new Map(rows.map((r) => [byHash.get(r.key)!, { hits: r.hits, at: r.windowStart }]));
}

/**
 * Counts one hit on a sliding counter: the stored time is always the last hit, and the
 * count starts again once the last hit is older than `decaySeconds` (progressive delays).
 */
export async function touchCounter(db: Db, rawKey: string, decaySeconds: number, now: Date): Promise<number> {
  return (await upsertSlidingHit(db, hashKey(rawKey), decaySeconds, now)) ?? 1;
}
