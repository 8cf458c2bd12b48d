import { Hono } from 'hono';
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
