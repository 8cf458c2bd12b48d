import type { MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import type { AppEnv } from '../context.js';
import { Forbidden } from '../errors.js';

const SAFE = /^(GET|HEAD|OPTIONS)$/;

/**
 * Form posts must come from APP_ORIGIN (hono/csrf checks Origin, then Sec-Fetch-Site).
 * JSON and other API mutations are refused too when a browser says they come from a foreign origin.
 */
export function csrfProtection(appOrigin: string): MiddlewareHandler<AppEnv> {
  const forms = csrf({ origin: appOrigin, secFetchSite: 'same-origin' });
  return async function csrfMiddleware(c, next) {
    if (SAFE.test(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (origin && origin !== appOrigin) throw new Forbidden('errors.csrf');
    const site = c.req.header('sec-fetch-site');
    if (site && site !== 'same-origin' && site !== 'none') throw new Forbidden('errors.csrf');
    // The API authenticates with bearer tokens only (never cookies), so a forged cross-site request
    // carries no credentials; scripts and curl send no Origin, and must not be refused for that.
    if (c.req.path.startsWith('/api/')) return next();
    let passed = false;
    try {
      await forms(c, async () => {
        passed = true;
      });
    } catch {
      passed = false;
    }
    if (!passed) throw new Forbidden('errors.csrf');
    return next();
  };
}
