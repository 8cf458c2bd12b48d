import type { Db } from '../db/client.js';
import type { EventZone } from './schema.js';
import type { EventDay, SlotSpec } from './slots.js';

export interface EventRow {
  id: string;
  name: string;
  organizerId: string | null;
  organizerName: string | null;
  venue: string;
  estateId: string | null;
  estateName: string | null;
  timezone: EventZone;
  days: EventDay[];
  slotMinutes: number;
  breakMinutes: number;
  startsAt: Date;
  endsAt: Date;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  requestDeadline: Date | null;
  requestQuota: number;
  publishedAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface SlotRow {
  id: string;
  position: number;
  startsAt: Date;
  endsAt: Date;
}

export interface TableRow {
  id: string;
  position: number;
  name: string;
}

export interface EventFields {
  name: string;
  organizerId: string | null;
  venue: string;
  estateId: string | null;
  timezone: EventZone;
  days: EventDay[];
  slotMinutes: number;
  breakMinutes: number;
  startsAt: Date;
  endsAt: Date;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  requestDeadline: Date | null;
  requestQuota: number;
}

const eventColumns = (db: Db) => db`
  e.id, e.name, e.organizer_id, o.name as organizer_name, e.venue, e.estate_id, es.name as estate_name,
  e.timezone, e.days, e.slot_minutes, e.break_minutes, e.starts_at, e.ends_at, e.registration_opens_at,
  e.registration_closes_at, e.request_deadline, e.request_quota, e.published_at, e.created_by,
  e.created_at, e.updated_at`;

/** Inserts the event row; slots and tables follow in the same transaction. */
export async function insertEvent(db: Db, f: EventFields, createdBy: string): Promise<string> {
  const [row] = await db<{ id: string }[]>`
    insert into events (name, organizer_id, venue, estate_id, timezone, days, slot_minutes, break_minutes,
      starts_at, ends_at, registration_opens_at, registration_closes_at, request_deadline, request_quota, created_by)
    values (${f.name}, ${f.organizerId}, ${f.venue}, ${f.estateId}, ${f.timezone}, ${db.json(f.days as never)},
      ${f.slotMinutes}, ${f.breakMinutes}, ${f.startsAt}, ${f.endsAt}, ${f.registrationOpensAt},
      ${f.registrationClosesAt}, ${f.requestDeadline}, ${f.requestQuota}, ${createdBy})
    returning id`;
  return row!.id;
}

/** Overwrites every editable field (the form always sends them all). */
export async function updateEvent(db: Db, id: string, f: EventFields, now: Date): Promise<void> {
  await db`
    update events set name = ${f.name}, organizer_id = ${f.organizerId}, venue = ${f.venue},
      estate_id = ${f.estateId}, timezone = ${f.timezone}, days = ${db.json(f.days as never)},
      slot_minutes = ${f.slotMinutes}, break_minutes = ${f.breakMinutes}, starts_at = ${f.startsAt},
      ends_at = ${f.endsAt}, registration_opens_at = ${f.registrationOpensAt},
      registration_closes_at = ${f.registrationClosesAt}, request_deadline = ${f.requestDeadline},
      request_quota = ${f.requestQuota}, updated_at = ${now}
    where id = ${id}`;
}

/** The event with its organiser and estate names. */
export async function findEvent(db: Db, id: string): Promise<EventRow | null> {
  const [row]: [EventRow?] = await db`
    select ${eventColumns(db)} from events e
    left join organizations o on o.id = e.organizer_id
    left join estates es on es.id = e.estate_id
    where e.id = ${id}`;
  return row ?? null;
}

/** Locks the event row: publishing runs one at a time per event. */
export async function lockEvent(db: Db, id: string): Promise<EventRow | null> {
  const [row]: [{ id: string }?] = await db`select id from events where id = ${id} for update`;
  return row ? findEvent(db, id) : null;
}

/** Every event, newest first: events are announcements any logged-in user may register for. */
export function listEvents(db: Db): Promise<EventRow[]> {
  return db<EventRow[]>`
    select ${eventColumns(db)} from events e
    left join organizations o on o.id = e.organizer_id
    left join estates es on es.id = e.estate_id
    order by e.starts_at desc
    limit 200`;
}

/** Remembers the last publish: from then on, schedule changes notify participants. */
export async function markPublished(db: Db, id: string, now: Date): Promise<void> {
  await db`update events set published_at = ${now}, updated_at = ${now} where id = ${id}`;
}

/** Slots in time order (position follows time). */
export function listSlots(db: Db, eventId: string): Promise<SlotRow[]> {
  return db<SlotRow[]>`
    select id, position, starts_at, ends_at from event_slots where event_id = ${eventId} order by position`;
}

/** Regenerates the slots; unavailability marks cascade away with the old ones. */
export async function replaceSlots(db: Db, eventId: string, slots: SlotSpec[]): Promise<void> {
  await db`delete from event_slots where event_id = ${eventId}`;
  if (slots.length === 0) return;
  const rows = slots.map((s, i) => ({ eventId, position: i + 1, startsAt: s.startsAt, endsAt: s.endsAt }));
  await db`insert into event_slots ${db(rows, 'eventId', 'position', 'startsAt', 'endsAt')}`;
}

/** Tables in their display order. */
export function listTables(db: Db, eventId: string): Promise<TableRow[]> {
  return db<TableRow[]>`
    select id, position, name from event_tables where event_id = ${eventId} order by position`;
}

/**
 * Keeps table ids by position (meetings point at them), renames, appends new ones and deletes
 * surplus ones; deleting a table that still has meetings fails on its foreign key.
 */
export async function syncTables(db: Db, eventId: string, names: string[]): Promise<void> {
  // Two-step rename so swapping names between positions never trips the unique name.
  await db`update event_tables set name = '#' || id::text where event_id = ${eventId}`;
  await db`delete from event_tables where event_id = ${eventId} and position > ${names.length}`;
  for (const [i, name] of names.entries()) {
    await db`
      insert into event_tables (event_id, position, name) values (${eventId}, ${i + 1}, ${name})
      on conflict (event_id, position) do update set name = excluded.name`;
  }
}

/** True when any scheduled meeting still sits in the event's slots (their times are then fixed). */
export async function hasScheduledMeetings(db: Db, eventId: string): Promise<boolean> {
  const [row]: [{ n: number }?] = await db`
    select count(*)::int as n from meetings where event_id = ${eventId} and status = 'scheduled'`;
  return (row?.n ?? 0) > 0;
}

export interface OrgOption {
  id: string;
  name: string;
  kind: string;
}

/** The offices a user may organise events for. */
export function listFacilitatorOrgsOf(db: Db, userId: string): Promise<OrgOption[]> {
  return db<OrgOption[]>`
    select o.id, o.name, o.kind from memberships m join organizations o on o.id = m.organization_id
    where m.user_id = ${userId} and o.kind = 'facilitator' order by o.name`;
}

/** True for an existing facilitator organisation (admins may pick any office). */
export async function isFacilitatorOrg(db: Db, id: string): Promise<boolean> {
  const [row]: [{ id: string }?] =
    await db`select id from organizations where id = ${id} and kind = 'facilitator'`;
  return !!row;
}

/** Estates for the event form's select. */
export function listEstateOptions(db: Db): Promise<{ id: string; name: string }[]> {
  return db<{ id: string; name: string }[]>`select id, name from estates order by name`;
}

/** Guards the estate id coming from a form or the API. */
export async function estateExists(db: Db, id: string): Promise<boolean> {
  const [row]: [{ id: string }?] = await db`select id from estates where id = ${id}`;
  return !!row;
}

/** A slot of this event only, so ids from another event are rejected. */
export async function findSlot(db: Db, eventId: string, id: string): Promise<SlotRow | null> {
  const [row]: [SlotRow?] = await db`
    select id, position, starts_at, ends_at from event_slots where event_id = ${eventId} and id = ${id}`;
  return row ?? null;
}

/** A table of this event only, so ids from another event are rejected. */
export async function findTable(db: Db, eventId: string, id: string): Promise<TableRow | null> {
  const [row]: [TableRow?] = await db`
    select id, position, name from event_tables where event_id = ${eventId} and id = ${id}`;
  return row ?? null;
}
