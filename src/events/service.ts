import type { Db, Sql } from '../db/client.js';
import { isPgError } from '../db/client.js';
import { Conflict, Invalid } from '../errors.js';
import { type Actor, requireEvent, requireStaff } from './access.js';
import * as repo from './repo.js';
import type { EventInput } from './schema.js';
import { generateSlots, MAX_SLOTS, normalizeDays, validateDays } from './slots.js';

export interface LoadedEvent {
  event: repo.EventRow;
  slots: repo.SlotRow[];
  tables: repo.TableRow[];
}

/** An event with its slots and tables: what nearly every page and API answer needs. */
export async function loadEvent(db: Db, id: string | undefined): Promise<LoadedEvent> {
  const event = await requireEvent(db, id);
  const [slots, tables] = await Promise.all([repo.listSlots(db, event.id), repo.listTables(db, event.id)]);
  return { event, slots, tables };
}

/** A count becomes "1".."N"; views print numeric names as "Meja 3" / "Table 3". */
export function tableNamesOf(tables: string[] | number): string[] {
  return typeof tables === 'number' ? Array.from({ length: tables }, (_, i) => String(i + 1)) : tables;
}

/**
 * Checks everything a schema cannot: the rundown, registration dates, the organiser office (one
 * of the creator's facilitator organisations; admins may pick any) and the estate. Returns the
 * row fields with slots already generated, or throws Invalid with field keys.
 */
async function prepare(db: Db, actor: Actor, input: EventInput) {
  const errors: Record<string, string> = validateDays(input.days, input.slotMinutes);
  const days = Object.keys(errors).length ? input.days : normalizeDays(input.days);
  const slots = Object.keys(errors).length
    ? []
    : generateSlots(days, input.timezone, input.slotMinutes, input.breakMinutes);
  if (!Object.keys(errors).length && slots.length > MAX_SLOTS)
    errors.slot_minutes = 'v.events.too_many_slots';
  const { registrationOpensAt: opens, registrationClosesAt: closes } = input;
  if (opens && closes && closes <= opens) errors.registration_closes_at = 'v.events.closes_before_opens';
  const organizerId = await resolveOrganizer(db, actor, input.organizerId);
  if (organizerId === undefined) errors.organizer_id = 'v.choice';
  if (input.estateId && !(await repo.estateExists(db, input.estateId))) errors.estate_id = 'v.choice';
  if (Object.keys(errors).length) throw new Invalid(errors);
  const fields: repo.EventFields = {
    name: input.name,
    organizerId: organizerId ?? null,
    venue: input.venue,
    estateId: input.estateId,
    timezone: input.timezone,
    days,
    slotMinutes: input.slotMinutes,
    breakMinutes: input.breakMinutes,
    startsAt: slots[0]!.startsAt,
    endsAt: slots.at(-1)!.endsAt,
    registrationOpensAt: opens,
    registrationClosesAt: closes,
    requestDeadline: input.requestDeadline,
    requestQuota: input.requestQuota,
  };
  return { fields, slots, tables: tableNamesOf(input.tables) };
}

/** undefined = not allowed; null = none (an admin without an office). */
async function resolveOrganizer(db: Db, actor: Actor, requested: string | null) {
  const own = await repo.listFacilitatorOrgsOf(db, actor.userId);
  if (requested === null) return own[0]?.id ?? null;
  if (own.some((o) => o.id === requested)) return requested;
  if (actor.platformRole !== 'admin') return undefined;
  return (await repo.isFacilitatorOrg(db, requested)) ? requested : undefined;
}

/** Creates the event with its slots and tables in one transaction; facilitators only. */
export async function createEvent(sql: Sql, actor: Actor, input: EventInput): Promise<string> {
  requireStaff(actor);
  const { fields, slots, tables } = await prepare(sql, actor, input);
  return sql.begin(async (tx) => {
    const id = await repo.insertEvent(tx, fields, actor.userId);
    await repo.replaceSlots(tx, id, slots);
    await repo.syncTables(tx, id, tables);
    return id;
  });
}

const rundownOf = (f: Pick<repo.EventFields, 'days' | 'timezone' | 'slotMinutes' | 'breakMinutes'>) =>
  JSON.stringify([normalizeDays(f.days), f.timezone, f.slotMinutes, f.breakMinutes]);

/**
 * Edits an event. The rundown (days, zone, slot and break length) may change only while no
 * meeting is scheduled, because changing it regenerates the slots (and clears unavailability
 * marks, which pointed at the old slots). Tables keep their ids by position.
 */
export async function updateEvent(sql: Sql, actor: Actor, id: string, input: EventInput, now: Date) {
  requireStaff(actor);
  const current = await requireEvent(sql, id);
  const { fields, slots, tables } = await prepare(sql, actor, input);
  try {
    await sql.begin(async (tx) => {
      await repo.lockEvent(tx, id);
      if (rundownOf(current) !== rundownOf(fields)) {
        if (await repo.hasScheduledMeetings(tx, id)) throw new Conflict('events.conflict.rundown_locked');
        await repo.replaceSlots(tx, id, slots);
      }
      await repo.updateEvent(tx, id, fields, now);
      await repo.syncTables(tx, id, tables);
    });
  } catch (err) {
    if (isPgError(err, '23503')) throw new Conflict('events.conflict.table_in_use');
    throw err;
  }
}

/** Registration is open when now is inside the (optional) window. */
export function registrationOpen(event: repo.EventRow, now: Date): boolean {
  if (event.registrationOpensAt && now < event.registrationOpensAt) return false;
  if (event.registrationClosesAt && now >= event.registrationClosesAt) return false;
  return true;
}

/** Requests can be made and answered until the deadline (when there is one). */
export function requestsOpen(event: repo.EventRow, now: Date): boolean {
  return !event.requestDeadline || now < event.requestDeadline;
}
