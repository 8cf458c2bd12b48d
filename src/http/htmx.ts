import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.js';

/**
 * Decides full page vs fragment: an htmx request that is neither boosted nor a
 * history restore gets the content without the shell. Always varies on HX-Request
 * so caches never mix the two.
 */
export function htmx(): MiddlewareHandler<AppEnv> {
  return async function htmxMiddleware(c, next) {
    const isHx = c.req.header('hx-request') === 'true';
    const boosted = c.req.header('hx-boosted') === 'true';
    const restore = c.req.header('hx-history-restore-request') === 'true';
    c.set('partial', isHx && !boosted && !restore);
    await next();
    c.res.headers.append('Vary', 'HX-Request');
  };
}

/**
 * After a successful POST: 303 for plain forms; for htmx, HX-Redirect (a full navigation,
 * so the next page arrives with its shell, title and nav rather than as a fragment).
 */
export function redirectAfterPost(c: Context<AppEnv>, location: string): Response {
  if (c.req.header('hx-request') === 'true') {
    c.header('HX-Redirect', location);
    return c.body(null, 200);
  }
  return c.redirect(location, 303);
}
