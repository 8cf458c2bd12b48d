import { recordAudit } from '../audit/service.js';
import type { Db } from '../db/client.js';
import { isUuid } from '../db/ids.js';
import { Conflict, Invalid, NotFound } from '../errors.js';
import { type Actor, requireEvent, requireStaff } from '../events/access.js';
import { findParticipant } from '../events/participants-repo.js';
import type { EventRow } from '../events/repo.js';
import { findRequest } from '../events/requests-repo.js';
import { requireCheckInOpen } from './checkin-window.js';
import { explainPlacementError } from './conflicts.js';
import type { ChangeContext } from './placement.js';
import * as repo from './repo.js';
import { listWalkIns, releaseNoShow } from './walk-in-repo.js';
import { floorRequest } from './walk-ins.js';

/** Someone who could take the freed seat: a waiting request of the present party, or a walk-in. */
export interface RefillCandidate {
  kind: 'request' | 'walk_in';
  /** The request id, or the walk-in's participant id. */
  id: string;
  name: string;
  organizationName: string;
}

/** The side that came, when exactly one did not. */
function presentSide(m: repo.MeetingRow): { id: string; name: string; orgName: string } | null {
  if (m.status !== 'scheduled') return null;
  if (m.attendance === 'no_show_a') return { id: m.bId, name: m.bName, orgName: m.bOrgName };
  if (m.attendance === 'no_show_b') return { id: m.aId, name: m.aName, orgName: m.aOrgName };
  return null;
}

async function requireNoShow(db: Db, event: EventRow, meetingId: string | undefined) {
  const m = isUuid(meetingId) ? await repo.findMeeting(db, meetingId) : null;
  if (!m || m.eventId !== event.id) throw new NotFound();
  const present = presentSide(m);
  if (!present) throw new Conflict('events.refill.not_no_show');
  return { m, present };
}

/**
 * Who could fill a no-show's table-slot, for one tap: the present party's accepted requests not on
 * the grid whose other side is free then, and walk-ins of the other kind free then.
 */
export async function loadRefill(
  db: Db,
  actor: Actor,
  eventId: string | undefined,
  meetingId: string | undefined,
) {
  requireStaff(actor);
  const event = await requireEvent(db, eventId);
  const { m, present } = await requireNoShow(db, event, meetingId);
  const [waiting, walkIns, meetings, blocked] = await Promise.all([
    repo.listUnscheduledRequests(db, event.id),
    listWalkIns(db, event.id),
    repo.listEventMeetings(db, event.id),
    repo.listBlockedSlots(db, event.id),
  ]);
  const busy = new Set([
    ...meetings.filter((x) => x.slotId === m.slotId && x.id !== m.id).flatMap((x) => [x.aId, x.bId]),
    ...blocked.filter((b) => b.slotId === m.slotId).map((b) => b.participantId),
  ]);
  const presentKind = (await findParticipant(db, event.id, present.id))?.organizationKind;
  const candidates: RefillCandidate[] = [];
  for (const r of waiting) {
    const other = r.fromId === present.id ? r.toId : r.toId === present.id ? r.fromId : null;
    if (other && !busy.has(other)) {
      const name = r.fromId === present.id ? r.toName : r.fromName;
      candidates.push({ kind: 'request', id: r.id, name, organizationName: '' });
    }
  }
  for (const w of walkIns)
    if (w.id !== present.id && !busy.has(w.id) && w.organizationKind !== presentKind)
      candidates.push({ kind: 'walk_in', id: w.id, name: w.name, organizationName: w.organizationName });
  return { event, meeting: m, present, candidates };
}

/**
 * One tap fills the freed seat: in one transaction the no-show leaves the grid (keeping its
 * recorded attendance) and the chosen meeting takes its table-slot. The meeting row is locked, so
 * of two facilitators tapping at once one wins and the other gets a 409; the attendee and
 * table-slot constraints refuse anyone double-booked meanwhile.
 */
export async function refillSlot(
  ctx: ChangeContext,
  actor: Actor,
  eventId: string | undefined,
  meetingId: string | undefined,
  pick: { requestId?: string | undefined; participantId?: string | undefined },
): Promise<repo.MeetingRow> {
  requireStaff(actor);
  const event = await requireEvent(ctx.sql, eventId);
  if (!isUuid(meetingId)) throw new NotFound();
  try {
    const id = await ctx.sql.begin(async (tx) => {
      await repo.lockMeeting(tx, meetingId);
      const { m, present } = await requireNoShow(tx, event, meetingId);
      requireCheckInOpen(m.startsAt, event.timezone, ctx.now);
      const requestId = await chooseRequest({ sql: tx, now: ctx.now }, event, present.id, pick, actor.userId);
      const spot = { slotId: m.slotId!, tableId: m.tableId!, startsAt: m.startsAt, endsAt: m.endsAt };
      await releaseNoShow(tx, m.id, ctx.now);
      const existing = await repo.findMeetingOfRequest(tx, requestId);
      if (existing?.status === 'scheduled') throw new Conflict('events.conflict.already_scheduled');
      let newId = existing?.id;
      if (newId) await repo.placeExisting(tx, newId, spot, ctx.now);
      else
        newId = await repo.insertMeeting(tx, {
          ...spot,
          eventId: event.id,
          requestId,
          timezone: event.timezone,
          locked: true,
          createdBy: actor.userId,
        });
      await recordAudit(tx, {
        actorUserId: actor.userId,
        organizationId: null,
        entity: 'meeting',
        entityId: m.id,
        action: 'refill',
        changes: { replacedBy: newId, requestId },
      });
      return newId;
    });
    return (await repo.findMeeting(ctx.sql, id))!;
  } catch (err) {
    return explainPlacementError(err);
  }
}

async function chooseRequest(
  ctx: { sql: Db; now: Date },
  event: EventRow,
  presentId: string,
  pick: { requestId?: string | undefined; participantId?: string | undefined },
  by: string,
): Promise<string> {
  if (pick.requestId) {
    const r = isUuid(pick.requestId) ? await findRequest(ctx.sql, pick.requestId, ctx.now) : null;
    if (
      !r ||
      r.eventId !== event.id ||
      (r.fromParticipantId !== presentId && r.toParticipantId !== presentId)
    )
      throw new Invalid({ request_id: 'v.choice' });
    if (r.status !== 'accepted') throw new Conflict('events.conflict.request_not_accepted');
    return r.id;
  }
  const walkIns = await listWalkIns(ctx.sql, event.id);
  const w = walkIns.find((x) => x.id === pick.participantId);
  if (!w || w.id === presentId) throw new Invalid({ participant_id: 'v.choice' });
  return floorRequest(ctx, event.id, presentId, w.id, by);
}
