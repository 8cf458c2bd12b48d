import { Hono } from 'hono';
import { describeRoutes } from '../api/openapi-registry.js';
import type { AppEnv } from '../context.js';
import { currentActor, requireRole } from '../http/guards.js';
import { parseJson, parseQuery } from '../http/validate.js';
import { RoleBody, UserListQuery } from './users-schema.js';
import * as users from './users-service.js';

/** `/api/v1/admin/users`: the admin user pages as JSON, for admins' scripts. */
export const adminUserApi = new Hono<AppEnv>();
adminUserApi.use('/admin/users/*', requireRole('admin'));
adminUserApi.use('/admin/users', requireRole('admin'));

adminUserApi.get('/admin/users', async (c) => {
  const q = parseQuery(c, UserListQuery);
  const { users: rows, hasMore } = await users.listUsers(c.get('deps').sql, q);
  return c.json({ users: rows.map(users.userToJson), page: q.page, has_more: hasMore });
});

adminUserApi.get('/admin/users/:id', async (c) => {
  const { user } = await users.userToManage(c.get('deps').sql, c.req.param('id'));
  return c.json(users.userToJson(user));
});

adminUserApi.post('/admin/users/:id/role', async (c) => {
  const body = await parseJson(c, RoleBody);
  const { sql } = c.get('deps');
  await users.changeRole(sql, currentActor(c), c.req.param('id'), body);
  const { user } = await users.userToManage(sql, c.req.param('id'));
  return c.json(users.userToJson(user));
});

adminUserApi.post('/admin/users/:id/deactivate', async (c) => {
  const { sql, clock } = c.get('deps');
  await users.deactivateUser(sql, currentActor(c), c.req.param('id'), clock());
  const { user } = await users.userToManage(sql, c.req.param('id'));
  return c.json(users.userToJson(user));
});

adminUserApi.post('/admin/users/:id/reactivate', async (c) => {
  const { sql } = c.get('deps');
  await users.reactivateUser(sql, currentActor(c), c.req.param('id'));
  const { user } = await users.userToManage(sql, c.req.param('id'));
  return c.json(users.userToJson(user));
});

describeRoutes('admin', [
  {
    method: 'get',
    path: '/admin/users',
    summary: 'Search and list users, 25 a page (admins).',
    query: UserListQuery,
    errors: [403],
    response: { status: 200, description: 'A page of users and whether more follow.' },
  },
  {
    method: 'get',
    path: '/admin/users/:id',
    summary: 'One user with roles, offices and state (admins).',
    errors: [403],
    response: { status: 200, description: 'The user.' },
  },
  {
    method: 'post',
    path: '/admin/users/:id/role',
    summary: 'Grant or revoke the facilitator or admin role; the last active admin cannot be demoted.',
    body: RoleBody,
    errors: [403, 409],
    response: { status: 200, description: 'The user after the change.' },
  },
  {
    method: 'post',
    path: '/admin/users/:id/deactivate',
    summary: 'Deactivate an account: all its sessions and API tokens are revoked at once.',
    errors: [403, 409],
    response: { status: 200, description: 'The user after the change.' },
  },
  {
    method: 'post',
    path: '/admin/users/:id/reactivate',
    summary: 'Reactivate a deactivated (not erased) account.',
    errors: [403, 409],
    response: { status: 200, description: 'The user after the change.' },
  },
]);
