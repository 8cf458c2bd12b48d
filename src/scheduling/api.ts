import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { describeRoutes } from '../api/openapi-registry.js';
import type { AppEnv } from '../context.js';
import { type Actor, isFacilitator, requireEvent } from '../events/access.js';
import { requireOwnParticipant } from '../events/participants.js';
import { listParticipantsOfUser } from '../events/participants-repo.js';
import { currentActor } from '../http/guards.js';
import { parseJson } from '../http/validate.js';
import { agendaIcs, loadAgenda } from './agenda.js';
import { patchMeeting } from './meeting-patch.js';
import * as placement from './placement.js';
import { listEventMeetings, type MeetingRow } from './repo.js';
import { publishRun, runSchedule, runToJson } from './runs.js';

/** `/api/v1`: the scheduler, meetings and agendas. Editing is for facilitators only. */
export const schedulingApi = new Hono<AppEnv>();

const uuid = z.uuid('v.invalid');
const ScheduleBody = z.object({ publish: z.boolean().default(true) });
const PlaceBody = z.object({
  request_id: uuid,
  slot_id: uuid,
  table_id: uuid,
  locked: z.boolean().default(false),
});
const PatchBody = z
  .object({
    slot_id: uuid.optional(),
    table_id: uuid.optional(),
    locked: z.boolean().optional(),
    attendance: z.enum(['held', 'no_show_a', 'no_show_b', 'no_show_both']).nullable().optional(),
  })
  .strict();

const ctxOf = (c: Context<AppEnv>): placement.ChangeContext => {
  const { sql, jobs, config, clock } = c.get('deps');
  return { sql, jobs, origin: config.appOrigin, now: clock() };
};

/** Meetings in the API's snake_case shape; participants[0] asked, participants[1] was asked. */
export function meetingToJson(m: MeetingRow) {
  return {
    id: m.id,
    event_id: m.eventId,
    request_id: m.requestId,
    slot_id: m.slotId,
    table_id: m.tableId,
    status: m.status,
    starts_at: m.startsAt.toISOString(),
    ends_at: m.endsAt.toISOString(),
    locked: m.locked,
    sequence: m.sequence,
    priority: m.priority,
    attendance: m.attendance,
    participants: [
      { id: m.aId, name: m.aName, organization_id: m.aOrgId, organization_name: m.aOrgName },
      { id: m.bId, name: m.bName, organization_id: m.bOrgId, organization_name: m.bOrgName },
    ],
  };
}

schedulingApi.post('/events/:id/schedule', async (c) => {
  const raw = (await c.req.text()).trim();
  const { publish } = raw ? await parseJson(c, ScheduleBody) : ScheduleBody.parse({});
  const ctx = ctxOf(c);
  const actor = currentActor(c);
  const run = await runSchedule(ctx, actor, c.req.param('id'));
  if (publish) await publishRun(ctx, actor, run.eventId, run.id);
  return c.json({ ...runToJson(run), status: publish ? 'published' : 'draft', published: publish }, 201);
});

/** Facilitators see every meeting; anyone else only the meetings of their own participants. */
async function visibleMeetings(c: Context<AppEnv>, actor: Actor, eventId: string) {
  const { sql } = c.get('deps');
  if (isFacilitator(actor)) return listEventMeetings(sql, eventId);
  const own = await listParticipantsOfUser(sql, eventId, actor.userId);
  if (own.length === 0) return [];
  return listEventMeetings(sql, eventId, { participantIds: own.map((p) => p.id) });
}

schedulingApi.get('/events/:id/meetings', async (c) => {
  const event = await requireEvent(c.get('deps').sql, c.req.param('id'));
  const meetings = await visibleMeetings(c, currentActor(c), event.id);
  return c.json({ meetings: meetings.map(meetingToJson) });
});

schedulingApi.post('/events/:id/meetings', async (c) => {
  const body = await parseJson(c, PlaceBody);
  const m = await placement.placeRequest(ctxOf(c), currentActor(c), c.req.param('id'), {
    requestId: body.request_id,
    slotId: body.slot_id,
    tableId: body.table_id,
    locked: body.locked,
  });
  c.header('Location', `/api/v1/meetings/${m.id}`);
  return c.json(meetingToJson(m), 201);
});

schedulingApi.patch('/meetings/:id', async (c) => {
  const body = await parseJson(c, PatchBody);
  const m = await patchMeeting(ctxOf(c), currentActor(c), c.req.param('id'), {
    slotId: body.slot_id,
    tableId: body.table_id,
    locked: body.locked,
    attendance: body.attendance,
  });
  return c.json(meetingToJson(m));
});

schedulingApi.delete('/meetings/:id', async (c) => {
  const ctx = ctxOf(c);
  const id = c.req.param('id');
  const eventId = await placement.eventOfMeeting(ctx.sql, id);
  await placement.removeMeeting(ctx, currentActor(c), eventId, id);
  return c.body(null, 204);
});

schedulingApi.get('/events/:id/participants/:pid/agenda.ics', async (c) => {
  const { sql, clock } = c.get('deps');
  const event = await requireEvent(sql, c.req.param('id'));
  const participant = await requireOwnParticipant(sql, currentActor(c), event.id, c.req.param('pid'));
  const entries = await loadAgenda(sql, event.id, participant.id);
  const ics = agendaIcs(c.get('t'), event, participant, entries, clock());
  return c.body(ics, 200, {
    'content-type': 'text/calendar; charset=utf-8',
    'content-disposition': `attachment; filename="agenda-${participant.id}.ics"`,
  });
});

describeRoutes('scheduling', [
  {
    method: 'post',
    path: '/events/:id/schedule',
    summary: 'Run the scheduler for an event, and publish the result unless `publish` is false.',
    description: 'The body is optional.',
    body: ScheduleBody,
    errors: [403, 409],
    response: { status: 201, description: 'The run with its figures, `status` and `published`.' },
  },
  {
    method: 'get',
    path: '/events/:id/meetings',
    summary: "Meetings of an event: all for facilitators, one's own participants' otherwise.",
    response: { status: 200, description: '`meetings`.' },
  },
  {
    method: 'post',
    path: '/events/:id/meetings',
    summary: 'Place an accepted request at a slot and table (facilitators).',
    body: PlaceBody,
    errors: [403, 409],
    response: { status: 201, description: 'The meeting; `Location` names it.' },
  },
  {
    method: 'patch',
    path: '/meetings/:id',
    summary: 'Move or lock a meeting, or record its attendance (facilitators).',
    body: PatchBody,
    errors: [403, 409],
    response: { status: 200, description: 'The meeting after the change.' },
  },
  {
    method: 'delete',
    path: '/meetings/:id',
    summary: 'Remove a meeting from the schedule (facilitators).',
    errors: [403, 409],
    response: { status: 204, description: 'Removed.' },
  },
  {
    method: 'get',
    path: '/events/:id/participants/:pid/agenda.ics',
    summary: "A participant's agenda as an iCalendar file (its own organisation or facilitators).",
    errors: [403],
    response: { status: 200, description: 'The agenda.', contentType: 'text/calendar' },
  },
]);
