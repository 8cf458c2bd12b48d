/**
 * How database failures look from the app, in one place: the HTTP error mapping, the
 * transaction guard and the process-level handlers all ask these questions.
 */

/** Connection-level codes from postgres.js, node-postgres (pg-boss) and the socket itself. */
const LOST_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  // SQLSTATE: admin_shutdown, crash_shutdown, cannot_connect_now (starting up / in recovery).
  '57P01',
  '57P02',
  '57P03',
]);

/** Codes that can only arise on a connection that was established and then died. */
const DIED_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'ECONNRESET',
  'EPIPE',
  '57P01',
  '57P02',
]);

function codeOf(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * True when the database could not be reached or went away mid-query: the request
 * deserves a 503 ("try again shortly"), not a 500, and nobody needs a stack trace.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const code = codeOf(err);
  if (code && (LOST_CODES.has(code) || code.startsWith('08'))) return true;
  // node-postgres (pg-boss's driver) reports a dropped socket by message only.
  const message = err instanceof Error ? err.message : '';
  return /^Connection terminated( unexpectedly| due to connection timeout)?$/.test(message);
}

/** True when an established connection died under a query (as opposed to never connecting). */
export function isConnectionDied(err: unknown): boolean {
  const code = codeOf(err);
  return code !== undefined && DIED_CODES.has(code);
}

/**
 * postgres.js 3.4.9 can throw `TypeError: Cannot read properties of null (reading 'write')`
 * from a `setImmediate` in `nextWrite` when a write is queued on a connection whose socket
 * has just closed (porsager/postgres#1154, #1208; fix proposed in #1209). The queries of that
 * connection were already rejected, so the lost write is moot: this one exception is safe to
 * survive. Anything else thrown out of the event loop is a real bug.
 */
export function isPostgresNullSocketWrite(err: unknown): boolean {
  if (!(err instanceof TypeError)) return false;
  if (!/Cannot read properties of null \(reading 'write'\)/.test(err.message)) return false;
  const stack = err.stack ?? '';
  return /nextWrite .*postgres[\\/](?:cjs[\\/])?src[\\/]connection\.js/.test(stack);
}
