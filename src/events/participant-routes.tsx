import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { ParticipantPage } from '../../views/events/ParticipantPage.js';
import { ParticipantsPage } from '../../views/events/ParticipantsPage.js';
import { AllRequestsPage, RequestFormPage } from '../../views/events/RequestPages.js';
import type { AppEnv } from '../context.js';
import { DomainError } from '../errors.js';
import { setFlash } from '../http/flash.js';
import { currentActor } from '../http/guards.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { parseForm, parseQuery } from '../http/validate.js';
import { type Actor, isFacilitator, requireEvent, requireStaff } from './access.js';
import { decideParticipant, requireOwnParticipant, setUnavailability } from './participants.js';
import * as prepo from './participants-repo.js';
import { listSlots } from './repo.js';
import { answerRequest, createRequest } from './requests.js';
import * as rrepo from './requests-repo.js';
import { CatalogueQuery, RequestForm, UnavailabilityForm } from './schema.js';
import { heuristicSuggester, type Suggester } from './suggest.js';

/** Catalogue, a participant's own page, unavailability, approvals and meeting requests (mounted under /events). */
export const participantRoutes = new Hono<AppEnv>();

/** Matching can replace this (see Suggester); until then a simple heuristic. */
const suggester: Suggester = heuristicSuggester;

const translate = (c: Context<AppEnv>, errors: Record<string, string>) =>
  Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, c.get('t')(v)]));

participantRoutes.get('/:id/participants', async (c) => {
  const { sql } = c.get('deps');
  const event = await requireEvent(sql, c.req.param('id'));
  const actor = currentActor(c);
  const staff = isFacilitator(actor);
  const filter = parseQuery(c, CatalogueQuery);
  const [participants, provinces, own] = await Promise.all([
    prepo.listParticipants(sql, event.id, staff ? filter : { ...filter, status: 'approved' }),
    prepo.listProvincesOfParticipants(sql, event.id),
    prepo.listParticipantsOfUser(sql, event.id, actor.userId),
  ]);
  const approvedOwn = own.filter((p) => p.status === 'approved');
  const suggestions = await Promise.all(
    approvedOwn.map(async (p) => ({
      participant: p,
      items: await suggester.suggest(sql, event.id, p.id, 5),
    })),
  );
  const t = c.get('t');
  return render(
    c,
    <ParticipantsPage
      t={t}
      event={event}
      staff={staff}
      filter={filter}
      provinces={provinces}
      participants={participants}
      own={approvedOwn}
      suggestions={suggestions}
    />,
    { title: t('events.catalogue') },
  );
});

participantRoutes.get('/:id/participants/:pid', async (c) => {
  const { sql, clock } = c.get('deps');
  const event = await requireEvent(sql, c.req.param('id'));
  const actor = currentActor(c);
  const me = await requireOwnParticipant(sql, actor, event.id, c.req.param('pid'));
  const now = clock();
  const [slots, unavailable, requests, quotaUsed] = await Promise.all([
    listSlots(sql, event.id),
    prepo.listUnavailableSlotIds(sql, me.id),
    rrepo.listRequestsOfParticipant(sql, me.id, now),
    rrepo.countActiveOutgoing(sql, me.id, now),
  ]);
  return render(
    c,
    <ParticipantPage
      t={c.get('t')}
      locale={c.get('locale')}
      event={event}
      participant={me}
      slots={slots}
      unavailable={unavailable}
      requests={requests}
      quotaUsed={quotaUsed}
      staff={isFacilitator(actor)}
    />,
    { title: `${me.name} · ${event.name}` },
  );
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

participantRoutes.get('/:id/requests', async (c) => {
  const { sql, clock } = c.get('deps');
  requireStaff(currentActor(c));
  const event = await requireEvent(sql, c.req.param('id'));
  const { status } = parseQuery(
    c,
    z.object({ status: z.enum(['', 'pending', 'accepted', 'declined', 'expired']).default('') }),
  );
  const requests = await rrepo.listRequestsOfEvent(sql, event.id, clock(), status);
  const t = c.get('t');
  return render(c, <AllRequestsPage t={t} event={event} requests={requests} status={status} />, {
    title: t('events.all_requests'),
  });
});

/** Who may be the sender: the actor's approved representatives, or anyone approved for staff. */
async function senders(c: Context<AppEnv>, actor: Actor, eventId: string) {
  const { sql } = c.get('deps');
  const all = isFacilitator(actor)
    ? await prepo.listParticipants(sql, eventId, { kind: '', q: '', province: '', status: 'approved' })
    : await prepo.listParticipantsOfUser(sql, eventId, actor.userId);
  return all.filter((p) => p.status === 'approved');
}

async function requestPage(
  c: Context<AppEnv>,
  state: { values: Record<string, string>; errors?: Record<string, string>; status?: number },
) {
  const { sql } = c.get('deps');
  const event = await requireEvent(sql, c.req.param('id'));
  const actor = currentActor(c);
  const [from, to] = await Promise.all([
    senders(c, actor, event.id),
    prepo.listParticipants(sql, event.id, { kind: '', q: '', province: '', status: 'approved' }),
  ]);
  const t = c.get('t');
  return render(
    c,
    <RequestFormPage
      t={t}
      event={event}
      from={from}
      to={to}
      values={state.values}
      errors={state.errors ?? {}}
    />,
    { title: t('events.request.title'), status: state.status ?? 200 },
  );
}

participantRoutes.get('/:id/requests/new', (c) =>
  requestPage(c, { values: { from: c.req.query('from') ?? '', to: c.req.query('to') ?? '', priority: '2' } }),
);

participantRoutes.post('/:id/requests', async (c) => {
  const form = await parseForm(c, RequestForm);
  if (!form.ok) return requestPage(c, { values: form.values, errors: form.errors, status: 422 });
  const { sql, clock } = c.get('deps');
  const event = await requireEvent(sql, c.req.param('id'));
  try {
    const { merged } = await createRequest(sql, currentActor(c), event.id, form.data, clock());
    setFlash(c, merged ? 'events.request.merged' : 'events.request.sent');
    return redirectAfterPost(c, `/events/${event.id}/participants/${form.data.from}`);
  } catch (err) {
    if (err instanceof DomainError && (err.fields || err.status === 409)) {
      const errors = err.fields ? translate(c, err.fields) : { _: err.message };
      return requestPage(c, { values: form.values, errors, status: err.status === 409 ? 409 : 422 });
    }
    throw err;
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
