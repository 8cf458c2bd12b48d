import { type Context, Hono } from 'hono';
import { ErasureQueuePage } from '../../views/privacy/ErasureQueuePage.js';
import { PrivacyNoticePage } from '../../views/privacy/PrivacyNoticePage.js';
import type { AppEnv } from '../context.js';
import { setFlash } from '../http/flash.js';
import { currentActor, requireRole, requireUser } from '../http/guards.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { parseForm, parseQuery } from '../http/validate.js';
import { PRIVACY_NOTICE_VERSION } from './notice.js';
import { DecisionForm, QueueQuery } from './schema.js';
import { decideRequest, listQueue } from './service.js';

/** The privacy notice (public, both languages) and the erasure review queue (facilitators, admins). */
export const privacyRoutes = new Hono<AppEnv>();

const notice = (c: Context<AppEnv>) => {
  const t = c.get('t');
  return render(c, <PrivacyNoticePage t={t} version={PRIVACY_NOTICE_VERSION} />, {
    title: t('privacy.title'),
  });
};
privacyRoutes.get('/privasi', (c) => notice(c));
privacyRoutes.get('/privacy', (c) => notice(c));

const staff = [requireUser(), requireRole('facilitator')] as const;

privacyRoutes.get('/privacy/requests', ...staff, async (c) => {
  const q = parseQuery(c, QueueQuery);
  const rows = await listQueue(c.get('deps').sql, currentActor(c), q.status === 'all' ? null : q.status);
  const t = c.get('t');
  return render(c, <ErasureQueuePage t={t} locale={c.get('locale')} requests={rows} status={q.status} />, {
    title: t('privacy.queue.title'),
  });
});

privacyRoutes.post('/privacy/requests/:id/decide', ...staff, async (c) => {
  const form = await parseForm(c, DecisionForm);
  if (!form.ok) return redirectAfterPost(c, '/privacy/requests');
  const { sql, clock } = c.get('deps');
  const d = { erase: form.data.decision === 'erase', note: form.data.note };
  await decideRequest(sql, currentActor(c), c.req.param('id'), d, clock());
  setFlash(c, d.erase ? 'privacy.queue.erased' : 'privacy.queue.rejected');
  return redirectAfterPost(c, '/privacy/requests');
});
