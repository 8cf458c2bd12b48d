import { recordAudit } from '../audit/service.js';
import type { Db, Sql } from '../db/client.js';
import { Conflict, NotFound } from '../errors.js';
import { requireMeetingAccess } from '../outcomes/access.js';
import { listFilterOptions } from '../reports/lookups-repo.js';
import type { Actor } from '../suppliers/access.js';
import * as repo from './repo.js';
import { isOverdue, type Stage } from './stages.js';

/** A card on the board, with its overdue flag worked out against the clock. */
export interface BoardCard extends repo.BoardRow {
  overdue: boolean;
}

/** The board of an event or an office: every card, flagged overdue when it has not moved for too long. */
export async function loadBoard(db: Db, scope: { eventId?: string; officeId?: string }, now: Date) {
  if (!scope.eventId && !scope.officeId) return null;
  const name = await repo.findScopeName(db, scope);
  if (!name) throw new NotFound();
  const rows = await repo.listBoard(db, scope);
  const cards: BoardCard[] = rows.map((r) => ({
    ...r,
    overdue: isOverdue(r.stage ?? 'new', r.stageAt ?? r.endsAt, now),
  }));
  return { name, cards, limited: rows.length >= repo.BOARD_LIMIT };
}

/** One meeting's item and its history, for a party or a facilitator. */
export async function loadItem(db: Db, actor: Actor, meetingId: string | undefined, now: Date) {
  const access = await requireMeetingAccess(db, actor, meetingId);
  const [item, moves] = await Promise.all([
    repo.findItem(db, access.meeting.id),
    repo.listMoves(db, access.meeting.id),
  ]);
  const overdue = isOverdue(item?.stage ?? 'new', item?.stageAt ?? access.meeting.endsAt, now);
  return { meeting: access.meeting, item, moves, overdue };
}

/**
 * Puts a meeting's item in a stage without a revision check: for a survey answer, which states
 * where things stand. Audited by its caller. No-op when the item is already there.
 */
export async function recordMove(
  tx: Db,
  m: { meetingId: string; stage: Stage; userId: string | null; side: string; now: Date },
): Promise<void> {
  await repo.lockMeeting(tx, m.meetingId);
  const before = await repo.findItem(tx, m.meetingId, true);
  if (before?.stage === m.stage) return;
  await repo.saveItem(tx, m);
  await repo.insertMove(tx, { ...m, from: before?.stage ?? null, to: m.stage });
}

/**
 * Moves a meeting's follow-up. Both parties move their own meeting's item (the buyer's and the
 * supplier's members), facilitators any; anyone else gets NotFound. Under a per-meeting lock the
 * revision the mover saw must still be current, else 409: two people moving one card at once
 * cannot both win. Every move is audited; moving to the current stage changes nothing.
 */
export async function moveItem(
  sql: Sql,
  actor: Actor,
  meetingId: string | undefined,
  move: { stage: Stage; revision: number },
  now: Date,
): Promise<void> {
  const access = await requireMeetingAccess(sql, actor, meetingId);
  const id = access.meeting.id;
  await sql.begin(async (tx) => {
    await repo.lockMeeting(tx, id);
    const before = await repo.findItem(tx, id, true);
    if ((before?.revision ?? 0) !== move.revision) throw new Conflict('impact.pipeline.stale');
    if (before?.stage === move.stage) return;
    await repo.saveItem(tx, { meetingId: id, stage: move.stage, userId: actor.userId, now });
    await repo.insertMove(tx, {
      meetingId: id,
      from: before?.stage ?? null,
      to: move.stage,
      userId: actor.userId,
      side: access.role,
      now,
    });
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organizationId:
        access.role === 'buyer'
          ? access.meeting.buyerOrgId
          : access.role === 'supplier'
            ? access.meeting.supplierOrgId
            : null,
      entity: 'followup',
      entityId: id,
      action: 'move',
      changes: { stage: [before?.stage ?? null, move.stage] },
    });
  });
}

/** The board picker's choices: offices and events. */
export async function loadPicker(db: Db) {
  const options = await listFilterOptions(db, undefined);
  return { events: options.events, offices: options.offices };
}
