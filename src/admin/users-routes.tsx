import { type Context, Hono } from 'hono';
import { UserDetailPage, UserListPage } from '../../views/admin/UsersPages.js';
import { listAudit } from '../audit/service.js';
import type { AppEnv } from '../context.js';
import { Invalid } from '../errors.js';
import { setFlash } from '../http/flash.js';
import { currentActor, requireRole, requireUser } from '../http/guards.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { parseForm, parseQuery } from '../http/validate.js';
import { RoleForm, UserListQuery } from './users-schema.js';
import * as users from './users-service.js';

/** `/admin/users`: find users, grant or revoke platform roles, deactivate and reactivate accounts. */
export const adminUserRoutes = new Hono<AppEnv>();
adminUserRoutes.use('*', requireUser(), requireRole('admin'));

adminUserRoutes.get('/', async (c) => {
  const q = parseQuery(c, UserListQuery);
  const { users: rows, hasMore } = await users.listUsers(c.get('deps').sql, q);
  const t = c.get('t');
  return render(c, <UserListPage t={t} users={rows} q={q.q} page={q.page} hasMore={hasMore} />, {
    title: t('admin.users.title'),
  });
});

async function detailPage(
  c: Context<AppEnv>,
  failed?: { values: Record<string, string>; errors: Record<string, string> },
) {
  const { sql } = c.get('deps');
  const id = c.req.param('id') ?? '';
  const data = await users.userToManage(sql, id);
  const audit = await listAudit(sql, { entity: 'user', entityId: id, limit: 50 });
  const t = c.get('t');
  const page = (
    <UserDetailPage
      t={t}
      locale={c.get('locale')}
      {...data}
      audit={audit}
      selfId={currentActor(c).userId}
      values={failed?.values ?? {}}
      errors={failed?.errors ?? {}}
    />
  );
  return render(c, page, { title: data.user.name, status: failed ? 422 : 200 });
}

adminUserRoutes.get('/:id', (c) => detailPage(c));

adminUserRoutes.post('/:id/role', async (c) => {
  const form = await parseForm(c, RoleForm);
  if (!form.ok) return detailPage(c, form);
  const id = c.req.param('id');
  try {
    await users.changeRole(c.get('deps').sql, currentActor(c), id, form.data);
  } catch (err) {
    if (!(err instanceof Invalid)) throw err;
    const t = c.get('t');
    const errors = Object.fromEntries(Object.entries(err.fields ?? {}).map(([k, v]) => [k, t(v)]));
    return detailPage(c, { values: form.values, errors });
  }
  setFlash(c, 'admin.users.role_saved');
  return redirectAfterPost(c, `/admin/users/${id}`);
});

adminUserRoutes.post('/:id/deactivate', async (c) => {
  const { sql, clock } = c.get('deps');
  const id = c.req.param('id');
  await users.deactivateUser(sql, currentActor(c), id, clock());
  setFlash(c, 'admin.users.deactivated');
  return redirectAfterPost(c, `/admin/users/${id}`);
});

adminUserRoutes.post('/:id/reactivate', async (c) => {
  const id = c.req.param('id');
  await users.reactivateUser(c.get('deps').sql, currentActor(c), id);
  setFlash(c, 'admin.users.reactivated');
  return redirectAfterPost(c, `/admin/users/${id}`);
});
