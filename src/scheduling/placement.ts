import { recordAudit } from '../audit/service.js';
import type { Db, Sql, Tx } from '../db/client.js';
import { isUuid } from '../db/ids.js';
import { Conflict, Invalid, NotFound } from '../errors.js';
import { type Actor, requireEvent, requireStaff } from '../events/access.js';
import { type EventRow, findSlot, findTable } from '../events/repo.js';
import { findRequest } from '../events/requests-repo.js';
import type { Jobs } from '../jobs/queue.js';
import { recordScheduleChanges } from './change-notices.js';
import { requireCheckInOpen } from './checkin-window.js';
import { explainPlacementError } from './conflicts.js';
import * as repo from './repo.js';

/** What every manual change needs besides the actor: the database, the queue and the moment. */
export interface ChangeContext {
  sql: Sql;
  jobs: Jobs | null;
  origin: string;
  now: Date;
}

/** A meeting as it was before an edit (row null: it did not exist yet). */
interface Before {
  id: string;
  row: repo.MeetingRow | null;
}

export interface Target {
  slotId: string;
  tableId: string;
}

/**
 * Runs one manual change of the live schedule in a transaction, as a facilitator. The database
 * constraints are the real guard against double-booking: whatever this code checks first, two
 * concurrent changes can only both commit if they are compatible, and a loser gets a 409 naming
 * the rule (table taken, participant busy). Participants hear of changes once the event's
 * schedule has been published, batched: each edit is recorded per participant and summarised
 * in one notice per window (change-notices.ts). `touched` lists the meetings as they were before.
 */
async function change<T>(
  ctx: ChangeContext,
  actor: Actor,
  eventId: string,
  body: (tx: Tx, event: EventRow) => Promise<{ result: T; touched: Before[] }>,
): Promise<T> {
  requireStaff(actor);
  const event = await requireEvent(ctx.sql, eventId);
  try {
    return (await ctx.sql.begin(async (tx) => {
      const { result, touched } = await body(tx, event);
      if (event.publishedAt && touched.length > 0) {
        const changes = [];
        for (const b of touched) changes.push({ before: b.row, after: await repo.findMeeting(tx, b.id) });
        await recordScheduleChanges(tx, ctx.jobs, changes, ctx.now, ctx.origin);
      }
      return result;
    })) as T;
  } catch (err) {
    return explainPlacementError(err);
  }
}

async function resolveTarget(db: Db, event: EventRow, target: Target, participants: string[]) {
  const [slot, table] = await Promise.all([
    isUuid(target.slotId) ? findSlot(db, event.id, target.slotId) : null,
    isUuid(target.tableId) ? findTable(db, event.id, target.tableId) : null,
  ]);
  if (!slot || !table)
    throw new Invalid({
      ...(slot ? {} : { slot_id: 'v.choice' }),
      ...(table ? {} : { table_id: 'v.choice' }),
    });
  if ((await repo.listMarkedUnavailable(db, slot.id, participants)).length > 0)
    throw new Conflict('events.conflict.unavailable');
  return { slotId: slot.id, tableId: table.id, startsAt: slot.startsAt, endsAt: slot.endsAt };
}

async function requireMeeting(db: Db, eventId: string, meetingId: string | undefined) {
  if (!isUuid(meetingId)) throw new NotFound();
  await repo.lockMeeting(db, meetingId);
  const meeting = await repo.findMeeting(db, meetingId);
  if (!meeting || meeting.eventId !== eventId) throw new NotFound();
  return meeting;
}

function requireScheduled(m: repo.MeetingRow): void {
  if (m.status !== 'scheduled') throw new Conflict('events.conflict.meeting_cancelled');
}

/** Places an accepted request at a slot and table (a new meeting, or a cancelled one revived). */
export async function placeRequest(
  ctx: ChangeContext,
  actor: Actor,
  eventId: string,
  input: Target & { requestId: string; locked?: boolean },
): Promise<repo.MeetingRow> {
  const id = await change(ctx, actor, eventId, async (tx, event) => {
    const request = isUuid(input.requestId) ? await findRequest(tx, input.requestId, ctx.now) : null;
    if (!request || request.eventId !== event.id) throw new Invalid({ request_id: 'v.choice' });
    if (request.status !== 'accepted') throw new Conflict('events.conflict.request_not_accepted');
    const sides = [request.fromParticipantId, request.toParticipantId];
    const place = await resolveTarget(tx, event, input, sides);
    const existing = await repo.findMeetingOfRequest(tx, request.id);
    if (existing?.status === 'scheduled') throw new Conflict('events.conflict.already_scheduled');
    const before = existing ? await repo.findMeeting(tx, existing.id) : null;
    let id = existing?.id;
    if (id) await repo.placeExisting(tx, id, { ...place, locked: input.locked ?? false }, ctx.now);
    else
      id = await repo.insertMeeting(tx, {
        ...place,
        eventId: event.id,
        requestId: request.id,
        timezone: event.timezone,
        locked: input.locked ?? false,
        createdBy: actor.userId,
      });
    return { result: id, touched: [{ id, row: before }] };
  });
  return (await repo.findMeeting(ctx.sql, id))!;
}

