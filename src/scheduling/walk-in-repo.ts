import type { Db } from '../db/client.js';

/** A walk-in as the floor pages list it. */
export interface WalkInRow {
  id: string;
  name: string;
  organizationName: string;
  organizationKind: 'buyer' | 'supplier';
  whatsapp: string | null;
  createdAt: Date;
}

/** The organisation a walk-in names, when one of that kind and name already exists (oldest first). */
export async function findOrgByNameAndKind(db: Db, name: string, kind: string): Promise<string | null> {
  const [row]: [{ id: string }?] = await db`
    select id from organizations where lower(name) = lower(${name}) and kind = ${kind} order by created_at limit 1`;
  return row?.id ?? null;
}

/** A walk-in: approved at once (staff registered them), no user account, reachable on WhatsApp. */
export async function insertWalkIn(
  db: Db,
  w: { eventId: string; organizationId: string; name: string; whatsapp: string; by: string; now: Date },
): Promise<string> {
  const [row] = await db<{ id: string }[]>`
    insert into event_participants (event_id, organization_id, name, status, registered_by, decided_by, decided_at,
      walk_in, whatsapp, created_at)
    values (${w.eventId}, ${w.organizationId}, ${w.name}, 'approved', ${w.by}, ${w.by}, ${w.now}, true, ${w.whatsapp},
      ${w.now})
    returning id`;
  return row!.id;
}

export function listWalkIns(db: Db, eventId: string): Promise<WalkInRow[]> {
  return db<WalkInRow[]>`
    select p.id, p.name, o.name as organization_name, o.kind as organization_kind, p.whatsapp, p.created_at
    from event_participants p join organizations o on o.id = p.organization_id
    where p.event_id = ${eventId} and p.walk_in and p.status = 'approved'
    order by p.created_at desc, p.name`;
}

/** An accepted request created on the floor (a walk-in's meeting, or a refill), or null if the pair exists. */
export async function insertAcceptedRequest(
  db: Db,
  r: { eventId: string; from: string; to: string; by: string; now: Date },
): Promise<string | null> {
  const [row]: [{ id: string }?] = await db`
    insert into meeting_requests (event_id, from_participant_id, to_participant_id, priority, status, created_by,
      responded_by, responded_at, created_at, updated_at)
    values (${r.eventId}, ${r.from}, ${r.to}, 2, 'accepted', ${r.by}, ${r.by}, ${r.now}, ${r.now}, ${r.now})
    on conflict (event_id, least(from_participant_id, to_participant_id), greatest(from_participant_id, to_participant_id))
    do nothing
    returning id`;
  return row?.id ?? null;
}

/** The request between two participants, either direction, with its status. */
export async function findPair(
  db: Db,
  eventId: string,
  a: string,
  b: string,
): Promise<{ id: string; status: string } | null> {
  const [row]: [{ id: string; status: string }?] = await db`
    select id, status from meeting_requests
    where event_id = ${eventId} and least(from_participant_id, to_participant_id) = least(${a}::uuid, ${b}::uuid)
      and greatest(from_participant_id, to_participant_id) = greatest(${a}::uuid, ${b}::uuid)`;
  return row ?? null;
}

/**
 * Frees a no-show's table-slot: the meeting leaves the grid as cancelled but keeps its recorded
 * attendance, so the audit trail and the outcome record still say who did not come.
 */
export async function releaseNoShow(db: Db, meetingId: string, now: Date): Promise<void> {
  await db`
    update meetings set status = 'cancelled', slot_id = null, table_id = null, locked = false,
      sequence = sequence + 1, updated_at = ${now}
    where id = ${meetingId} and status = 'scheduled'`;
}
