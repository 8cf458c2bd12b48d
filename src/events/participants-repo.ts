import type { Db } from '../db/client.js';

export type ParticipantStatus = 'pending' | 'approved' | 'rejected';

export interface ParticipantRow {
  id: string;
  eventId: string;
  organizationId: string;
  organizationName: string;
  organizationKind: 'buyer' | 'supplier';
  userId: string | null;
  name: string;
  status: ParticipantStatus;
  provinceName: string | null;
  createdAt: Date;
}

export interface CatalogueFilter {
  kind: '' | 'buyer' | 'supplier';
  q: string;
  province: string;
  status: '' | ParticipantStatus;
}

/** Supplier province from the profile; a buyer's from the estate it is a tenant of. */
const participantSelect = (db: Db) => db`
  select p.id, p.event_id, p.organization_id, o.name as organization_name, o.kind as organization_kind,
    p.user_id, p.name, p.status, p.created_at, pr.code as province_code, pr.name as province_name
  from event_participants p
  join organizations o on o.id = p.organization_id
  left join lateral (
    select r.code, r.name from regions r
    where r.code = coalesce(
      (select s.province_code from suppliers s where s.organization_id = p.organization_id),
      (select rg.province_code from estate_tenants et join estates e on e.id = et.estate_id
         join regions rg on rg.code = e.regency_code where et.organization_id = p.organization_id limit 1))
  ) pr on true`;

/** A participant of this event (never another event's, whatever the id). */
export async function findParticipant(db: Db, eventId: string, id: string): Promise<ParticipantRow | null> {
  const [row]: [ParticipantRow?] = await db`
    select * from (${participantSelect(db)}) x where x.event_id = ${eventId} and x.id = ${id}`;
  return row ?? null;
}

/** The catalogue: filters are optional fragments; the name filter escapes LIKE wildcards. */
export function listParticipants(db: Db, eventId: string, f: CatalogueFilter): Promise<ParticipantRow[]> {
  const like = `%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return db<ParticipantRow[]>`
    select * from (${participantSelect(db)}) x
    where x.event_id = ${eventId}
      ${f.kind ? db`and x.organization_kind = ${f.kind}` : db``}
      ${f.status ? db`and x.status = ${f.status}` : db``}
      ${f.province ? db`and x.province_code = ${f.province}` : db``}
      ${f.q ? db`and (x.name ilike ${like} or x.organization_name ilike ${like})` : db``}
    order by x.organization_name, x.name
    limit 500`;
}

/** The participants the user may act for at this event (members of their organisations). */
export function listParticipantsOfUser(db: Db, eventId: string, userId: string): Promise<ParticipantRow[]> {
  return db<ParticipantRow[]>`
    select * from (${participantSelect(db)}) x
    where x.event_id = ${eventId}
      and exists (select 1 from memberships m where m.organization_id = x.organization_id and m.user_id = ${userId})
    order by x.organization_name, x.name`;
}

/** Provinces present among the participants, for the filter's options. */
export function listProvincesOfParticipants(
  db: Db,
  eventId: string,
): Promise<{ code: string; name: string }[]> {
  return db<{ code: string; name: string }[]>`
    select distinct x.province_code as code, x.province_name as name from (${participantSelect(db)}) x
    where x.event_id = ${eventId} and x.province_code is not null order by name`;
}

/** A registration; a decision (approval by staff) is recorded with its author and time. */
export async function insertParticipant(
  db: Db,
  p: {
    eventId: string;
    organizationId: string;
    userId: string | null;
    name: string;
    status: ParticipantStatus;
    registeredBy: string;
    now: Date;
  },
): Promise<string> {
  const decided = p.status === 'pending' ? null : p.now;
  const [row] = await db<{ id: string }[]>`
    insert into event_participants (event_id, organization_id, user_id, name, status, registered_by, decided_by, decided_at)
    values (${p.eventId}, ${p.organizationId}, ${p.userId}, ${p.name}, ${p.status}, ${p.registeredBy},
      ${decided ? p.registeredBy : null}, ${decided})
    returning id`;
  return row!.id;
}

/** Records a facilitator's decision with who made it and when. */
export async function setParticipantStatus(
  db: Db,
  id: string,
  status: ParticipantStatus,
  by: string,
  now: Date,
): Promise<void> {
  await db`update event_participants set status = ${status}, decided_by = ${by}, decided_at = ${now} where id = ${id}`;
}

/** The slots a participant marked, in slot order. */
export async function listUnavailableSlotIds(db: Db, participantId: string): Promise<string[]> {
  const rows = await db<{ slotId: string }[]>`
    select u.slot_id from event_unavailability u join event_slots s on s.id = u.slot_id
    where u.participant_id = ${participantId} order by s.position`;
  return rows.map((r) => r.slotId);
}

/** Replaces the whole set at once: the form always sends every ticked slot. */
export async function replaceUnavailability(
  db: Db,
  eventId: string,
  participantId: string,
  slotIds: string[],
): Promise<void> {
  await db`delete from event_unavailability where participant_id = ${participantId}`;
  if (slotIds.length === 0) return;
  const rows = slotIds.map((slotId) => ({ eventId, participantId, slotId }));
  await db`insert into event_unavailability ${db(rows, 'eventId', 'participantId', 'slotId')}`;
}

/** How many of the ids are slots of this event (to reject foreign or unknown ids). */
export async function countSlotsOfEvent(db: Db, eventId: string, slotIds: string[]): Promise<number> {
  if (slotIds.length === 0) return 0;
  const [row] = await db<{ n: number }[]>`
    select count(*)::int as n from event_slots where event_id = ${eventId} and id = any(${slotIds}::uuid[])`;
  return row?.n ?? 0;
}

export interface OrgChoice {
  id: string;
  name: string;
  kind: 'buyer' | 'supplier';
}

/** Organisations that can send representatives: buyers and suppliers (the user's own, or all for staff). */
export function listRegistrableOrgs(db: Db, userId: string | null): Promise<OrgChoice[]> {
  return db<OrgChoice[]>`
    select o.id, o.name, o.kind from organizations o
    where o.kind in ('buyer', 'supplier')
      ${userId ? db`and exists (select 1 from memberships m where m.organization_id = o.id and m.user_id = ${userId})` : db``}
    order by o.kind, o.name
    limit 2000`;
}

/** The organisation's kind, or null when it does not exist. */
export async function findOrgKind(db: Db, orgId: string): Promise<string | null> {
  const [row]: [{ kind: string }?] = await db`select kind from organizations where id = ${orgId}`;
  return row?.kind ?? null;
}

/** Membership check for naming a representative's login. */
export async function isMember(db: Db, orgId: string, userId: string): Promise<boolean> {
  const [row]: [{ userId: string }?] =
    await db`select user_id from memberships where organization_id = ${orgId} and user_id = ${userId}`;
  return !!row;
}

/** Who gets a participant's agenda mail: its own login, else the organisation's owners. */
export function listRecipientsOf(
  db: Db,
  participantId: string,
): Promise<{ userId: string; locale: 'id' | 'en' }[]> {
  return db<{ userId: string; locale: 'id' | 'en' }[]>`
    select u.id as user_id, u.locale from users u
    where u.id in (
      select p.user_id from event_participants p where p.id = ${participantId} and p.user_id is not null
      union
      select m.user_id from event_participants p join memberships m on m.organization_id = p.organization_id
      where p.id = ${participantId} and p.user_id is null and m.role = 'owner')
    order by u.id`;
}
