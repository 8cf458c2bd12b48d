import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { findNavFacts } from '../auth/repo.js';
import type { AppEnv } from '../context.js';

/** Loads the lucia session from its cookie, refreshing or clearing the cookie as lucia says. */
export function sessionLoader(): MiddlewareHandler<AppEnv> {
  return async function sessionMiddleware(c, next) {
    const { lucia } = c.get('deps');
    const sessionId = getCookie(c, lucia.sessionCookieName);
    if (sessionId) {
      const { session, user } = await lucia.validateSession(sessionId);
      if (session?.fresh) {
        c.header('Set-Cookie', lucia.createSessionCookie(session.id).serialize(), { append: true });
      }
      if (!session) {
        c.header('Set-Cookie', lucia.createBlankSessionCookie().serialize(), { append: true });
      }
      c.set('session', session);
      c.set('user', user);
      if (user) {
        const nav = await findNavFacts(c.get('deps').sql, user.id);
        c.set('orgKinds', nav.orgKinds);
        c.set('unread', nav.unread);
      }
    }
    await next();
  };
}
