import type { Db, Sql } from '../db/client.js';
import { isUuid } from '../db/ids.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.js';
import { type Actor, canActFor, isFacilitator, requireActFor, requireEvent } from './access.js';
import { requireBuyerSupplierPair } from './pairing.js';
import { findParticipant } from './participants-repo.js';
import * as repo from './requests-repo.js';
import { requestsOpen } from './service.js';

export interface RequestInput {
  from: string;
  to: string;
  priority: number;
  message: string;
}

export interface CreatedRequest {
  request: repo.RequestRow;
  /** True when the other side had already asked: the two merged into one accepted request. */
  merged: boolean;
}

/**
 * A participant asks another for a meeting. Rules, in order: the actor acts for `from` (members,
 * or facilitators on anyone's behalf); both sides are from different organisations, one a buyer
 * and the other a supplier (unless staff asks); both are approved;
 * before the deadline and within the quota (facilitators are exempt from both: they fix things
 * by hand). Race-free by construction: the sender's row is locked while its quota is counted, and
 * the unique index on the unordered pair means a simultaneous reverse request cannot be inserted
 * twice: whichever comes second finds the first and merges into it.
 */
export async function createRequest(
  sql: Sql,
  actor: Actor,
  eventId: string,
  input: RequestInput,
  now: Date,
): Promise<CreatedRequest> {
  const event = await requireEvent(sql, eventId);
  const from = await findParticipant(sql, event.id, input.from);
  if (!from) throw new NotFound();
  await requireActFor(sql, actor, from.organizationId);
  const to = await findParticipant(sql, event.id, input.to);
  if (!to) throw new Invalid({ to: 'v.choice' });
  if (to.organizationId === from.organizationId) throw new Invalid({ to: 'v.events.same_org' });
  await requireBuyerSupplierPair(sql, actor, from.organizationId, to.organizationId, 'to');
  if (from.status !== 'approved' || to.status !== 'approved')
    throw new Conflict('events.conflict.not_approved');
  const staff = isFacilitator(actor);
  if (!staff && !requestsOpen(event, now)) throw new Conflict('events.conflict.deadline_passed');

  const result = await sql.begin(async (tx) => {
    await repo.lockParticipant(tx, from.id);
    for (let attempt = 0; attempt < 2; attempt++) {
      const existing = await repo.findPairForUpdate(tx, event.id, from.id, to.id);
      if (existing) return mergeInto(tx, existing, from.id, input, actor, now);
      if (!staff && (await repo.countActiveOutgoing(tx, from.id, now)) >= event.requestQuota)
        throw new Conflict('events.conflict.quota');
      const id = await repo.insertRequestIfNew(tx, {
        eventId: event.id,
        from: from.id,
        to: to.id,
        priority: input.priority,
        message: input.message,
        createdBy: actor.userId,
      });
      if (id) return { id, merged: false };
      // A concurrent request for the same pair committed first: merge into it on the next pass.
    }
    throw new Conflict('events.conflict.already_requested');
  });
  return { request: (await repo.findRequest(sql, result.id, now))!, merged: result.merged };
}

async function mergeInto(
  tx: Db,
  existing: repo.StoredRequest,
  fromId: string,
  input: RequestInput,
  actor: Actor,
  now: Date,
): Promise<{ id: string; merged: boolean }> {
  if (existing.fromParticipantId === fromId) throw new Conflict('events.conflict.already_requested');
  // The other side asked us earlier; asking back means yes, whatever we had answered before.
  await repo.mergeRequest(tx, existing.id, {
    priority: input.priority,
    message: input.message,
    by: actor.userId,
    now,
  });
  return { id: existing.id, merged: true };
}

/**
 * The receiving side answers. Members answer pending requests before the deadline; facilitators
 * may answer on their behalf at any time, and may also accept an expired or declined request.
 * The sending side cannot answer its own request (Forbidden); strangers get NotFound.
 */
export async function answerRequest(
  sql: Sql,
  actor: Actor,
  requestId: string | undefined,
  answer: 'accepted' | 'declined',
  now: Date,
  eventId?: string,
): Promise<repo.RequestRow> {
  const request = await requireVisibleRequest(sql, actor, requestId, now);
  if (eventId && request.eventId !== eventId) throw new NotFound();
  const staff = isFacilitator(actor);
  if (!staff && !(await canActFor(sql, actor, request.toOrgId))) throw new Forbidden();
  await sql.begin(async (tx) => {
    const stored = await repo.findRequestForUpdate(tx, request.id);
    if (!stored) throw new NotFound();
    const current = await repo.findRequest(tx, request.id, now);
    const status = current!.status;
    if (status === answer) return;
    if (!staff) {
      if (status === 'expired') throw new Conflict('events.conflict.expired');
      if (status !== 'pending') throw new Conflict('events.conflict.already_answered');
    } else if (status === 'accepted') {
      throw new Conflict('events.conflict.already_answered');
    }
    await repo.setRequestStatus(tx, request.id, answer, actor.userId, now);
  });
  return (await repo.findRequest(sql, request.id, now))!;
}

/** A request is visible to both sides and to facilitators; anyone else gets NotFound. */
export async function requireVisibleRequest(
  db: Db,
  actor: Actor,
  requestId: string | undefined,
  now: Date,
): Promise<repo.RequestRow> {
  if (!isUuid(requestId)) throw new NotFound();
  const request = await repo.findRequest(db, requestId, now);
  if (!request) throw new NotFound();
  if (isFacilitator(actor)) return request;
  if ((await canActFor(db, actor, request.fromOrgId)) || (await canActFor(db, actor, request.toOrgId)))
    return request;
  throw new NotFound();
}

/** Requests in the API's snake_case shape. */
export function requestToJson(r: repo.RequestRow) {
  return {
    id: r.id,
    event_id: r.eventId,
    from: r.fromParticipantId,
    to: r.toParticipantId,
    priority: r.priority,
    message: r.message,
    status: r.status,
    mutual: r.mutual,
    created_at: r.createdAt.toISOString(),
    responded_at: r.respondedAt ? r.respondedAt.toISOString() : null,
  };
}
