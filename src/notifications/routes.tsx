import { Hono } from 'hono';
import { NotificationsPage } from '../../views/notifications/NotificationsPage.js';
import { safeNext } from '../auth/schema.js';
import type { AppEnv } from '../context.js';
import { isUuid } from '../db/ids.js';
import { currentUser, requireUser } from '../http/guards.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { listNotifications, markRead } from './service.js';

/** The in-app notification centre. */
export const notificationRoutes = new Hono<AppEnv>();
notificationRoutes.use('*', requireUser());

notificationRoutes.get('/', async (c) => {
  const rows = await listNotifications(c.get('deps').sql, currentUser(c).id, 100);
  const t = c.get('t');
  return render(c, <NotificationsPage t={t} locale={c.get('locale')} rows={rows} />, {
    title: t('notifications.title'),
  });
});

/** Marks one notification read and follows its link (a plain form, so it works without JS). */
notificationRoutes.post('/:id/open', async (c) => {
  const id = c.req.param('id');
  const { sql, clock } = c.get('deps');
  if (isUuid(id)) await markRead(sql, currentUser(c).id, id, clock());
  const link = c.req.query('to') ?? '';
  return redirectAfterPost(c, safeNext(link, '/notifications'));
});

notificationRoutes.post('/read-all', async (c) => {
  const { sql, clock } = c.get('deps');
  await markRead(sql, currentUser(c).id, null, clock());
  return redirectAfterPost(c, '/notifications');
});
