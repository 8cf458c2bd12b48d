import type { Db } from '../db/client.js';
import { RateLimited } from '../errors.js';
import {
  type CounterState,
  hitRateLimit,
  peekCounters,
  resetRateLimit,
  touchCounter,
} from '../http/rate-limit.js';

/**
 * Login throttling, shaped for venues where a whole room shares one public address:
 * - per address: failures only (a room of honest users can all log in);
 * - per account + address: a hard limit, so one address cannot keep guessing;
 * - per account (any address): a progressive delay, doubling after a few free failures
 *   and capped at five minutes, so a distributed guesser is slowed while the owner waits
 *   minutes at most, and not at all on a device that has logged in to this account before.
 */
export const LOGIN_LIMITS = {
  perIpFailures: { limit: 100, windowSeconds: 15 * 60 },
  perPairFailures: { limit: 10, windowSeconds: 15 * 60 },
  perAccount: { freeFailures: 5, baseSeconds: 2, capSeconds: 5 * 60, decaySeconds: 60 * 60 },
  knownDeviceSeconds: 90 * 24 * 3600,
} as const;

const keys = (email: string, ip: string) => ({
  ip: `login-ip:${ip}`,
  pair: `login-pair:${email}:${ip}`,
  account: `login-account:${email}`,
});
const deviceKey = (email: string, device: string) => `login-device:${email}:${device}`;

/** Seconds an account must wait after `failures` consecutive failures (0 while still free). */
export function accountDelaySeconds(failures: number): number {
  const p = LOGIN_LIMITS.perAccount;
  if (failures < p.freeFailures) return 0;
  return Math.min(p.capSeconds, p.baseSeconds * 2 ** (failures - p.freeFailures));
}

function windowLeft(state: CounterState | undefined, limit: number, windowSeconds: number, now: Date) {
  if (!state || state.hits < limit) return 0;
  const left = Math.ceil((state.at.getTime() + windowSeconds * 1000 - now.getTime()) / 1000);
  return Math.max(0, left);
}

function throttled(seconds: number): RateLimited {
  return new RateLimited(seconds, seconds < 120 ? 'auth.login.wait_seconds' : 'errors.rate_limited');
}

/**
 * Refuses an attempt that a limit forbids right now, without counting it. `device` is the
 * browser's device id: an earlier login to this account from it skips the account-wide delay.
 */
export async function checkLoginAllowed(
  db: Db,
  a: { email: string; ip: string; now: Date; device: string | null },
): Promise<void> {
  const k = keys(a.email, a.ip);
  const device = a.device ? deviceKey(a.email, a.device) : null;
  const states = await peekCounters(db, [k.ip, k.pair, k.account, ...(device ? [device] : [])]);
  const L = LOGIN_LIMITS;
  const ipLeft = windowLeft(states.get(k.ip), L.perIpFailures.limit, L.perIpFailures.windowSeconds, a.now);
  if (ipLeft > 0) throw throttled(ipLeft);
  const pairLeft = windowLeft(
    states.get(k.pair),
    L.perPairFailures.limit,
    L.perPairFailures.windowSeconds,
    a.now,
  );
  if (pairLeft > 0) throw throttled(pairLeft);
  const known = device ? states.get(device) : undefined;
  if (known && a.now.getTime() - known.at.getTime() < L.knownDeviceSeconds * 1000) return;
  const account = states.get(k.account);
  if (!account || a.now.getTime() - account.at.getTime() > L.perAccount.decaySeconds * 1000) return;
  const wait = account.at.getTime() + accountDelaySeconds(account.hits) * 1000 - a.now.getTime();
  if (wait > 0) throw throttled(Math.ceil(wait / 1000));
}

/** Counts a failed attempt against the address, the pair and the account. */
export async function recordLoginFailure(db: Db, a: { email: string; ip: string; now: Date }): Promise<void> {
  const k = keys(a.email, a.ip);
  const L = LOGIN_LIMITS;
  await hitRateLimit(db, k.ip, L.perIpFailures.limit, L.perIpFailures.windowSeconds, a.now);
  await hitRateLimit(db, k.pair, L.perPairFailures.limit, L.perPairFailures.windowSeconds, a.now);
  await touchCounter(db, k.account, L.perAccount.decaySeconds, a.now);
}

/** After a success: forgets the account's failures and remembers this browser for the account. */
export async function recordLoginSuccess(
  db: Db,
  a: { email: string; ip: string; now: Date; device: string },
): Promise<void> {
  const k = keys(a.email, a.ip);
  await resetRateLimit(db, k.pair);
  await resetRateLimit(db, k.account);
  await touchCounter(db, deviceKey(a.email, a.device), LOGIN_LIMITS.knownDeviceSeconds, a.now);
}
