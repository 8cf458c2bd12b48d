import type { Db } from '../db/client.js';

export type ChangeKind = 'added' | 'moved' | 'cancelled';

export interface ChangeInput {
  eventId: string;
  participantId: string;
  meetingId: string;
  kind: ChangeKind;
  counterpart: string;
  oldStartsAt: Date | null;
  oldTable: string | null;
  newStartsAt: Date | null;
  newTable: string | null;
  changedAt: Date;
}

export interface ChangeRow extends ChangeInput {
  id: string;
}

/** Stores changes not yet told to their participants. */
export async function insertChanges(db: Db, rows: ChangeInput[]): Promise<void> {
  if (rows.length === 0) return;
  await db`insert into schedule_changes ${db(
    rows.map((r) => ({
      event_id: r.eventId,
      participant_id: r.participantId,
      meeting_id: r.meetingId,
      kind: r.kind,
      counterpart: r.counterpart,
      old_starts_at: r.oldStartsAt,
      old_table: r.oldTable,
      new_starts_at: r.newStartsAt,
      new_table: r.newTable,
      changed_at: r.changedAt,
    })),
  )}`;
}

/** When the participant's oldest untold change happened (null: nothing pending). */
export async function firstPendingAt(db: Db, participantId: string): Promise<Date | null> {
  const [row]: [{ first: Date | null }?] = await db`
    select min(changed_at) as first from schedule_changes
    where participant_id = ${participantId} and notice_id is null`;
  return row?.first ?? null;
}

/** Participants whose oldest untold change is at or before `dueBefore`. */
export function listDueParticipants(
  db: Db,
  dueBefore: Date,
): Promise<{ participantId: string; eventId: string }[]> {
  return db<{ participantId: string; eventId: string }[]>`
    select participant_id, event_id from schedule_changes where notice_id is null
    group by participant_id, event_id having min(changed_at) <= ${dueBefore}
    order by min(changed_at)`;
}

/** The participant's untold changes, row-locked; rows another worker holds are skipped. */
export function claimPendingChanges(db: Db, participantId: string): Promise<ChangeRow[]> {
  return db<ChangeRow[]>`
    select id, event_id, participant_id, meeting_id, kind, counterpart, old_starts_at, old_table,
      new_starts_at, new_table, changed_at
    from schedule_changes where participant_id = ${participantId} and notice_id is null
    order by changed_at, id for update skip locked`;
}

/** The end of the participant's current quiet window, if one is open at `at`. */
export async function quietUntil(db: Db, participantId: string, at: Date): Promise<Date | null> {
  const [row]: [{ until: Date }?] = await db`
    select upper(covers) as until from schedule_notices
    where participant_id = ${participantId} and covers @> ${at}::timestamptz`;
  return row?.until ?? null;
}

/**
 * Records a notice and attaches the changes it carries. The exclusion constraint refuses a
 * second notice inside the quiet window, so a duplicate send aborts the whole transaction.
 */
export async function insertNotice(
  db: Db,
  n: { eventId: string; participantId: string; from: Date; until: Date; changeIds: string[] },
): Promise<string> {
  const [row] = await db<{ id: string }[]>`
    insert into schedule_notices (event_id, participant_id, covers, change_count)
    values (${n.eventId}, ${n.participantId}, tstzrange(${n.from}, ${n.until}), ${n.changeIds.length})
    returning id`;
  await db`update schedule_changes set notice_id = ${row!.id} where id in ${db(n.changeIds)}`;
  return row!.id;
}
