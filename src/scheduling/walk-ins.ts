import { recordAudit } from '../audit/service.js';
import type { Db, Sql } from '../db/client.js';
import { isPgError } from '../db/client.js';
import { isUuid } from '../db/ids.js';
import { Conflict, NotFound } from '../errors.js';
import { type Actor, requireEvent, requireStaff } from '../events/access.js';
import { findParticipant } from '../events/participants-repo.js';
import { listSlots, listTables } from '../events/repo.js';
import { heuristicSuggester, type Suggestion } from '../events/suggest.js';
import { insertOrganization } from '../orgs/repo.js';
import { type FreeSpot, findFreeSpots } from './free-spots.js';
import { type ChangeContext, placeRequest } from './placement.js';
import { listBlockedSlots, listEventMeetings, type MeetingRow } from './repo.js';
import * as repo from './walk-in-repo.js';

/** A walk-in as the form gives it (validated, WhatsApp normalised to +62…). */
export interface WalkInInput {
  name: string;
  organizationName: string;
  kind: 'buyer' | 'supplier';
  whatsapp: string;
}

/** The walk-in desk: the event and the walk-ins registered so far (staff only). */
export async function loadWalkInDesk(db: Db, actor: Actor, eventId: string | undefined) {
  requireStaff(actor);
  const event = await requireEvent(db, eventId);
  return { event, walkIns: await repo.listWalkIns(db, event.id) };
}

/**
 * Registers someone who arrived without registering: links the organisation of that name and
 * kind when it exists (else creates it, with no account), and approves them for this event.
 */
export async function registerWalkIn(
  ctx: { sql: Sql; now: Date },
  actor: Actor,
  eventId: string | undefined,
  input: WalkInInput,
): Promise<string> {
  requireStaff(actor);
  const event = await requireEvent(ctx.sql, eventId);
  try {
    return await ctx.sql.begin(async (tx) => {
      const orgId =
        (await repo.findOrgByNameAndKind(tx, input.organizationName, input.kind)) ??
        (await insertOrganization(tx, { name: input.organizationName, kind: input.kind })).id;
      const id = await repo.insertWalkIn(tx, {
        eventId: event.id,
        organizationId: orgId,
        name: input.name,
        whatsapp: input.whatsapp,
        by: actor.userId,
        now: ctx.now,
      });
      await recordAudit(tx, {
        actorUserId: actor.userId,
        organizationId: orgId,
        entity: 'event_participant',
        entityId: id,
        action: 'walk_in.register',
      });
      return id;
    });
  } catch (err) {
    if (isPgError(err, '23505')) throw new Conflict('events.conflict.already_registered');
    throw err;
  }
}

/** A suggested counterpart with the free table-slots the two could meet at. */
export interface WalkInOption {
  suggestion: Suggestion;
  spots: FreeSpot[];
}

async function grid(db: Db, eventId: string) {
  const [slots, tables, meetings, blocked] = await Promise.all([
    listSlots(db, eventId),
    listTables(db, eventId),
    listEventMeetings(db, eventId),
    listBlockedSlots(db, eventId),
  ]);
  return { slots, tables, meetings, blocked };
}

/** Spots for a pair on the current grid (exported for the refill page's candidates). */
export async function spotsFor(db: Db, eventId: string, parties: string[], now: Date, limit = 3) {
  const g = await grid(db, eventId);
  return findFreeSpots(g.slots, g.tables, g.meetings, g.blocked, parties, now, limit);
}

/** Where a walk-in could sit: the existing match suggestions, each with its free table-slots. */
export async function loadWalkInPlacement(
  db: Db,
  actor: Actor,
  eventId: string | undefined,
  participantId: string | undefined,
  now: Date,
) {
  requireStaff(actor);
  const event = await requireEvent(db, eventId);
  const walkIn = isUuid(participantId) ? await findParticipant(db, event.id, participantId) : null;
  if (!walkIn || walkIn.status !== 'approved') throw new NotFound();
  const suggestions = await heuristicSuggester.suggest(db, event.id, walkIn.id, 8);
  const g = await grid(db, event.id);
  const options: WalkInOption[] = suggestions.map((s) => ({
    suggestion: s,
    spots: findFreeSpots(g.slots, g.tables, g.meetings, g.blocked, [walkIn.id, s.participantId], now, 3),
  }));
  return { event, walkIn, options };
}

/**
 * One tap: the walk-in meets a counterpart at a free table-slot. The floor request is accepted at
 * once; placing it goes through the grid's own placement, so its constraints refuse a
 * double-booking (409) if someone else took the table or the person meanwhile.
 */
export async function placeWalkIn(
  ctx: ChangeContext,
  actor: Actor,
  eventId: string | undefined,
  participantId: string | undefined,
  target: { counterpartId: string; slotId: string; tableId: string },
): Promise<MeetingRow> {
  requireStaff(actor);
  const event = await requireEvent(ctx.sql, eventId);
  const walkIn = isUuid(participantId) ? await findParticipant(ctx.sql, event.id, participantId) : null;
  const other = await findParticipant(ctx.sql, event.id, target.counterpartId);
  if (!walkIn || !other || walkIn.status !== 'approved' || other.status !== 'approved') throw new NotFound();
  const requestId = await floorRequest(ctx, event.id, walkIn.id, other.id, actor.userId);
  return placeRequest(ctx, actor, event.id, { requestId, slotId: target.slotId, tableId: target.tableId });
}

/** An accepted request between two people on the floor: a new one, or theirs if already accepted. */
export async function floorRequest(
  ctx: { sql: Db; now: Date },
  eventId: string,
  from: string,
  to: string,
  by: string,
): Promise<string> {
  const id = await repo.insertAcceptedRequest(ctx.sql, { eventId, from, to, by, now: ctx.now });
  if (id) return id;
  const pair = await repo.findPair(ctx.sql, eventId, from, to);
  if (!pair || pair.status !== 'accepted') throw new Conflict('events.conflict.request_not_accepted');
  return pair.id;
}