/** Moves a meeting to another slot and/or table; the target must be free (else 409). */
export async function moveMeeting(
  ctx: ChangeContext,
  actor: Actor,
  eventId: string,
  meetingId: string | undefined,
  target: Partial<Target>,
): Promise<repo.MeetingRow> {
  const id = await change(ctx, actor, eventId, async (tx, event) => {
    const m = await requireMeeting(tx, event.id, meetingId);
    requireScheduled(m);
    const wanted = { slotId: target.slotId ?? m.slotId!, tableId: target.tableId ?? m.tableId! };
    if (wanted.slotId === m.slotId && wanted.tableId === m.tableId) return { result: m.id, touched: [] };
    const place = await resolveTarget(tx, event, wanted, [m.aId, m.bId]);
    await repo.placeExisting(tx, m.id, place, ctx.now);
    return { result: m.id, touched: [{ id: m.id, row: m }] };
  });
  return (await repo.findMeeting(ctx.sql, id))!;
}

/**
 * Two meetings trade places. The double-booking checks are deferred to commit for this one
 * transaction, since halfway through both meetings briefly share a cell.
 */
export async function swapMeetings(
  ctx: ChangeContext,
  actor: Actor,
  eventId: string,
  firstId: string | undefined,
  secondId: string | undefined,
): Promise<void> {
  await change(ctx, actor, eventId, async (tx, event) => {
    const ids = [firstId, secondId].toSorted();
    const [x, y] = [await requireMeeting(tx, event.id, ids[0]), await requireMeeting(tx, event.id, ids[1])];
    requireScheduled(x);
    requireScheduled(y);
    if (x.id === y.id) return { result: null, touched: [] };
    await repo.deferPlacementChecks(tx);
    const toY = await resolveTarget(tx, event, { slotId: y.slotId!, tableId: y.tableId! }, [x.aId, x.bId]);
    const toX = await resolveTarget(tx, event, { slotId: x.slotId!, tableId: x.tableId! }, [y.aId, y.bId]);
    await repo.placeExisting(tx, x.id, toY, ctx.now);
    await repo.placeExisting(tx, y.id, toX, ctx.now);
    return {
      result: null,
      touched: [
        { id: x.id, row: x },
        { id: y.id, row: y },
      ],
    };
  });
}

/** Locked meetings stay where they are when the scheduler runs again. */
export async function setMeetingLocked(
  ctx: ChangeContext,
  actor: Actor,
  eventId: string,
  meetingId: string | undefined,
  locked: boolean,
): Promise<void> {
  await change(ctx, actor, eventId, async (tx, event) => {
    const m = await requireMeeting(tx, event.id, meetingId);
    requireScheduled(m);
    await repo.setLocked(tx, m.id, locked, ctx.now);
    return { result: null, touched: [] };
  });
}

/** Takes a meeting off the schedule; the row stays as cancelled for the calendars. */
export async function removeMeeting(
  ctx: ChangeContext,
  actor: Actor,
  eventId: string,
  meetingId: string | undefined,
): Promise<void> {
  await change(ctx, actor, eventId, async (tx, event) => {
    const m = await requireMeeting(tx, event.id, meetingId);
    requireScheduled(m);
    await repo.cancelMeetings(tx, [m.id], ctx.now);
    return { result: null, touched: [{ id: m.id, row: m }] };
  });
}

/**
 * Check-in on the day: held, or who did not show up (null clears a mistaken tap). Only inside the
 * meeting's check-in window (see checkin-window.ts), whichever path asks: table page, API, scan.
 */
export async function recordAttendance(
  ctx: ChangeContext,
  actor: Actor,
  eventId: string,
  meetingId: string | undefined,
  attendance: repo.Attendance | null,
): Promise<repo.MeetingRow> {
  const id = await change(ctx, actor, eventId, async (tx, event) => {
    const m = await requireMeeting(tx, event.id, meetingId);
    requireScheduled(m);
    requireCheckInOpen(m.startsAt, event.timezone, ctx.now);
    await repo.setAttendance(tx, m.id, attendance, actor.userId, ctx.now);
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organizationId: null,
      entity: 'meeting',
      entityId: m.id,
      action: 'attendance',
      changes: { attendance: { from: m.attendance, to: attendance } },
    });
    return { result: m.id, touched: [] };
  });
  return (await repo.findMeeting(ctx.sql, id))!;
}

/** Resolves which event a meeting belongs to (API paths name only the meeting). */
export async function eventOfMeeting(db: Db, meetingId: string | undefined): Promise<string> {
  if (!isUuid(meetingId)) throw new NotFound();
  const m = await repo.findMeeting(db, meetingId);
  if (!m) throw new NotFound();
  return m.eventId;
}
