import type { Db, Sql } from '../db/client.js';
import { type Actor, isFacilitator, requireEvent, requireStaff } from './access.js';
import { requireOwnParticipant } from './participants.js';
import * as prepo from './participants-repo.js';
import { listSlots } from './repo.js';
import { createRequest, type RequestInput } from './requests.js';
import * as rrepo from './requests-repo.js';
import type { CatalogueQuery } from './schema.js';
import { heuristicSuggester, type Suggester } from './suggest.js';

/** Matching can replace this (see Suggester); until then a simple heuristic. */
const defaultSuggester: Suggester = heuristicSuggester;

const APPROVED = { kind: '', q: '', province: '', status: 'approved' } as const;

/**
 * The event catalogue as this actor may see it: staff filter by any status, others see approved
 * participants only, with "suggested for you" for each of their own approved representatives.
 */
export async function loadCatalogue(
  db: Db,
  actor: Actor,
  eventId: string | undefined,
  filter: CatalogueQuery,
  suggester: Suggester = defaultSuggester,
) {
  const event = await requireEvent(db, eventId);
  const staff = isFacilitator(actor);
  const [participants, provinces, own] = await Promise.all([
    prepo.listParticipants(db, event.id, staff ? filter : { ...filter, status: 'approved' }),
    prepo.listProvincesOfParticipants(db, event.id),
    prepo.listParticipantsOfUser(db, event.id, actor.userId),
  ]);
  const approvedOwn = own.filter((p) => p.status === 'approved');
  const suggestions = await Promise.all(
    approvedOwn.map(async (p) => ({ participant: p, items: await suggester.suggest(db, event.id, p.id, 5) })),
  );
  return { event, staff, filter, provinces, participants, own: approvedOwn, suggestions };
}

/** A participant's own page: slots, their unavailability, requests both ways and the quota used. */
export async function loadParticipantPage(
  db: Db,
  actor: Actor,
  eventId: string | undefined,
  pid: string,
  now: Date,
) {
  const event = await requireEvent(db, eventId);
  const me = await requireOwnParticipant(db, actor, event.id, pid);
  const [slots, unavailable, requests, quotaUsed] = await Promise.all([
    listSlots(db, event.id),
    prepo.listUnavailableSlotIds(db, me.id),
    rrepo.listRequestsOfParticipant(db, me.id, now),
    rrepo.countActiveOutgoing(db, me.id, now),
  ]);
  return {
    event,
    participant: me,
    slots,
    unavailable,
    requests,
    quotaUsed,
    staff: isFacilitator(actor),
  };
}

/** Every meeting request of an event, for staff, optionally by status. */
export async function loadEventRequests(
  db: Db,
  actor: Actor,
  eventId: string | undefined,
  status: Parameters<typeof rrepo.listRequestsOfEvent>[3],
  now: Date,
) {
  requireStaff(actor);
  const event = await requireEvent(db, eventId);
  return { event, requests: await rrepo.listRequestsOfEvent(db, event.id, now, status) };
}

/** Who may be the sender: the actor's approved representatives, or anyone approved for staff. */
async function senders(db: Db, actor: Actor, eventId: string) {
  const all = isFacilitator(actor)
    ? await prepo.listParticipants(db, eventId, APPROVED)
    : await prepo.listParticipantsOfUser(db, eventId, actor.userId);
  return all.filter((p) => p.status === 'approved');
}

/** The meeting request form's choices: senders the actor may act for, and every approved participant. */
export async function loadRequestForm(db: Db, actor: Actor, eventId: string | undefined) {
  const event = await requireEvent(db, eventId);
  const [from, to] = await Promise.all([
    senders(db, actor, event.id),
    prepo.listParticipants(db, event.id, APPROVED),
  ]);
  return { event, from, to };
}

/** Sends a meeting request at an existing event (see createRequest for the rules). */
export async function sendMeetingRequest(
  sql: Sql,
  actor: Actor,
  eventId: string | undefined,
  input: RequestInput,
  now: Date,
) {
  const event = await requireEvent(sql, eventId);
  const { merged } = await createRequest(sql, actor, event.id, input, now);
  return { eventId: event.id, merged };
}
