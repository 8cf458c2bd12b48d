import { Hono } from 'hono';
import { HomePage } from '../../views/HomePage.js';
import type { AppEnv } from '../context.js';
import { render } from '../http/render.js';
import { listMembershipsForUser } from '../orgs/repo.js';

/** The landing page. */
export const homeRoutes = new Hono<AppEnv>();

homeRoutes.get('/', async (c) => {
  const user = c.get('user');
  const orgs = user ? await listMembershipsForUser(c.get('deps').sql, user.id) : [];
  return render(c, <HomePage t={c.get('t')} user={user} orgs={orgs} />, { title: c.get('t')('home.title') });
});
