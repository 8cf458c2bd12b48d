import type { MiddlewareHandler } from 'hono';
import { findUserById } from '../auth/repo.js';
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
    const principal = await verifyApiToken(sql, match[1]!, clock());
    if (!principal) throw new Unauthorized('errors.invalid_token');
    const user = await findUserById(sql, principal.userId);
    if (!user) throw new Unauthorized('errors.invalid_token');
    c.set('api', principal);
    c.set('user', {
      id: user.id,
      email: user.email,
      name: user.name,
      platformRole: user.platformRole,
      locale: user.locale,
    });
    return next();
  };
}
