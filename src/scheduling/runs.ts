import type { Db, Tx } from '../db/client.js';
import { isUuid } from '../db/ids.js';
import { Conflict, NotFound } from '../errors.js';
import { type Actor, requireEvent, requireStaff } from '../events/access.js';
import { listSlots, lockEvent, markPublished } from '../events/repo.js';
import { scheduleEventSurveys } from '../outcomes/reminders.js';
import { explainPlacementError } from './conflicts.js';
import { buildEventInstance } from './instance-builder.js';
import { enqueueScheduleNotice } from './notify.js';
import type { ChangeContext } from './placement.js';
import * as repo from './repo.js';
import { InvalidInstanceError, parseInstance, solve, validateSolution } from './solver/index.js';

/** Bounded well below a request timeout; the solver normally stops on iteration limits much earlier. */
const SOLVE_BUDGET_MS = 8_000;

/**
 * Runs the solver on the event as it is now and stores the result as a draft run, without
 * touching the live schedule: the facilitator previews the difference first. Locked meetings are
 * passed to the solver as locks and stay put. Locks that contradict each other or a participant's
 * unavailability make the instance invalid: a 409 listing the problems.
 */
export async function runSchedule(ctx: ChangeContext, actor: Actor, eventId: string): Promise<repo.RunRow> {
  requireStaff(actor);
  const event = await requireEvent(ctx.sql, eventId);
  const { instance, hash } = await buildEventInstance(ctx.sql, event.id);
  let parsed: ReturnType<typeof parseInstance>;
  try {
    parsed = parseInstance(instance);
  } catch (err) {
    if (err instanceof InvalidInstanceError)
      throw new Conflict('events.conflict.locks_invalid', { locks: err.issues.join('; ') });
    throw err;
  }
  const solution = solve(parsed, { timeBudgetMs: SOLVE_BUDGET_MS });
  const violations = validateSolution(parsed, solution);
  if (violations.length) throw new Error(`solver produced an invalid schedule: ${violations.join('; ')}`);
  const id = await repo.insertRun(ctx.sql, {
    eventId: event.id,
    instanceHash: hash,
    solution: { meetings: solution.meetings, unscheduled: solution.unscheduled },
    objective: solution.objective,
    scheduled: solution.meetings.length,
    unscheduled: solution.unscheduled.length,
    createdBy: actor.userId,
  });
  return (await repo.findRun(ctx.sql, event.id, id))!;
}

export interface RunDiff {
  added: { requestId: string; slotId: string; tableId: string }[];
  moved: { meeting: repo.MeetingRow; slotId: string; tableId: string }[];
  removed: repo.MeetingRow[];
  unchanged: repo.MeetingRow[];
}

/** What publishing the run would change in the live schedule, meeting by meeting. */
export function diffRun(run: repo.RunRow, live: repo.MeetingRow[]): RunDiff {
  const byRequest = new Map(live.map((m) => [m.requestId, m]));
  const planned = new Set(run.solution.meetings.map((m) => m.request));
  const diff: RunDiff = { added: [], moved: [], removed: [], unchanged: [] };
  for (const p of run.solution.meetings) {
    const m = byRequest.get(p.request);
    if (!m) diff.added.push({ requestId: p.request, slotId: p.slot, tableId: p.table });
    else if (m.slotId === p.slot && m.tableId === p.table) diff.unchanged.push(m);
    else diff.moved.push({ meeting: m, slotId: p.slot, tableId: p.table });
  }
  for (const m of live) if (!planned.has(m.requestId)) diff.removed.push(m);
  return diff;
}

/** A run with its diff against the live schedule, for the preview page. */
export async function previewRun(db: Db, actor: Actor, eventId: string, runId: string | undefined) {
  requireStaff(actor);
  const run = isUuid(runId) ? await repo.findRun(db, eventId, runId) : null;
  if (!run) throw new NotFound();
  const live = await repo.listEventMeetings(db, eventId);
  const { hash } = await buildEventInstance(db, eventId);
  return { run, diff: diffRun(run, live), stale: hash !== run.instanceHash };
}

/**
 * Makes a draft run the live schedule in one transaction: new meetings are inserted (or cancelled
 * ones revived), moved ones updated with a higher SEQUENCE, dropped ones cancelled. The event row
 * is locked so two publishes cannot interleave, and the run must have been computed from exactly
 * the current input (else 409: run it again). Everyone whose agenda changed is notified; on the
 * first publish that is everyone with a meeting.
 */
