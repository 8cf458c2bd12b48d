import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { ParticipantPage } from '../../views/events/ParticipantPage.js';
import { ParticipantsPage } from '../../views/events/ParticipantsPage.js';
import { AllRequestsPage, RequestFormPage } from '../../views/events/RequestPages.js';
import type { AppEnv } from '../context.js';
import { setFlash } from '../http/flash.js';
import { formRefusal } from '../http/form-refusal.js';
import { currentActor } from '../http/guards.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { parseForm, parseQuery } from '../http/validate.js';
import { isFacilitator, requireEvent } from './access.js';
import {
  loadCatalogue,
  loadEventRequests,
  loadParticipantPage,
  loadRequestForm,
  sendMeetingRequest,
} from './participant-pages.js';
import { decideParticipant, setUnavailability } from './participants.js';
import { answerRequest } from './requests.js';
import { CatalogueQuery, RequestForm, UnavailabilityForm } from './schema.js';

/** Catalogue, a participant's own page, unavailability, approvals and meeting requests (mounted under /events). */
export const participantRoutes = new Hono<AppEnv>();

participantRoutes.get('/:id/participants', async (c) => {
  const filter = parseQuery(c, CatalogueQuery);
  const page = await loadCatalogue(c.get('deps').sql, currentActor(c), c.req.param('id'), filter);
  const t = c.get('t');
  return render(c, <ParticipantsPage t={t} {...page} />, { title: t('events.catalogue') });
});

participantRoutes.get('/:id/participants/:pid', async (c) => {
  const { sql, clock } = c.get('deps');
  const { id, pid } = c.req.param();
  const page = await loadParticipantPage(sql, currentActor(c), id, pid, clock());
  return render(c, <ParticipantPage t={c.get('t')} locale={c.get('locale')} {...page} />, {
    title: `${page.participant.name} · ${page.event.name}`,
  });
});

participantRoutes.post('/:id/participants/:pid/unavailability', async (c) => {
  const form = await parseForm(c, UnavailabilityForm);
  const { sql } = c.get('deps');
  const eventId = (await requireEvent(sql, c.req.param('id'))).id;
  const pid = c.req.param('pid');
  await setUnavailability(sql, currentActor(c), eventId, pid, form.ok ? form.data.slots : []);
  setFlash(c, 'events.unavailability_saved');
  return redirectAfterPost(c, `/events/${eventId}/participants/${pid}`);
});

for (const decision of ['approve', 'reject'] as const) {
  participantRoutes.post(`/:id/participants/:pid/${decision}`, async (c) => {
    const { sql, clock } = c.get('deps');
    const event = await requireEvent(sql, c.req.param('id'));
    const status = decision === 'approve' ? 'approved' : 'rejected';
    await decideParticipant(sql, currentActor(c), event.id, c.req.param('pid'), status, clock());
    setFlash(c, 'events.decided');
    return redirectAfterPost(c, `/events/${event.id}/participants`);
  });
}

const RequestsQuery = z.object({
  status: z.enum(['', 'pending', 'accepted', 'declined', 'expired']).default(''),
});

participantRoutes.get('/:id/requests', async (c) => {
  const { status } = parseQuery(c, RequestsQuery);
  const { sql, clock } = c.get('deps');
  const page = await loadEventRequests(sql, currentActor(c), c.req.param('id'), status, clock());
  const t = c.get('t');
  return render(c, <AllRequestsPage t={t} {...page} status={status} />, { title: t('events.all_requests') });
});

async function requestPage(
  c: Context<AppEnv>,
  state: { values: Record<string, string>; errors?: Record<string, string>; status?: number },
) {
  const page = await loadRequestForm(c.get('deps').sql, currentActor(c), c.req.param('id'));
  const t = c.get('t');
  return render(c, <RequestFormPage t={t} {...page} values={state.values} errors={state.errors ?? {}} />, {
    title: t('events.request.title'),
    status: state.status ?? 200,
  });
}

participantRoutes.get('/:id/requests/new', (c) =>
  requestPage(c, { values: { from: c.req.query('from') ?? '', to: c.req.query('to') ?? '', priority: '2' } }),
);

participantRoutes.post('/:id/requests', async (c) => {
  const form = await parseForm(c, RequestForm);
  if (!form.ok) return requestPage(c, { values: form.values, errors: form.errors, status: 422 });
  const { sql, clock } = c.get('deps');
  try {
    const sent = await sendMeetingRequest(sql, currentActor(c), c.req.param('id'), form.data, clock());
    setFlash(c, sent.merged ? 'events.request.merged' : 'events.request.sent');
    return redirectAfterPost(c, `/events/${sent.eventId}/participants/${form.data.from}`);
  } catch (err) {
    return requestPage(c, { values: form.values, ...formRefusal(c, err) });
  }
});

for (const [path, answer] of [
  ['accept', 'accepted'],
  ['decline', 'declined'],
] as const) {
  participantRoutes.post(`/:id/requests/:rid/${path}`, async (c) => {
    const { sql, clock } = c.get('deps');
    const actor = currentActor(c);
    const event = await requireEvent(sql, c.req.param('id'));
    const r = await answerRequest(sql, actor, c.req.param('rid'), answer, clock(), event.id);
    setFlash(c, answer === 'accepted' ? 'events.request.accepted' : 'events.request.declined');
    const back = isFacilitator(actor)
      ? `/events/${event.id}/requests`
      : `/events/${event.id}/participants/${r.toParticipantId}`;
    return redirectAfterPost(c, back);
  });
}
