import type { Db } from '../db/client.js';

export type Attendance = 'held' | 'no_show_a' | 'no_show_b' | 'no_show_both';

/** An event meeting with both sides ("a" asked, "b" was asked) and where it sits. */
export interface MeetingRow {
  id: string;
  eventId: string;
  requestId: string;
  slotId: string | null;
  tableId: string | null;
  tableName: string | null;
  status: 'scheduled' | 'cancelled';
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  locked: boolean;
  sequence: number;
  attendance: Attendance | null;
  updatedAt: Date;
  priority: number;
  message: string;
  aId: string;
  aName: string;
  aOrgId: string;
  aOrgName: string;
  bId: string;
  bName: string;
  bOrgId: string;
  bOrgName: string;
}

const meetingSelect = (db: Db) => db`
  select m.id, m.event_id, m.request_id, m.slot_id, m.table_id, t.name as table_name, m.status, m.starts_at,
    m.ends_at, m.timezone, m.locked, m.sequence, m.attendance, m.updated_at, r.priority, r.message,
    pa.id as a_id, pa.name as a_name, oa.id as a_org_id, oa.name as a_org_name,
    pb.id as b_id, pb.name as b_name, ob.id as b_org_id, ob.name as b_org_name
  from meetings m
  join meeting_requests r on r.id = m.request_id
  join event_participants pa on pa.id = r.from_participant_id
  join organizations oa on oa.id = pa.organization_id
  join event_participants pb on pb.id = r.to_participant_id
  join organizations ob on ob.id = pb.organization_id
  left join event_tables t on t.id = m.table_id`;

/** Meetings of an event in time and table order; scheduled only unless asked for cancelled ones too. */
export function listEventMeetings(
  db: Db,
  eventId: string,
  opts: { cancelled?: boolean; participantIds?: string[] } = {},
): Promise<MeetingRow[]> {
  return db<MeetingRow[]>`
    ${meetingSelect(db)}
    where m.event_id = ${eventId} and m.kind = 'event'
      ${opts.cancelled ? db`` : db`and m.status = 'scheduled'`}
      ${opts.participantIds ? db`and (pa.id = any(${opts.participantIds}::uuid[]) or pb.id = any(${opts.participantIds}::uuid[]))` : db``}
    order by m.starts_at, t.position nulls last, m.id`;
}

/** One event meeting with both sides, scheduled or cancelled. */
export async function findMeeting(db: Db, id: string): Promise<MeetingRow | null> {
  const [row]: [MeetingRow?] = await db`${meetingSelect(db)} where m.id = ${id} and m.kind = 'event'`;
  return row ?? null;
}

/** Row lock so concurrent edits of the same meeting apply one after the other. */
export async function lockMeeting(db: Db, id: string): Promise<void> {
  await db`select id from meetings where id = ${id} for update`;
}

export interface StoredMeeting {
  id: string;
  status: 'scheduled' | 'cancelled';
  slotId: string | null;
  tableId: string | null;
  locked: boolean;
}

/** The (single) meeting row of a request, locked: placing revives it rather than adding a second row. */
export async function findMeetingOfRequest(db: Db, requestId: string): Promise<StoredMeeting | null> {
  const [row]: [StoredMeeting?] = await db`
    select id, status, slot_id, table_id, locked from meetings where request_id = ${requestId} for update`;
  return row ?? null;
}

export interface Placement {
  slotId: string;
  tableId: string;
  startsAt: Date;
  endsAt: Date;
}

/** A new scheduled meeting; the trigger adds its attendee rows, which may fail with 23505. */
export async function insertMeeting(
  db: Db,
  m: Placement & { eventId: string; requestId: string; timezone: string; locked: boolean; createdBy: string },
): Promise<string> {
  const [row] = await db<{ id: string }[]>`
    insert into meetings (kind, event_id, request_id, slot_id, table_id, status, starts_at, ends_at, timezone, locked, created_by)
    values ('event', ${m.eventId}, ${m.requestId}, ${m.slotId}, ${m.tableId}, 'scheduled', ${m.startsAt},
      ${m.endsAt}, ${m.timezone}, ${m.locked}, ${m.createdBy})
    returning id`;
  return row!.id;
}

/** Puts a meeting (new position, or back from cancelled) in place; every change bumps SEQUENCE. */
export async function placeExisting(
  db: Db,
  id: string,
  p: Placement & { locked?: boolean },
  now: Date,
): Promise<void> {
  await db`
    update meetings set status = 'scheduled', slot_id = ${p.slotId}, table_id = ${p.tableId},
      starts_at = ${p.startsAt}, ends_at = ${p.endsAt}, sequence = sequence + 1, updated_at = ${now}
      ${p.locked === undefined ? db`` : db`, locked = ${p.locked}`}
    where id = ${id}`;
}

