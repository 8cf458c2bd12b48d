import { Hono } from 'hono';
import { PublicEventPage } from '../../views/public-events/PublicEventPage.js';
import { PublicPageSettings } from '../../views/public-events/PublicPageSettings.js';
import { weakPasswordMessage } from '../auth/strength.js';
import type { AppEnv } from '../context.js';
import { clientIp } from '../http/client-ip.js';
import { currentActor, requireUser } from '../http/guards.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { parseForm } from '../http/validate.js';
import { publicEventView } from './page-model.js';
import { PublicPageForm, SelfRegisterForm } from './schema.js';
import * as service from './service.js';

/** Anonymous pages of an event a facilitator opened: /e/<slug>, its .ics and self-registration. */
export const publicEventRoutes = new Hono<AppEnv>();

publicEventRoutes.get('/e/:file{[a-z0-9-]+\\.ics}', async (c) => {
  const slug = c.req.param('file').slice(0, -'.ics'.length);
  const ics = await service.publicEventIcs(c.get('deps').sql, c.get('t'), slug, c.get('deps').clock());
  return c.body(ics, 200, {
    'content-type': 'text/calendar; charset=utf-8',
    'content-disposition': `attachment; filename="${slug}.ics"`,
  });
});

publicEventRoutes.get('/e/:slug', async (c) => {
  const slug = c.req.param('slug');
  const p = await service.loadPublicEvent(c.get('deps').sql, slug, c.get('deps').clock());
  const event = publicEventView(slug, p, c.get('locale'));
  const registered = c.req.query('registered') === '1';
  return render(c, <PublicEventPage t={c.get('t')} event={event} registered={registered} />, {
    title: event.name,
  });
});

publicEventRoutes.post('/e/:slug/register', async (c) => {
  const { sql, jobs, config, clock } = c.get('deps');
  const [slug, t] = [c.req.param('slug'), c.get('t')];
  const form = await parseForm(c, SelfRegisterForm);
  const who = { ip: clientIp(c), locale: c.get('locale'), now: clock() };
  const weak = form.ok
    ? await service.selfRegister({ sql, jobs, appOrigin: config.appOrigin }, slug, form.data, who)
    : null;
  if (form.ok && !weak) return redirectAfterPost(c, `/e/${slug}?registered=1`);
  const event = publicEventView(slug, await service.loadPublicEvent(sql, slug, who.now), who.locale);
  const errors = form.ok ? { password: weakPasswordMessage(t, weak!) } : form.errors;
  const page = <PublicEventPage t={t} event={event} values={form.values} errors={errors} />;
  return render(c, page, { title: event.name, status: 422 });
});

publicEventRoutes.get('/events/:id/public-page', requireUser(), async (c) => {
  const p = await service.loadPublicPage(c.get('deps').sql, currentActor(c), c.req.param('id'));
  const page = { eventId: p.event.id, eventName: p.event.name, slug: p.slug, open: p.open };
  return render(c, <PublicPageSettings t={c.get('t')} page={page} />, { title: p.event.name });
});

publicEventRoutes.post('/events/:id/public-page', requireUser(), async (c) => {
  const { sql, clock } = c.get('deps');
  const id = c.req.param('id');
  const form = await parseForm(c, PublicPageForm);
  const refused = form.ok ? await service.savePublicPage(sql, currentActor(c), id, form.data, clock()) : null;
  if (form.ok && !refused) return redirectAfterPost(c, `/events/${id}/public-page`);
  const errors = refused ? { slug: c.get('t')(refused.slug) } : form.ok ? {} : form.errors;
  const p = await service.loadPublicPage(sql, currentActor(c), id);
  const page = { eventId: p.event.id, eventName: p.event.name, slug: p.slug, open: p.open };
  return render(c, <PublicPageSettings t={c.get('t')} page={page} values={form.values} errors={errors} />, {
    title: p.event.name,
    status: 422,
  });
});
