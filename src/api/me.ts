import { Hono } from 'hono';
import { describeRoutes } from '../api/openapi-registry.js';
import type { AppEnv } from '../context.js';
import { currentUser } from '../http/guards.js';
import { listMembershipsForUser } from '../orgs/repo.js';

/** `GET /api/v1/me`: who the token belongs to, and their organisations. */
export const meApi = new Hono<AppEnv>();

meApi.get('/me', async (c) => {
  const user = currentUser(c);
  const orgs = await listMembershipsForUser(c.get('deps').sql, user.id);
  return c.json({
    id: user.id,
    email: user.email,
    name: user.name,
    platform_role: user.platformRole,
    locale: user.locale,
    organizations: orgs.map((o) => ({ id: o.id, name: o.name, kind: o.kind, role: o.role })),
  });
});

describeRoutes('account', [
  {
    method: 'get',
    path: '/me',
    summary: 'The token owner and their organisations (id, name, kind, role).',
    response: {
      status: 200,
      description: 'The user: id, email, name, platform_role, locale, organizations.',
    },
  },
]);