export async function publishRun(
  ctx: ChangeContext,
  actor: Actor,
  eventId: string,
  runId: string | undefined,
): Promise<RunDiff> {
  requireStaff(actor);
  const event = await requireEvent(ctx.sql, eventId);
  try {
    return await ctx.sql.begin(async (tx) => {
      await lockEvent(tx, event.id);
      const run = isUuid(runId) ? await repo.findRun(tx, event.id, runId) : null;
      if (!run) throw new NotFound();
      if (run.status !== 'draft') throw new Conflict('events.conflict.run_not_draft');
      const { hash } = await buildEventInstance(tx, event.id);
      if (hash !== run.instanceHash) throw new Conflict('events.conflict.run_stale');
      const live = await repo.listEventMeetings(tx, event.id, { cancelled: true });
      const diff = diffRun(
        run,
        live.filter((m) => m.status === 'scheduled'),
      );
      const touched = await applyDiff(tx, ctx, actor, event, diff, live);
      await repo.markRunPublished(tx, event.id, run.id, ctx.now);
      const first = !event.publishedAt;
      await markPublished(tx, event.id, ctx.now);
      const everyone = first ? diff.unchanged : [];
      await enqueueScheduleNotice(tx, ctx.jobs, {
        eventId: event.id,
        participantIds: [...touched, ...everyone.flatMap((m) => [m.aId, m.bId])],
        reason: 'published',
        origin: ctx.origin,
      });
      // Surveys at +3 and +6 months are due for every published event, reported on or not.
      if (first) {
        await scheduleEventSurveys(
          tx,
          ctx.jobs,
          { id: event.id, endsAt: event.endsAt, timezone: event.timezone },
          ctx.now,
          ctx.origin,
        );
      }
      return diff;
    });
  } catch (err) {
    return explainPlacementError(err);
  }
}

async function applyDiff(
  tx: Tx,
  ctx: ChangeContext,
  actor: Actor,
  event: { id: string; timezone: string },
  diff: RunDiff,
  all: repo.MeetingRow[],
): Promise<string[]> {
  const slots = new Map((await listSlots(tx, event.id)).map((s) => [s.id, s]));
  const cancelled = new Map(all.filter((m) => m.status === 'cancelled').map((m) => [m.requestId, m]));
  const at = (slotId: string) => slots.get(slotId)!;
  await repo.deferPlacementChecks(tx);
  await repo.cancelMeetings(
    tx,
    diff.removed.map((m) => m.id),
    ctx.now,
  );
  const moves: repo.MoveRow[] = diff.moved.map((m) => ({
    id: m.meeting.id,
    slotId: m.slotId,
    tableId: m.tableId,
    startsAt: at(m.slotId).startsAt,
    endsAt: at(m.slotId).endsAt,
  }));
  const inserts = [];
  for (const a of diff.added) {
    const place = {
      slotId: a.slotId,
      tableId: a.tableId,
      startsAt: at(a.slotId).startsAt,
      endsAt: at(a.slotId).endsAt,
    };
    const revived = cancelled.get(a.requestId);
    if (revived) moves.push({ id: revived.id, ...place });
    else
      inserts.push({
        ...place,
        eventId: event.id,
        requestId: a.requestId,
        timezone: event.timezone,
        createdBy: actor.userId,
      });
  }
  await repo.moveMeetings(tx, moves, ctx.now);
  await repo.insertMeetings(tx, inserts);
  const requestSides = await repo.listRequestSides(
    tx,
    diff.added.map((a) => a.requestId),
  );
  return [
    ...diff.removed.flatMap((m) => [m.aId, m.bId]),
    ...diff.moved.flatMap((m) => [m.meeting.aId, m.meeting.bId]),
    ...requestSides,
  ];
}

/** Runs in the API's snake_case shape. */
export function runToJson(run: repo.RunRow | Omit<repo.RunRow, 'solution'>) {
  return {
    id: run.id,
    status: run.status,
    scheduled: run.scheduled,
    unscheduled: run.unscheduled,
    objective: run.objective,
    ...('solution' in run ? { unscheduled_request_ids: run.solution.unscheduled } : {}),
    created_at: run.createdAt.toISOString(),
    published_at: run.publishedAt ? run.publishedAt.toISOString() : null,
  };
}
