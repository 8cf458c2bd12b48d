import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../context.js';

/** Fingerprinted assets may keep their own long-lived caching even for logged-in visitors. */
function ownAssetCaching(path: string, cacheControl: string | null): boolean {
  return /\bimmutable\b/i.test(cacheControl ?? '') || (path.startsWith('/assets/') && cacheControl !== null);
}

/**
 * `Cache-Control: no-store` on every response to a request that carries a session cookie or
 * a bearer token: account pages, personal data and exports must not stay in a shared or
 * back-button cache (an event-hall PC, a proxy). Asset responses keep their own caching.
 */
export function noStoreForCredentials(): MiddlewareHandler<AppEnv> {
  return async function noStoreMiddleware(c, next) {
    await next();
    const credentialed =
      !!c.req.header('authorization') || getCookie(c, c.get('deps').config.sessionCookieName) !== undefined;
    const current = c.res.headers.get('cache-control');
    if (!credentialed || /\bno-store\b/i.test(current ?? '') || ownAssetCaching(c.req.path, current)) return;
    try {
      c.res.headers.set('Cache-Control', 'no-store');
    } catch {
      // Immutable headers (a passed-through Response): copy it once, then set.
      c.res = new Response(c.res.body, c.res);
      c.res.headers.set('Cache-Control', 'no-store');
    }
    c.res.headers.delete('Expires');
  };
}
