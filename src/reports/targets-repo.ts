import type { Db } from '../db/client.js';

/** The six figures an office commits to; null means "no target for this one". */
export interface TargetFigures {
  meetingsHeld: number | null;
  deals: number | null;
  mous: number | null;
  valueIdr: bigint | null;
  ikmVerified: number | null;
  ikmCertified: number | null;
}

export interface TargetRow extends Omit<TargetFigures, 'valueIdr'> {
  id: string;
  officeId: string;
  officeName: string;
  eventId: string | null;
  eventName: string | null;
  eventTimezone: string | null;
  year: number | null;
  valueIdr: string | null;
  updatedAt: Date;
}

/**
 * Sets an office's targets for an event or a year: one row per scope (the partial unique
 * indexes), so two facilitators saving at once end with one row, the last save's figures.
 */
export async function upsertTarget(
  db: Db,
  t: TargetFigures & {
    officeId: string;
    eventId: string | null;
    year: number | null;
    userId: string;
    now: Date;
  },
): Promise<{ id: string; before: TargetRow | null }> {
  const [before]: [TargetRow?] = await db`
    select ${columns(db)} ${from(db)}
    where t.office_id = ${t.officeId}
      and ${t.eventId ? db`t.event_id = ${t.eventId}` : db`t.year = ${t.year}`}
    for update of t`;
  const v = t.valueIdr === null ? null : t.valueIdr.toString();
  const [row] = t.eventId
    ? await db<{ id: string }[]>`
        insert into office_targets (office_id, event_id, meetings_held, deals, mous, value_idr, ikm_verified, ikm_certified, updated_by, updated_at)
        values (${t.officeId}, ${t.eventId}, ${t.meetingsHeld}, ${t.deals}, ${t.mous}, ${v}::bigint, ${t.ikmVerified}, ${t.ikmCertified}, ${t.userId}, ${t.now})
        on conflict (office_id, event_id) where event_id is not null do update set
          meetings_held = excluded.meetings_held, deals = excluded.deals, mous = excluded.mous, value_idr = excluded.value_idr,
          ikm_verified = excluded.ikm_verified, ikm_certified = excluded.ikm_certified,
          updated_by = excluded.updated_by, updated_at = excluded.updated_at
        returning id`
    : await db<{ id: string }[]>`
        insert into office_targets (office_id, year, meetings_held, deals, mous, value_idr, ikm_verified, ikm_certified, updated_by, updated_at)
        values (${t.officeId}, ${t.year}, ${t.meetingsHeld}, ${t.deals}, ${t.mous}, ${v}::bigint, ${t.ikmVerified}, ${t.ikmCertified}, ${t.userId}, ${t.now})
        on conflict (office_id, year) where year is not null do update set
          meetings_held = excluded.meetings_held, deals = excluded.deals, mous = excluded.mous, value_idr = excluded.value_idr,
          ikm_verified = excluded.ikm_verified, ikm_certified = excluded.ikm_certified,
          updated_by = excluded.updated_by, updated_at = excluded.updated_at
        returning id`;
  return { id: row!.id, before: before ?? null };
}

const columns = (db: Db) => db`
  t.id, t.office_id, o.name as office_name, t.event_id, e.name as event_name, e.timezone as event_timezone, t.year,
  t.meetings_held, t.deals, t.mous, t.value_idr::text as value_idr, t.ikm_verified, t.ikm_certified, t.updated_at`;
const from = (db: Db) => db`
  from office_targets t join organizations o on o.id = t.office_id left join events e on e.id = t.event_id`;

/** Most targets a page lists (and computes realisation for). */
export const TARGETS_LIMIT = 50;

/** Targets of the given offices (all offices when null), latest years and events first. */
export function listTargets(db: Db, officeIds: string[] | null): Promise<TargetRow[]> {
  return db<TargetRow[]>`
    select ${columns(db)} ${from(db)}
    ${officeIds ? db`where t.office_id = any(${officeIds}::uuid[])` : db``}
    order by o.name, t.year desc nulls last, e.starts_at desc nulls last
    limit ${TARGETS_LIMIT}`;
}

/** Offices (facilitator organisations) a user belongs to. */
export function listUserOffices(db: Db, userId: string): Promise<{ id: string; name: string }[]> {
  return db<{ id: string; name: string }[]>`
    select o.id, o.name from memberships m join organizations o on o.id = m.organization_id
    where m.user_id = ${userId} and o.kind = 'facilitator' order by o.name`;
}

/** Every office, for admins. */
export function listAllOffices(db: Db): Promise<{ id: string; name: string }[]> {
  return db<{ id: string; name: string }[]>`
    select id, name from organizations where kind = 'facilitator' order by name limit 300`;
}

/** Whether an event exists. */
export async function eventExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db`select 1 from events where id = ${id}`;
  return !!row;
}

/** Every office's targets for one event (what the report page filtered to that event shows). */
export function listEventTargets(db: Db, eventId: string): Promise<TargetRow[]> {
  return db<
    TargetRow[]
  >`select ${columns(db)} ${from(db)} where t.event_id = ${eventId} order by o.name limit 10`;
}
