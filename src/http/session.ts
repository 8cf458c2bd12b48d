import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { findNavFacts } from '../auth/repo.js';
import { validateSessionCookie } from '../auth/session.js';
import type { AppEnv } from '../context.js';

/** Loads the lucia session from its cookie, refreshing or clearing the cookie as lucia says. */
export function sessionLoader(): MiddlewareHandler<AppEnv> {
  return async function sessionMiddleware(c, next) {
    const { lucia } = c.get('deps');
    const sessionId = getCookie(c, lucia.sessionCookieName);
    if (sessionId) {
      const { session, user, setCookie } = await validateSessionCookie(lucia, sessionId);
      if (setCookie) c.header('Set-Cookie', setCookie, { append: true });
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
