import { Hono } from 'hono';
import { z } from 'zod';
import { BadgesPage, ConfirmPage, ScanPage } from '../../views/scheduling/CheckInPages.js';
import type { AppEnv } from '../context.js';
import { setFlash } from '../http/flash.js';
import { currentActor, requireUser } from '../http/guards.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { parseForm } from '../http/validate.js';
import * as checkin from './checkin.js';

/** QR and typed-code check-in, and badges (mounted under /events). Facilitators only, but badges. */
export const checkInRoutes = new Hono<AppEnv>();
checkInRoutes.use('*', requireUser());

const CodeForm = z.object({ code: z.string().trim().min(1).max(12) });
const ConfirmForm = z.object({
  participant_id: z.uuid(),
  meeting_id: z.uuid(),
  method: z.enum(['qr', 'code']),
});

checkInRoutes.get('/:id/check-in', async (c) => {
  const event = await checkin.requireCheckInDesk(c.get('deps').sql, currentActor(c), c.req.param('id'));
  const t = c.get('t');
  return render(c, <ScanPage t={t} locale={c.get('locale')} event={event} code="" />, {
    title: t('events.scan'),
  });
});

checkInRoutes.post('/:id/check-in/lookup', async (c) => {
  const { sql, clock } = c.get('deps');
  const form = await parseForm(c, CodeForm);
  const code = form.ok ? form.data.code : null;
  const { event, found } = await checkin.lookUpCode(sql, currentActor(c), c.req.param('id'), code, clock());
  const t = c.get('t');
  if (!found) {
    const error = form.ok ? 'events.scan.unknown_code' : (form.errors.code ?? 'errors.invalid');
    const page = (
      <ScanPage t={t} locale={c.get('locale')} event={event} code={form.values.code ?? ''} error={error} />
    );
    return render(c, page, { title: t('events.scan'), status: 422 });
  }
  const page = <ConfirmPage t={t} locale={c.get('locale')} event={event} target={found} method="code" />;
  return render(c, page, { title: found.participant.name });
});

checkInRoutes.get('/:id/check-in/t/:token', async (c) => {
  const { sql, clock } = c.get('deps');
  const found = await checkin.lookUpToken(
    sql,
    currentActor(c),
    c.req.param('id'),
    c.req.param('token'),
    clock(),
  );
  const t = c.get('t');
  const page = <ConfirmPage t={t} locale={c.get('locale')} event={found.event} target={found} method="qr" />;
  return render(c, page, { title: found.participant.name });
});

checkInRoutes.post('/:id/check-in/confirm', async (c) => {
  const { sql, clock } = c.get('deps');
  const form = await parseForm(c, ConfirmForm);
  const input = form.ok
    ? { participantId: form.data.participant_id, meetingId: form.data.meeting_id, method: form.data.method }
    : { participantId: '', meetingId: '', method: 'code' as const };
  const done = await checkin.checkInParticipant(
    { sql, now: clock() },
    currentActor(c),
    c.req.param('id'),
    input,
  );
  setFlash(c, 'events.checkin.saved');
  return redirectAfterPost(c, `/events/${done.event.id}/check-in`);
});

checkInRoutes.get('/:id/badges', async (c) => {
  const { sql, config } = c.get('deps');
  const { event, badges, people } = await checkin.loadEventBadges(
    sql,
    currentActor(c),
    config.appOrigin,
    c.req.param('id'),
  );
  const t = c.get('t');
  const page = <BadgesPage t={t} locale={c.get('locale')} event={event} badges={badges} people={people} />;
  return render(c, page, { title: t('events.badges.title', { event: event.name }) });
});

checkInRoutes.get('/:id/participants/:pid/badge', async (c) => {
  const { sql, config } = c.get('deps');
  const { event, participant, badge } = await checkin.loadOwnBadge(
    sql,
    currentActor(c),
    config.appOrigin,
    c.req.param('id'),
    c.req.param('pid'),
  );
  const t = c.get('t');
  const people = new Map([[participant.id, participant]]);
  const page = <BadgesPage t={t} locale={c.get('locale')} event={event} badges={[badge]} people={people} />;
  return render(c, page, { title: t('events.badge') });
});

checkInRoutes.post('/:id/participants/:pid/checkin-code', async (c) => {
  const { sql } = c.get('deps');
  await checkin.regenerateCredentials(sql, currentActor(c), c.req.param('id'), c.req.param('pid'));
  setFlash(c, 'events.badges.regenerated');
  return redirectAfterPost(c, `/events/${c.req.param('id')}/participants/${c.req.param('pid')}/badge`);
});
