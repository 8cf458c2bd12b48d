import { recordAudit } from '../audit/service.js';
import type { Db, Sql } from '../db/client.js';
import { Conflict, Forbidden, Invalid } from '../errors.js';
import { type Actor, isFacilitator, requireView } from './access.js';
import * as repo from './repo.js';
import type { SupplierStatus } from './schema.js';

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

export interface QueueRow {
  organizationId: string;
  legalName: string;
  status: SupplierStatus;
  needsReview: boolean;
  regencyCode: string | null;
  regencyName: string | null;
  provinceCode: string | null;
  updatedAt: Date;
  binaanOf: string | null;
}

/** The review queue: submitted profiles and verified ones flagged for re-review, oldest first. */
export function listReviewQueue(
  db: Db,
  f: { status?: SupplierStatus | 'review'; province?: string; q?: string; limit?: number },
): Promise<QueueRow[]> {
  const status = f.status ?? 'review';
  return db<QueueRow[]>`
    select s.organization_id, s.legal_name, s.status, s.needs_review, s.regency_code, r.name as regency_name,
      s.province_code, s.updated_at, s.binaan_of
    from suppliers s left join regions r on r.code = s.regency_code
    where ${status === 'review' ? db`(s.status = 'submitted' or (s.status = 'verified' and s.needs_review))` : db`s.status = ${status}`}
      ${f.province ? db`and s.province_code = ${f.province}` : db``}
      ${f.q ? db`and s.name_norm like ${`%${f.q.toLowerCase().replace(/[%_\\]/g, '')}%`}` : db``}
    order by s.updated_at asc limit ${f.limit ?? 200}`;
}
