import { Hono } from 'hono';
import { describeRoutes } from '../api/openapi-registry.js';
import type { AppEnv } from '../context.js';
import { currentActor } from '../http/guards.js';
import { parseJson } from '../http/validate.js';
import { requireEvent } from './access.js';
import { eventToJson, slotToJson } from './json.js';
import { participantToJson, registerInputFromBody, registerWithSlots } from './participants.js';
import { listEvents } from './repo.js';
import { answerRequest, createRequest, requestToJson } from './requests.js';
import { EventCreateBody, eventInputFromBody, ParticipantBody, RequestBody } from './schema.js';
import { createEvent, loadEvent } from './service.js';

/** `/api/v1/events`, participants and meeting requests (snake_case JSON; bearer tokens). */
export const eventApi = new Hono<AppEnv>();

eventApi.get('/events', async (c) => {
  const events = await listEvents(c.get('deps').sql);
  return c.json({
    events: events.map((e) => ({
      id: e.id,
      name: e.name,
      venue: e.venue,
      timezone: e.timezone,
      starts_at: e.startsAt,
    })),
  });
});

eventApi.post('/events', async (c) => {
  const body = await parseJson(c, EventCreateBody);
  const { sql } = c.get('deps');
  const id = await createEvent(sql, currentActor(c), eventInputFromBody(body));
  c.header('Location', `/api/v1/events/${id}`);
  return c.json(eventToJson(await loadEvent(sql, id)), 201);
});

eventApi.get('/events/:id', async (c) => {
  return c.json(eventToJson(await loadEvent(c.get('deps').sql, c.req.param('id'))));
});

eventApi.get('/events/:id/slots', async (c) => {
  const { slots } = await loadEvent(c.get('deps').sql, c.req.param('id'));
  return c.json({ slots: slots.map(slotToJson) });
});

eventApi.post('/events/:id/participants', async (c) => {
  const input = registerInputFromBody(await parseJson(c, ParticipantBody));
  const { sql, clock } = c.get('deps');
  const { participant: p, unavailable } = await registerWithSlots(
    sql,
    currentActor(c),
    c.req.param('id'),
    input,
    clock(),
  );
  c.header('Location', `/api/v1/events/${p.eventId}/participants/${p.id}`);
  return c.json(participantToJson(p, unavailable), 201);
});

/** A merged (mutual) request is not a new object: 200 with the existing request, now accepted. */
eventApi.post('/events/:id/requests', async (c) => {
  const body = await parseJson(c, RequestBody);
  const { sql, clock } = c.get('deps');
  const event = await requireEvent(sql, c.req.param('id'));
  const { request, merged } = await createRequest(sql, currentActor(c), event.id, body, clock());
  return c.json({ ...requestToJson(request), merged }, merged ? 200 : 201);
});

eventApi.post('/requests/:id/accept', async (c) => {
  const { sql, clock } = c.get('deps');
  const r = await answerRequest(sql, currentActor(c), c.req.param('id'), 'accepted', clock());
  return c.json(requestToJson(r));
});

eventApi.post('/requests/:id/decline', async (c) => {
  const { sql, clock } = c.get('deps');
  const r = await answerRequest(sql, currentActor(c), c.req.param('id'), 'declined', clock());
  return c.json(requestToJson(r));
});

describeRoutes('events', [
  {
    method: 'get',
    path: '/events',
    summary: 'Events: id, name, venue, time zone and start.',
    response: { status: 200, description: '`events`.' },
  },
  {
    method: 'post',
    path: '/events',
    summary: 'Create an event with its days, tables and slot length (facilitators).',
    body: EventCreateBody,
    errors: [403],
    response: { status: 201, description: 'The event; `Location` names it.' },
  },
  {
    method: 'get',
    path: '/events/:id',
    summary: 'An event.',
    response: { status: 200, description: 'The event.' },
  },
  {
    method: 'get',
    path: '/events/:id/slots',
    summary: 'The meeting slots of an event, in its time zone.',
    response: { status: 200, description: '`slots`.' },
  },
  {
    method: 'post',
    path: '/events/:id/participants',
    summary: 'Register an organisation at an event, with the slots it cannot attend.',
    body: ParticipantBody,
    errors: [403, 409],
    response: { status: 201, description: 'The participant; `Location` names it.' },
  },
  {
    method: 'post',
    path: '/events/:id/requests',
    summary: 'Ask another participant for a meeting; a mutual request merges into the existing one.',
    body: RequestBody,
    errors: [403, 409],
    response: { status: 201, description: 'The request (200 with `merged: true` when it merged).' },
  },
  {
    method: 'post',
    path: '/requests/:id/accept',
    summary: 'Accept a meeting request addressed to you.',
    errors: [403, 409],
    response: { status: 200, description: 'The request, now accepted.' },
  },
  {
    method: 'post',
    path: '/requests/:id/decline',
    summary: 'Decline a meeting request addressed to you.',
    errors: [403, 409],
    response: { status: 200, description: 'The request, now declined.' },
  },
]);
