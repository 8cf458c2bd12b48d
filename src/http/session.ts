import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../context.js';
import { unreadCount } from '../notifications/service.js';

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
        const rows = await c.get('deps').sql<{ kind: string }[]>`
          select distinct o.kind from memberships m join organizations o on o.id = m.organization_id
          where m.user_id = ${user.id}`;
        c.set(
          'orgKinds',
          rows.map((r) => r.kind),
        );
        c.set('unread', await unreadCount(c.get('deps').sql, user.id));
      }
    }
    await next();
  };
}
