import type { Context, MiddlewareHandler } from 'hono';
import type { AuthUser } from '../auth/types.js';
import type { AppEnv } from '../context.js';
import { Forbidden, Unauthorized } from '../errors.js';
import type { MembershipRow } from '../orgs/repo.js';
import { requireMembership } from '../orgs/service.js';
import type { Actor } from '../suppliers/access.js';
import { wantsJson } from './error-handler.js';

type PlatformRole = 'admin' | 'facilitator';

/** Returns the logged-in user or throws; handlers call it after the guard for a typed, non-null user. */
export function currentUser(c: Context<AppEnv>): AuthUser {
  const user = c.get('user');
  if (!user) throw new Unauthorized();
  return user;
}

/** The logged-in user as a domain actor (id and platform role), for services. */
export function currentActor(c: Context<AppEnv>): Actor {
  const u = currentUser(c);
  return { userId: u.id, platformRole: u.platformRole };
}

/** Pages redirect anonymous visitors to the login form (and back afterwards); the API answers 401. */
export function requireUser(): MiddlewareHandler<AppEnv> {
  return async function requireUserMiddleware(c, next) {
    if (c.get('user')) return next();
    if (wantsJson(c)) throw new Unauthorized();
    // After login the browser comes back with a GET: for a POST, return to the page the form was on.
    const next_ = encodeURIComponent(
      c.req.method === 'GET'
        ? pathWithQuery(c.req.url)
        : sameSitePath(c.req.header('referer'), c.get('deps').config.appOrigin),
    );
    if (c.req.header('hx-request') === 'true') {
      c.header('HX-Redirect', `/login?next=${next_}`);
      return c.body(null, 401);
    }
    return c.redirect(`/login?next=${next_}`, 303);
  };
}

function pathWithQuery(url: string): string {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
}

/** The path of a same-origin Referer, else '/'. */
function sameSitePath(referer: string | undefined, origin: string): string {
  try {
    const u = new URL(referer ?? '');
    return u.origin === origin ? u.pathname : '/';
  } catch {
    return '/';
  }
}

/** Platform roles; admins pass every role check. */
export function hasRole(user: AuthUser | null, role: PlatformRole): boolean {
  return !!user && (user.platformRole === role || user.platformRole === 'admin');
}

/** Guards facilitator- or admin-only routes (after requireUser). */
export function requireRole(role: PlatformRole): MiddlewareHandler<AppEnv> {
  return async function requireRoleMiddleware(c, next) {
    if (!c.get('user')) throw new Unauthorized();
    if (!hasRole(c.get('user'), role)) throw new Forbidden();
    return next();
  };
}

/**
 * Org-scoped routes: the user must belong to the organisation in the path param.
 * Outsiders get 404 so they cannot probe which organisations exist.
 */
export function requireOrgMember(param = 'orgId'): MiddlewareHandler<AppEnv> {
  return async function requireOrgMemberMiddleware(c, next) {
    const user = currentUser(c);
    const membership: MembershipRow = await requireMembership(
      c.get('deps').sql,
      c.req.param(param) ?? '',
      user.id,
    );
    c.set('membership', membership);
    return next();
  };
}
