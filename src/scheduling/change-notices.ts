import type { Db, Sql } from '../db/client.js';
import { findParticipant, listRecipientsOf } from '../events/participants-repo.js';
import { findEvent } from '../events/repo.js';
import { formatDateTime } from '../i18n/format.js';
import { type T, translator } from '../i18n/index.js';
import type { Jobs } from '../jobs/queue.js';
import type { Logger } from '../logger.js';
import { notify } from '../notifications/service.js';
import { agendaIcs, loadAgenda, tableLabel } from './agenda.js';
import * as repo from './notice-repo.js';
import type { MeetingRow } from './repo.js';

/** A participant hears of grid edits at most once per window, and never sooner than a window after the first edit. */
export const NOTICE_WINDOW_MS = 10 * 60_000;
export const CHANGE_QUEUE = 'events.changes' as const;

/** The wake-up job; the schedule_changes table, not the job, is the truth. */
export interface ChangeNoticeJob {
  participantId: string;
  origin: string;
}

/** One meeting before and after a grid edit (null: it did not exist yet). */
export interface MeetingChange {
  before: MeetingRow | null;
  after: MeetingRow | null;
}

function kindOf({ before, after }: MeetingChange): repo.ChangeKind | null {
  const was = before?.status === 'scheduled';
  const is = after?.status === 'scheduled';
  if (!was && is) return 'added';
  if (was && !is) return 'cancelled';
  if (was && is && (before!.slotId !== after!.slotId || before!.tableId !== after!.tableId)) return 'moved';
  return null;
}

/**
 * Stores a published schedule's edits per participant, in the edit's transaction, and wakes a
 * notice job for when the participant's window closes. A lost or early job loses nothing: the
 * next job sends whatever is due, and the rows stay until a notice carries them.
 */
export async function recordScheduleChanges(
  tx: Db,
  jobs: Jobs | null,
  changes: MeetingChange[],
  now: Date,
  origin: string,
): Promise<void> {
  const rows: repo.ChangeInput[] = [];
  for (const c of changes) {
    const kind = kindOf(c);
    const m = c.after ?? c.before;
    if (!kind || !m) continue;
    const sides = [
      { self: m.aId, other: `${m.bName} (${m.bOrgName})` },
      { self: m.bId, other: `${m.aName} (${m.aOrgName})` },
    ];
    for (const side of sides)
      rows.push({
        eventId: m.eventId,
        participantId: side.self,
        meetingId: m.id,
        kind,
        counterpart: side.other,
        oldStartsAt: kind === 'added' ? null : c.before!.startsAt,
        oldTable: kind === 'added' ? null : c.before!.tableName,
        newStartsAt: kind === 'cancelled' ? null : c.after!.startsAt,
        newTable: kind === 'cancelled' ? null : c.after!.tableName,
        changedAt: now,
      });
  }
  await repo.insertChanges(tx, rows);
  if (!jobs) return;
  for (const participantId of new Set(rows.map((r) => r.participantId))) {
    const first = (await repo.firstPendingAt(tx, participantId)) ?? now;
    await jobs.send<ChangeNoticeJob>(
      CHANGE_QUEUE,
      { participantId, origin },
      { singletonKey: `changes:${participantId}`, startAfter: new Date(first.getTime() + NOTICE_WINDOW_MS) },
      tx,
    );
  }
}

function describe(t: T, c: repo.ChangeRow, tz: string, locale: 'id' | 'en'): string {
  const at = (d: Date | null, table: string | null) =>
    d ? `${formatDateTime(d, tz, locale)}, ${tableLabel(t, table)}` : '';
  return t(`events.changes.${c.kind}`, {
    counterpart: c.counterpart,
    old: at(c.oldStartsAt, c.oldTable),
    new: at(c.newStartsAt, c.newTable),
  });
}

/** Sends one participant's summary, if its changes are due and its quiet window is over. */
async function sendOne(
  deps: { sql: Sql; jobs: Jobs },
  participantId: string,
  now: Date,
  origin: string,
): Promise<number> {
  return deps.sql.begin(async (tx) => {
    const changes = await repo.claimPendingChanges(tx, participantId);
    if (changes.length === 0) return 0;
    if (changes[0]!.changedAt.getTime() + NOTICE_WINDOW_MS > now.getTime()) return 0;
    const quiet = await repo.quietUntil(tx, participantId, now);
    if (quiet) {
      await deps.jobs.send<ChangeNoticeJob>(
        CHANGE_QUEUE,
        { participantId, origin },
        { startAfter: quiet },
        tx,
      );
      return 0;
    }
    const event = await findEvent(tx, changes[0]!.eventId);
    const participant = event && (await findParticipant(tx, event.id, participantId));
    if (!event || !participant) return 0;
    await repo.insertNotice(tx, {
      eventId: event.id,
      participantId,
      from: now,
      until: new Date(now.getTime() + NOTICE_WINDOW_MS),
      changeIds: changes.map((c) => c.id),
    });
    const entries = await loadAgenda(tx, event.id, participant.id);
    for (const recipient of await listRecipientsOf(tx, participant.id)) {
      const t = translator(recipient.locale);
      const lines = changes.map((c) => describe(t, c, event.timezone, recipient.locale));
      await notify(
        tx,
        deps.jobs,
        {
          userId: recipient.userId,
          kind: 'event.changed',
          titleKey: 'events.changes.title',
          bodyKey: 'events.changes.body',
          params: {
            event: event.name,
            name: participant.name,
            count: changes.length,
            changes: lines.join('\n'),
          },
          link: `/events/${event.id}/participants/${participant.id}/agenda`,
          email: true,
          attachments: [
            {
              filename: 'agenda.ics',
              content: agendaIcs(t, event, participant, entries, now),
              contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
            },
          ],
        },
        origin,
      );
    }
    return 1;
  });
}

/**
 * Sends every due summary: the job's own participant and anyone else whose window has closed
 * (a job lost to a crash is covered by the next one). Returns how many notices went out.
 */
export async function sendDueChangeNotices(
  deps: { sql: Sql; jobs: Jobs },
  now: Date,
  origin: string,
): Promise<number> {
  let sent = 0;
  const due = await repo.listDueParticipants(deps.sql, new Date(now.getTime() - NOTICE_WINDOW_MS));
  for (const { participantId } of due) sent += await sendOne(deps, participantId, now, origin);
  return sent;
}

/** The `events.changes` worker. */
export function changeNoticeHandler(deps: { sql: Sql; jobs: Jobs; logger: Logger; clock?: () => Date }) {
  return async (job: ChangeNoticeJob) => {
    const sent = await sendDueChangeNotices(deps, (deps.clock ?? (() => new Date()))(), job.origin);
    if (sent > 0) deps.logger.info({ notices: sent }, 'schedule change notices sent');
  };
}
