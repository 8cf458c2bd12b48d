import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.js';
import { Unauthorized } from '../errors.js';
import { verifyApiToken } from '../tokens/service.js';

/**
 * API v1 authenticates with personal bearer tokens only (no cookies), so cross-site
 * requests cannot ride on a browser session. Missing, unknown or revoked tokens get 401.
 */
export function apiAuth(): MiddlewareHandler<AppEnv> {
  return async function apiAuthMiddleware(c, next) {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new Unauthorized();
    const { sql, clock } = c.get('deps');
    const p = await verifyApiToken(sql, match[1]!, clock());
    if (!p) throw new Unauthorized('errors.invalid_token');
    c.set('api', { userId: p.userId, tokenId: p.tokenId });
    c.set('user', {
      id: p.userId,
      email: p.email,
      name: p.name,
      platformRole: p.platformRole,
      locale: p.locale,
    });
    return next();
  };
}
