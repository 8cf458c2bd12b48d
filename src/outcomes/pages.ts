import type { z } from 'zod';
import type { Db } from '../db/client.js';
import { findItem } from '../pipeline/repo.js';
import { type Actor, isFacilitator } from '../suppliers/access.js';
import { HISTORY_PAGE_SIZE } from './history.js';
import { listEventProgress, listMeetingsForStaff, listMeetingsOfUser } from './list-repo.js';
import type { OutcomeListQuery } from './schema.js';
import { loadOutcome } from './service.js';

/**
 * The outcomes list: a participant sees their own meetings; staff see per-event progress and,
 * once they pick an event or the reconciliation queue, its meetings (all of them would be too many).
 */
export async function loadOutcomeList(
  db: Db,
  actor: Actor,
  filter: z.infer<typeof OutcomeListQuery>,
  now: Date,
) {
  const staff = isFacilitator(actor);
  const [rows, events] = await Promise.all([
    staff
      ? filter.event || filter.queue
        ? listMeetingsForStaff(db, now, { eventId: filter.event, queue: !!filter.queue })
        : Promise.resolve([])
      : listMeetingsOfUser(db, actor.userId, now, { eventId: filter.event }),
    staff ? listEventProgress(db, now) : Promise.resolve([]),
  ]);
  return { staff, rows, events, filter };
}

/** Why the form is (not) open: only a scheduled meeting that has begun can be reported. */
export type Reportable = 'ok' | 'not_scheduled' | 'not_yet';

/** One meeting's outcome page (one page of its history) and whether it can be reported now. */
export async function loadOutcomePage(
  db: Db,
  actor: Actor,
  meetingId: string | undefined,
  page: number,
  now: Date,
) {
  const view = await loadOutcome(db, actor, meetingId, { page, perPage: HISTORY_PAGE_SIZE });
  const reportable: Reportable =
    view.meeting.status !== 'scheduled' ? 'not_scheduled' : view.meeting.startsAt > now ? 'not_yet' : 'ok';
  // The follow-up pipeline's item, so either party can move it from here (a held meeting only).
  const item = reportable === 'ok' ? await findItem(db, view.meeting.id) : null;
  const pipeline = reportable === 'ok' ? { stage: item?.stage ?? null, revision: item?.revision ?? 0 } : null;
  return { view, reportable, pipeline };
}
