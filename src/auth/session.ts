import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';

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