/** Lock state does not change the time, so it does not bump SEQUENCE. */
export async function setLocked(db: Db, id: string, locked: boolean, now: Date): Promise<void> {
  await db`update meetings set locked = ${locked}, updated_at = ${now} where id = ${id}`;
}

/** Keeps the row (and its last times) so calendars receive STATUS:CANCELLED under the same UID. */
export async function cancelMeetings(db: Db, ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db`
    update meetings set status = 'cancelled', slot_id = null, table_id = null, locked = false,
      attendance = null, sequence = sequence + 1, updated_at = ${now}
    where id = any(${ids}::uuid[]) and status = 'scheduled'`;
}

/** Check-in outcome with who recorded it and when (the outcomes capability reads these). */
export async function setAttendance(
  db: Db,
  id: string,
  attendance: Attendance | null,
  by: string,
  now: Date,
): Promise<void> {
  await db`
    update meetings set attendance = ${attendance}, attendance_at = ${now}, attendance_by = ${by}, updated_at = ${now}
    where id = ${id}`;
}

export interface SchedulableRequest {
  id: string;
  fromId: string;
  toId: string;
  priority: number;
}

/** Accepted requests between approved participants: what the scheduler may place. */
export function listSchedulableRequests(db: Db, eventId: string): Promise<SchedulableRequest[]> {
  return db<SchedulableRequest[]>`
    select r.id, r.from_participant_id as from_id, r.to_participant_id as to_id, r.priority
    from meeting_requests r
    join event_participants pa on pa.id = r.from_participant_id and pa.status = 'approved'
    join event_participants pb on pb.id = r.to_participant_id and pb.status = 'approved'
    where r.event_id = ${eventId} and r.status = 'accepted'
    order by r.id`;
}

/** The participants the solver sees, in id order. */
export function listApprovedParticipantIds(db: Db, eventId: string): Promise<{ id: string }[]> {
  return db<{ id: string }[]>`
    select id from event_participants where event_id = ${eventId} and status = 'approved' order by id`;
}

export interface BlockedSlot {
  participantId: string;
  slotId: string;
  /** 'marked': the participant said so; 'busy': their login has another meeting at that time. */
  reason: 'marked' | 'busy';
}

/**
 * Slots a participant cannot meet in: the ones they marked, plus those overlapping meetings of the
 * same person elsewhere (ad-hoc meetings or another event), which the database would refuse anyway.
 */
export function listBlockedSlots(db: Db, eventId: string): Promise<BlockedSlot[]> {
  return db<BlockedSlot[]>`
    select participant_id, slot_id, 'marked'::text as reason from event_unavailability where event_id = ${eventId}
    union all
    select distinct p.id, s.id, 'busy' from event_participants p
    join meeting_attendees a on a.user_id = p.user_id and a.event_id is distinct from p.event_id
    join event_slots s on s.event_id = p.event_id
      and tstzrange(s.starts_at, s.ends_at) && tstzrange(a.starts_at, a.ends_at)
    where p.event_id = ${eventId} and p.user_id is not null`;
}

export interface RunRow {
  id: string;
  eventId: string;
  status: 'draft' | 'published' | 'superseded';
  instanceHash: string;
  solution: { meetings: { request: string; slot: string; table: string }[]; unscheduled: string[] };
  objective: number;
  scheduled: number;
  unscheduled: number;
  createdAt: Date;
  publishedAt: Date | null;
}

/** Stores a solver result as a draft, with the fingerprint of its input. */
export async function insertRun(
  db: Db,
  r: Omit<RunRow, 'id' | 'status' | 'createdAt' | 'publishedAt'> & { createdBy: string },
): Promise<string> {
  const [row] = await db<{ id: string }[]>`
    insert into schedule_runs (event_id, instance_hash, solution, objective, scheduled, unscheduled, created_by)
    values (${r.eventId}, ${r.instanceHash}, ${db.json(r.solution as never)}, ${r.objective}, ${r.scheduled},
      ${r.unscheduled}, ${r.createdBy})
    returning id`;
  return row!.id;
}

/** A run of this event (never another event's). */
export async function findRun(db: Db, eventId: string, id: string): Promise<RunRow | null> {
  const [row]: [RunRow?] = await db`
    select id, event_id, status, instance_hash, solution, objective, scheduled, unscheduled, created_at, published_at
    from schedule_runs where event_id = ${eventId} and id = ${id}`;
  return row ?? null;
}

