import { NotFound } from '../errors.js';
import { type Actor, requireStaff } from '../events/access.js';
import * as placement from './placement.js';
import { type Attendance, findMeeting, type MeetingRow } from './repo.js';

/** A partial change of one meeting, as the API's PATCH names it. */
export interface MeetingPatch {
  slotId?: string | undefined;
  tableId?: string | undefined;
  locked?: boolean | undefined;
  attendance?: Attendance | null | undefined;
}

/**
 * Applies a PATCH to a meeting, staff only, one change at a time (each its own transaction).
 * Only a change of slot or table is a move: it bumps the .ics SEQUENCE and notifies people.
 */
export async function patchMeeting(
  ctx: placement.ChangeContext,
  actor: Actor,
  id: string | undefined,
  patch: MeetingPatch,
): Promise<MeetingRow> {
  requireStaff(actor);
  const eventId = await placement.eventOfMeeting(ctx.sql, id);
  if (patch.slotId || patch.tableId) {
    await placement.moveMeeting(ctx, actor, eventId, id, {
      ...(patch.slotId ? { slotId: patch.slotId } : {}),
      ...(patch.tableId ? { tableId: patch.tableId } : {}),
    });
  }
  if (patch.locked !== undefined) await placement.setMeetingLocked(ctx, actor, eventId, id, patch.locked);
  if (patch.attendance !== undefined)
    await placement.recordAttendance(ctx, actor, eventId, id, patch.attendance);
  const m = await findMeeting(ctx.sql, id!);
  if (!m) throw new NotFound();
  return m;
}
