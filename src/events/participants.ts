import type { Db, Sql } from '../db/client.js';
import { isPgError } from '../db/client.js';
import { isUuid } from '../db/ids.js';
import { Conflict, Invalid, NotFound } from '../errors.js';
import { type Actor, isFacilitator, requireActFor, requireEvent, requireStaff } from './access.js';
import * as repo from './participants-repo.js';
import type { ParticipantBody } from './schema.js';
import { registrationOpen } from './service.js';

export interface RegisterInput {
  organizationId: string;
  name: string;
  /** The representative's own login, when they have one (must belong to the organisation). */
  userId: string | null;
  unavailableSlots: string[];
}

/**
 * Registers a representative. Members register their own organisation while registration is open
 * and wait for approval; facilitators register anyone at any time, approved at once (they are the
 * ones who approve). Organisations the actor may not act for are NotFound, not Forbidden.
 */
export async function registerParticipant(
  sql: Sql,
  actor: Actor,
  eventId: string,
  input: RegisterInput,
  now: Date,
): Promise<repo.ParticipantRow> {
  const event = await requireEvent(sql, eventId);
  const staff = isFacilitator(actor);
  const kind = await repo.findOrgKind(sql, input.organizationId);
  if (!kind) throw new NotFound();
  await requireActFor(sql, actor, input.organizationId);
  if (kind !== 'buyer' && kind !== 'supplier') throw new Invalid({ organization_id: 'v.events.org_kind' });
  if (!staff && !registrationOpen(event, now)) throw new Conflict('events.conflict.registration_closed');
  if (input.userId && !(await repo.isMember(sql, input.organizationId, input.userId)))
    throw new Invalid({ user_id: 'v.events.not_member' });
  const slots = [...new Set(input.unavailableSlots)];
  if ((await repo.countSlotsOfEvent(sql, event.id, slots)) !== slots.length)
    throw new Invalid({ unavailable_slots: 'v.events.unknown_slot' });
  try {
    const id = await sql.begin(async (tx) => {
      const id = await repo.insertParticipant(tx, {
        eventId: event.id,
        organizationId: input.organizationId,
        userId: input.userId,
        name: input.name,
        status: staff ? 'approved' : 'pending',
        registeredBy: actor.userId,
        now,
      });
      await repo.replaceUnavailability(tx, event.id, id, slots);
      return id;
    });
    return (await repo.findParticipant(sql, event.id, id))!;
  } catch (err) {
    if (isPgError(err, '23505')) throw new Conflict('events.conflict.already_registered');
    throw err;
  }
}

/** The participant, if the actor may see its private side (agenda, requests, unavailability). */
export async function requireOwnParticipant(
  db: Db,
  actor: Actor,
  eventId: string,
  participantId: string | undefined,
): Promise<repo.ParticipantRow> {
  if (!isUuid(participantId)) throw new NotFound();
  const p = await repo.findParticipant(db, eventId, participantId);
  if (!p) throw new NotFound();
  await requireActFor(db, actor, p.organizationId);
  return p;
}

/** Facilitators approve or reject registrations; only approved participants meet. */
export async function decideParticipant(
  sql: Sql,
  actor: Actor,
  eventId: string,
  participantId: string | undefined,
  status: 'approved' | 'rejected',
  now: Date,
): Promise<void> {
  requireStaff(actor);
  if (!isUuid(participantId)) throw new NotFound();
  const p = await repo.findParticipant(sql, eventId, participantId);
  if (!p) throw new NotFound();
  await repo.setParticipantStatus(sql, p.id, status, actor.userId, now);
}

/**
 * Replaces the slots a participant cannot meet in. Allowed even where a meeting is already
 * scheduled: the grid then shows that meeting as a conflict for the facilitator to move.
 */
export async function setUnavailability(
  sql: Sql,
  actor: Actor,
  eventId: string,
  participantId: string | undefined,
  slotIds: string[],
): Promise<void> {
  const p = await requireOwnParticipant(sql, actor, eventId, participantId);
  const slots = [...new Set(slotIds)];
  if ((await repo.countSlotsOfEvent(sql, eventId, slots)) !== slots.length)
    throw new Invalid({ slots: 'v.events.unknown_slot' });
  await sql.begin((tx) => repo.replaceUnavailability(tx, eventId, p.id, slots));
}

/** Participants in the API's snake_case shape. */
export function participantToJson(p: repo.ParticipantRow, unavailable: string[] | null) {
  return {
    id: p.id,
    event_id: p.eventId,
    organization_id: p.organizationId,
    organization_name: p.organizationName,
    organization_kind: p.organizationKind,
    user_id: p.userId,
    name: p.name,
    status: p.status,
    province: p.provinceName,
    ...(unavailable ? { unavailable_slots: unavailable } : {}),
    created_at: p.createdAt.toISOString(),
  };
}

/** The registration form as submitted: who registers, and whether they represent themselves. */
export interface RegisterForm {
  organization_id: string;
  name: string;
  represent_self: boolean;
}

/**
 * Registers from the web form. "I represent this organisation myself" links the actor's own
 * login; staff register others, so for them it never does.
 */
export function registerFromForm(sql: Sql, actor: Actor, eventId: string, form: RegisterForm, now: Date) {
  const self = form.represent_self && !isFacilitator(actor);
  return registerParticipant(
    sql,
    actor,
    eventId,
    {
      organizationId: form.organization_id,
      name: form.name,
      userId: self ? actor.userId : null,
      unavailableSlots: [],
    },
    now,
  );
}

/** Registers through the API, answering with the unavailable slots the representative gave. */
export async function registerWithSlots(
  sql: Sql,
  actor: Actor,
  eventId: string,
  input: RegisterInput,
  now: Date,
) {
  const participant = await registerParticipant(sql, actor, eventId, input, now);
  return { participant, unavailable: await repo.listUnavailableSlotIds(sql, participant.id) };
}

/** Maps the API body to the service input. */
export function registerInputFromBody(b: ParticipantBody): RegisterInput {
  return {
    organizationId: b.organization_id,
    name: b.name,
    userId: b.user_id ?? null,
    unavailableSlots: b.unavailable_slots,
  };
}