/** Recent runs, newest first, without their (large) solutions. */
export function listRuns(db: Db, eventId: string): Promise<Omit<RunRow, 'solution'>[]> {
  return db<Omit<RunRow, 'solution'>[]>`
    select id, event_id, status, instance_hash, objective, scheduled, unscheduled, created_at, published_at
    from schedule_runs where event_id = ${eventId} order by created_at desc limit 20`;
}

/** The published run becomes the reference; other drafts are superseded (their input is now stale). */
export async function markRunPublished(db: Db, eventId: string, id: string, now: Date): Promise<void> {
  await db`update schedule_runs set status = 'superseded' where event_id = ${eventId} and status = 'draft' and id <> ${id}`;
  await db`update schedule_runs set status = 'published', published_at = ${now} where id = ${id}`;
}

export interface MoveRow {
  id: string;
  slotId: string;
  tableId: string;
  startsAt: Date;
  endsAt: Date;
}

/** Moves many meetings in one statement (publishing a run); each moved row's SEQUENCE goes up. */
export async function moveMeetings(db: Db, moves: MoveRow[], now: Date): Promise<void> {
  if (moves.length === 0) return;
  const values = moves.map((m) => [
    m.id,
    m.slotId,
    m.tableId,
    m.startsAt.toISOString(),
    m.endsAt.toISOString(),
  ]);
  await db`
    update meetings m set status = 'scheduled', slot_id = v.slot_id::uuid, table_id = v.table_id::uuid,
      starts_at = v.starts_at::timestamptz, ends_at = v.ends_at::timestamptz,
      sequence = m.sequence + 1, updated_at = ${now}
    from (values ${db(values as never)}) as v (id, slot_id, table_id, starts_at, ends_at)
    where m.id = v.id::uuid`;
}

/** Bulk insert for publishing; each row passes through the attendee trigger. */
export async function insertMeetings(
  db: Db,
  rows: (Omit<MoveRow, 'id'> & { eventId: string; requestId: string; timezone: string; createdBy: string })[],
): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map((r) => ({
    kind: 'event',
    eventId: r.eventId,
    requestId: r.requestId,
    slotId: r.slotId,
    tableId: r.tableId,
    status: 'scheduled',
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    timezone: r.timezone,
    createdBy: r.createdBy,
  }));
  await db`insert into meetings ${db(values)}`;
}

/** Defers the double-booking checks to commit, so meetings can trade places inside one transaction. */
export async function deferPlacementChecks(db: Db): Promise<void> {
  await db`set constraints meetings_table_slot_key, meeting_attendees_slot_key, meeting_attendees_no_overlap deferred`;
}

/** Which of these participants marked the slot unavailable. */
export async function listMarkedUnavailable(
  db: Db,
  slotId: string,
  participantIds: string[],
): Promise<string[]> {
  const rows = await db<{ participantId: string }[]>`
    select participant_id from event_unavailability
    where slot_id = ${slotId} and participant_id = any(${participantIds}::uuid[])`;
  return rows.map((r) => r.participantId);
}

/** Both sides of each request, flattened (who to notify about new meetings). */
export async function listRequestSides(db: Db, requestIds: string[]): Promise<string[]> {
  if (requestIds.length === 0) return [];
  const rows = await db<{ fromParticipantId: string; toParticipantId: string }[]>`
    select from_participant_id, to_participant_id from meeting_requests where id = any(${requestIds}::uuid[])`;
  return rows.flatMap((r) => [r.fromParticipantId, r.toParticipantId]);
}

/** Accepted requests between approved participants that have no scheduled meeting (the grid's side list). */
export function listUnscheduledRequests(
  db: Db,
  eventId: string,
): Promise<(SchedulableRequest & { fromName: string; toName: string })[]> {
  return db<(SchedulableRequest & { fromName: string; toName: string })[]>`
    select r.id, r.from_participant_id as from_id, r.to_participant_id as to_id, r.priority,
      pa.name || ' (' || oa.name || ')' as from_name, pb.name || ' (' || ob.name || ')' as to_name
    from meeting_requests r
    join event_participants pa on pa.id = r.from_participant_id and pa.status = 'approved'
    join organizations oa on oa.id = pa.organization_id
    join event_participants pb on pb.id = r.to_participant_id and pb.status = 'approved'
    join organizations ob on ob.id = pb.organization_id
    where r.event_id = ${eventId} and r.status = 'accepted'
      and not exists (select 1 from meetings m where m.request_id = r.id and m.status = 'scheduled')
    order by r.priority desc, from_name, to_name`;
}
