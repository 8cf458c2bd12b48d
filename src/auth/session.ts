import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../context.js';
import type { AuthLucia } from './lucia.js';
import { LOGIN_LIMITS } from './throttle.js';
import type { AuthSession, AuthUser } from './types.js';

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

/** What a session cookie turned out to be, in our own types, plus the cookie to send back (if any). */
export interface ValidatedSession {
  session: AuthSession | null;
  user: AuthUser | null;
  /** A refreshed or blank `Set-Cookie` value, or null when the browser's cookie stays as it is. */
  setCookie: string | null;
}

/**
 * Checks a session cookie's value with lucia and maps its objects to ours, so the rest of the
 * app (AppEnv, guards, views) never sees a lucia type.
 */
export async function validateSessionCookie(lucia: AuthLucia, sessionId: string): Promise<ValidatedSession> {
  const result = await lucia.validateSession(sessionId);
  if (!result.session) {
    return { session: null, user: null, setCookie: lucia.createBlankSessionCookie().serialize() };
  }
  const { session, user } = result;
  return {
    session: { id: session.id, userId: session.userId, expiresAt: session.expiresAt, fresh: session.fresh },
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      platformRole: user.platformRole,
      locale: user.locale,
    },
    setCookie: session.fresh ? lucia.createSessionCookie(session.id).serialize() : null,
  };
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
