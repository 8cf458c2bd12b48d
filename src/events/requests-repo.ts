import type { Db } from '../db/client.js';

export type StoredRequestStatus = 'pending' | 'accepted' | 'declined';
export type RequestStatus = StoredRequestStatus | 'expired';

export interface RequestRow {
  id: string;
  eventId: string;
  fromParticipantId: string;
  toParticipantId: string;
  priority: number;
  message: string;
  /** Effective status: a pending request past the event's deadline reads as 'expired'. */
  status: RequestStatus;
  mutual: boolean;
  createdAt: Date;
  respondedAt: Date | null;
  fromName: string;
  fromOrgName: string;
  fromOrgId: string;
  toName: string;
  toOrgName: string;
  toOrgId: string;
}

const requestSelect = (db: Db, now: Date) => db`
  select r.id, r.event_id, r.from_participant_id, r.to_participant_id, r.priority, r.message, r.mutual,
    r.created_at, r.responded_at,
    case when r.status = 'pending' and e.request_deadline is not null and e.request_deadline <= ${now}
      then 'expired' else r.status end as status,
    pf.name as from_name, ofr.name as from_org_name, ofr.id as from_org_id,
    pt.name as to_name, oto.name as to_org_name, oto.id as to_org_id
  from meeting_requests r
  join events e on e.id = r.event_id
  join event_participants pf on pf.id = r.from_participant_id
  join organizations ofr on ofr.id = pf.organization_id
  join event_participants pt on pt.id = r.to_participant_id
  join organizations oto on oto.id = pt.organization_id`;

/** One request with both sides' names and its effective status at `now`. */
export async function findRequest(db: Db, id: string, now: Date): Promise<RequestRow | null> {
  const [row]: [RequestRow?] = await db`${requestSelect(db, now)} where r.id = ${id}`;
  return row ?? null;
}

/** Incoming and outgoing requests of one participant, newest first. */
export function listRequestsOfParticipant(db: Db, participantId: string, now: Date): Promise<RequestRow[]> {
  return db<RequestRow[]>`
    ${requestSelect(db, now)}
    where r.from_participant_id = ${participantId} or r.to_participant_id = ${participantId}
    order by r.created_at desc`;
}

/** Every request of an event, optionally by effective status (expired included). */
export function listRequestsOfEvent(
  db: Db,
  eventId: string,
  now: Date,
  status: RequestStatus | '' = '',
): Promise<RequestRow[]> {
  return db<RequestRow[]>`
    select * from (${requestSelect(db, now)} where r.event_id = ${eventId}) x
    ${status ? db`where x.status = ${status}` : db``}
    order by x.created_at desc
    limit 5000`;
}

/** Serialises one participant's request-making (quota) without blocking foreign-key checks. */
export async function lockParticipant(db: Db, participantId: string): Promise<void> {
  await db`select id from event_participants where id = ${participantId} for no key update`;
}

export interface StoredRequest {
  id: string;
  fromParticipantId: string;
  toParticipantId: string;
  status: StoredRequestStatus;
  priority: number;
}

/** The request between two participants in either direction, locked for the merge decision. */
export async function findPairForUpdate(
  db: Db,
  eventId: string,
  a: string,
  b: string,
): Promise<StoredRequest | null> {
  const [row]: [StoredRequest?] = await db`
    select id, from_participant_id, to_participant_id, status, priority from meeting_requests
    where event_id = ${eventId}
      and least(from_participant_id, to_participant_id) = least(${a}::uuid, ${b}::uuid)
      and greatest(from_participant_id, to_participant_id) = greatest(${a}::uuid, ${b}::uuid)
    for update`;
  return row ?? null;
}

/** Locks a request while it is answered, so two answers cannot interleave. */
export async function findRequestForUpdate(db: Db, id: string): Promise<StoredRequest | null> {
  const [row]: [StoredRequest?] = await db`
    select id, from_participant_id, to_participant_id, status, priority from meeting_requests
    where id = ${id} for update`;
  return row ?? null;
}

/** Outgoing requests that still count against the quota: pending (not expired) or accepted. */
export async function countActiveOutgoing(db: Db, participantId: string, now: Date): Promise<number> {
  const [row] = await db<{ n: number }[]>`
    select count(*)::int as n from meeting_requests r join events e on e.id = r.event_id
    where r.from_participant_id = ${participantId}
      and (r.status = 'accepted'
        or (r.status = 'pending' and (e.request_deadline is null or e.request_deadline > ${now})))`;
  return row?.n ?? 0;
}

/** Inserts unless the unordered pair already has a request (then null: the caller merges). */
export async function insertRequestIfNew(
  db: Db,
  r: { eventId: string; from: string; to: string; priority: number; message: string; createdBy: string },
): Promise<string | null> {
  const [row]: [{ id: string }?] = await db`
    insert into meeting_requests (event_id, from_participant_id, to_participant_id, priority, message, created_by)
    values (${r.eventId}, ${r.from}, ${r.to}, ${r.priority}, ${r.message}, ${r.createdBy})
    on conflict (event_id, least(from_participant_id, to_participant_id), greatest(from_participant_id, to_participant_id))
    do nothing
    returning id`;
  return row?.id ?? null;
}

/** The reverse side asked too: both want the meeting, so it is accepted at the higher priority. */
export async function mergeRequest(
  db: Db,
  id: string,
  m: { priority: number; message: string; by: string; now: Date },
): Promise<void> {
  await db`
    update meeting_requests set status = 'accepted', mutual = true,
      priority = greatest(priority, ${m.priority}),
      message = case when ${m.message} = '' then message
                     else left(concat_ws(E'\n\n', nullif(message, ''), ${m.message}::text), 1000) end,
      responded_by = ${m.by}, responded_at = ${m.now}, updated_at = ${m.now}
    where id = ${id}`;
}

/** Records an answer with who gave it and when. */
export async function setRequestStatus(
  db: Db,
  id: string,
  status: StoredRequestStatus,
  by: string,
  now: Date,
): Promise<void> {
  await db`
    update meeting_requests set status = ${status}, responded_by = ${by}, responded_at = ${now}, updated_at = ${now}
    where id = ${id}`;
}

/** Counterparts already paired with a participant in any direction (for "suggested for you"). */
export async function listPairedWith(db: Db, participantId: string): Promise<string[]> {
  const rows = await db<{ other: string }[]>`
    select case when from_participant_id = ${participantId} then to_participant_id else from_participant_id end as other
    from meeting_requests where from_participant_id = ${participantId} or to_participant_id = ${participantId}`;
  return rows.map((r) => r.other);
}
