import type { Db } from '../db/client.js';

/** A participant's check-in credential: what the badge QR carries and the code to type. */
export interface Credentials {
  participantId: string;
  eventId: string;
  token: string;
  code: string;
}

export type CheckInMethod = 'qr' | 'code' | 'table';

/** The participant behind a typed code, at this event only. */
export async function findByCode(db: Db, eventId: string, code: string): Promise<Credentials | null> {
  const [row]: [Credentials?] = await db`
    select id as participant_id, event_id, checkin_token as token, checkin_code as code
    from event_participants where event_id = ${eventId} and checkin_code = ${code} and status = 'approved'`;
  return row ?? null;
}

/** The participant behind a QR token, at this event only. */
export async function findByToken(db: Db, eventId: string, token: string): Promise<Credentials | null> {
  const [row]: [Credentials?] = await db`
    select id as participant_id, event_id, checkin_token as token, checkin_code as code
    from event_participants where event_id = ${eventId} and checkin_token = ${token} and status = 'approved'`;
  return row ?? null;
}

/** Credentials of some participants of an event (one badge each). */
export function listCredentials(db: Db, eventId: string, participantIds?: string[]): Promise<Credentials[]> {
  return db<Credentials[]>`
    select id as participant_id, event_id, checkin_token as token, checkin_code as code
    from event_participants
    where event_id = ${eventId}
      ${participantIds ? db`and id = any(${participantIds}::uuid[])` : db`and status = 'approved'`}`;
}

/** A lost badge: new token and code; the old QR and code stop working at once. */
export async function replaceCredentials(db: Db, participantId: string): Promise<void> {
  await db`
    update event_participants set checkin_token = new_checkin_token(), checkin_code = new_checkin_code(event_id)
    where id = ${participantId}`;
}

/** Records one side's check-in; a repeat tap changes nothing (false). */
export async function insertMeetingCheckIn(
  db: Db,
  c: { meetingId: string; participantId: string; method: CheckInMethod; by: string; now: Date },
): Promise<boolean> {
  const rows = await db`
    insert into meeting_checkins (meeting_id, participant_id, method, checked_in_at, checked_in_by)
    values (${c.meetingId}, ${c.participantId}, ${c.method}, ${c.now}, ${c.by})
    on conflict do nothing returning meeting_id`;
  return rows.length > 0;
}

/** Who of a meeting's sides has been checked in. */
export async function listCheckedInSides(db: Db, meetingId: string): Promise<string[]> {
  const rows = await db<{ participantId: string }[]>`
    select participant_id from meeting_checkins where meeting_id = ${meetingId}`;
  return rows.map((r) => r.participantId);
}

/** The first arrival of the day is the participant's arrival; later taps keep it. */
export async function markArrived(db: Db, participantId: string, by: string, now: Date): Promise<void> {
  await db`
    update event_participants set checked_in_at = ${now}, checked_in_by = ${by}
    where id = ${participantId} and checked_in_at is null`;
}

/** Who checked a participant in and when, per meeting (for the confirmation page and tests). */
export interface CheckInRow {
  meetingId: string;
  participantId: string;
  method: CheckInMethod;
  checkedInAt: Date;
  checkedInBy: string | null;
  byName: string | null;
}

export function listCheckInsOfParticipant(db: Db, participantId: string): Promise<CheckInRow[]> {
  return db<CheckInRow[]>`
    select c.meeting_id, c.participant_id, c.method, c.checked_in_at, c.checked_in_by, u.name as by_name
    from meeting_checkins c left join users u on u.id = c.checked_in_by
    where c.participant_id = ${participantId} order by c.checked_in_at`;
}
