import type { Context, MiddlewareHandler } from 'hono';
import type { Config } from '../config.js';
import type { AppEnv } from '../context.js';
import { Forbidden, OriginRefused } from '../errors.js';

const SAFE = /^(GET|HEAD|OPTIONS)$/;
/** What an HTML form can send cross-site without a CORS preflight. */
const FORM_TYPES = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\b/i;

/** The host a browser reached us by: the Host header (the URL's host when a test has none). */
function requestHost(c: Context<AppEnv>): string {
  return (c.req.header('host') ?? new URL(c.req.url).host).toLowerCase();
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * Mutations must come from Pasok's own pages. An Origin equal to APP_ORIGIN passes. An Origin
 * naming the host the request was sent to (the app opened by 127.0.0.1, a LAN address, or a
 * phone on the office Wi-Fi) passes outside production; in production it is refused with a
 * page naming the APP_ORIGIN to set, so a misconfiguration is never a silent 403. Any other
 * Origin, or `Sec-Fetch-Site: cross-site`, is a foreign site and refused. A form post with
 * neither header is refused as hono/csrf does; API calls without them (scripts, curl) pass,
 * because the API authenticates with bearer tokens only, never cookies, so there is nothing to forge.
 */
export function csrfProtection(config: Pick<Config, 'appOrigin' | 'env'>): MiddlewareHandler<AppEnv> {
  const { appOrigin } = config;
  const acceptRequestHost = config.env !== 'production';
  return async function csrfMiddleware(c, next) {
    if (SAFE.test(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (origin && origin !== appOrigin) {
      const sameHost = hostOf(origin) === requestHost(c);
      if (!sameHost)
        throw new OriginRefused('forbidden', 'errors.csrf_foreign', { origin: origin.slice(0, 200) });
      if (!acceptRequestHost) {
        throw new OriginRefused('origin_mismatch', 'errors.csrf_app_origin', { origin, expected: appOrigin });
      }
      return next();
    }
    const site = c.req.header('sec-fetch-site');
    if (site && site !== 'same-origin' && site !== 'none') {
      throw new OriginRefused('forbidden', 'errors.csrf_foreign', { origin: site });
    }
    if (origin || site || c.req.path.startsWith('/api/')) return next();
    if (FORM_TYPES.test(c.req.header('content-type') ?? '')) throw new Forbidden('errors.csrf');
    return next();
  };
}
