import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../context.js';
import { LOGIN_LIMITS } from './throttle.js';

/**
 * Starts a fresh session for the user. Any session the browser already carried is
 * invalidated first, so the session id always rotates on login.
 */
export async function startSession(c: Context<AppEnv>, userId: string): Promise<void> {
  const { lucia } = c.get('deps');
  const previous = c.get('session');
  if (previous) await lucia.invalidateSession(previous.id);
  const userAgent = (c.req.header('user-agent') ?? '').slice(0, 200) || null;
  const session = await lucia.createSession(userId, { user_agent: userAgent });
  c.header('Set-Cookie', lucia.createSessionCookie(session.id).serialize(), { append: true });
}

/** A non-secret handle for a session: pages may show it and forms may post it, unlike the session id itself. */
export function sessionHandle(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex').slice(0, 24);
}

const DEVICE_RE = /^[A-Za-z0-9_-]{32}$/;

/**
 * This browser's device id for login throttling: the cookie's value when well-formed,
 * else a fresh random one (set by rememberDevice after a successful login).
 */
export function loginDevice(c: Context<AppEnv>): string {
  const existing = getCookie(c, deviceCookieName(c));
  return existing && DEVICE_RE.test(existing) ? existing : randomBytes(24).toString('base64url');
}

/** Keeps the device id after a successful login, so this browser skips the account-wide delay later. */
export function rememberDevice(c: Context<AppEnv>, device: string): void {
  const { config } = c.get('deps');
  setCookie(c, deviceCookieName(c), device, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: config.secureCookies,
    path: '/',
    maxAge: LOGIN_LIMITS.knownDeviceSeconds,
  });
}

function deviceCookieName(c: Context<AppEnv>): string {
  return `${c.get('deps').config.sessionCookieName}_device`;
}
