import { recordAudit } from '../audit/service.js';
import type { Db, Sql } from '../db/client.js';
import { Conflict, Forbidden, Invalid } from '../errors.js';
import { type Actor, isFacilitator, requireView } from './access.js';
import * as repo from './repo.js';
import { listQueueRows, type QueueRow } from './review-repo.js';
import type { SupplierStatus } from './schema.js';

export type { QueueRow } from './review-repo.js';

export type Decision = 'verify' | 'reject' | 'suspend' | 'reinstate';

/** Allowed transitions: decision → [from states, to state, reason required]. */
const TRANSITIONS: Record<Decision, [SupplierStatus[], SupplierStatus, boolean]> = {
  verify: [['submitted', 'verified', 'rejected'], 'verified', false],
  reject: [['submitted', 'verified'], 'rejected', true],
  suspend: [['verified', 'submitted'], 'suspended', true],
  reinstate: [['suspended'], 'verified', false],
};

/** The IKM asks for verification: draft or rejected → submitted. */
export async function submitForReview(sql: Sql, actor: Actor, orgId: string): Promise<repo.SupplierRow> {
  return sql.begin(async (tx) => {
    const s = await repo.lockSupplier(tx, orgId);
    const access = await requireView(tx, actor, s);
    if (!access.edit) throw new Forbidden();
    if (!['draft', 'rejected'].includes(s!.status)) throw new Conflict('suppliers.already_submitted');
    const out = await repo.setStatus(tx, orgId, { status: 'submitted', reason: null, now: new Date() });
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organizationId: orgId,
      entity: 'supplier',
      entityId: orgId,
      action: 'submit',
      changes: { status: [s!.status, 'submitted'] },
    });
    return out;
  });
}

/**
 * A facilitator's decision. Re-verifying a verified profile that was flagged after a
 * material edit clears the flag. Every decision is audited with its reason.
 */
export async function decide(
  sql: Sql,
  actor: Actor,
  orgId: string,
  decision: Decision,
  reason: string | null,
  now: Date,
): Promise<repo.SupplierRow> {
  if (!isFacilitator(actor)) throw new Forbidden();
  const [from, to, needsReason] = TRANSITIONS[decision];
  if (needsReason && !reason?.trim()) throw new Invalid({ reason: 'v.required' });
  return sql.begin(async (tx) => {
    const s = await repo.lockSupplier(tx, orgId);
    await requireView(tx, actor, s);
    const reverify = decision === 'verify' && s!.status === 'verified' && s!.needsReview;
    if (!from.includes(s!.status) && !reverify) throw new Conflict('suppliers.bad_transition');
    const out = await repo.setStatus(tx, orgId, {
      status: to,
      reason: needsReason ? reason!.trim() : null,
      verifiedBy: actor.userId,
      now,
    });
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organizationId: orgId,
      entity: 'supplier',
      entityId: orgId,
      action: decision,
      changes: { status: [s!.status, to], ...(reason ? { reason } : {}) },
    });
    return out;
  });
}

/** The review queue: submitted profiles and verified ones flagged for re-review, oldest first. */
export function listReviewQueue(
  db: Db,
  f: { status?: SupplierStatus | 'review'; province?: string; q?: string; limit?: number },
): Promise<QueueRow[]> {
  return listQueueRows(db, { ...f, status: f.status ?? 'review', limit: f.limit ?? 200 });
}
