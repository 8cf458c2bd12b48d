import { createHash, randomBytes } from 'node:crypto';
import { recordAudit } from '../audit/service.js';
import type { Db, Sql } from '../db/client.js';
import { isUuid } from '../db/ids.js';
import { NotFound } from '../errors.js';
import { upsertMembership } from '../orgs/repo.js';
import { recordClaimConsent } from '../privacy/service.js';
import { type Actor, isOwningOffice } from '../suppliers/access.js';
import { findSupplier } from '../suppliers/repo.js';
import * as repo from './claim-repo.js';

const CLAIM_DAYS = 30;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A one-time link through which the IKM takes over the profile an office imported. Only the
 * office whose *binaan* it is (or an admin) may make one, and only while it is unclaimed.
 * The token is returned once; only its SHA-256 is stored.
 */
export async function createClaimLink(
  db: Db,
  actor: Actor,
  supplierId: string,
  now: Date,
): Promise<{ token: string; legalName: string }> {
  if (!isUuid(supplierId)) throw new NotFound();
  const s = await findSupplier(db, supplierId);
  if (!s || s.binaanOf === null || s.claimedAt !== null) throw new NotFound();
  if (actor.platformRole !== 'admin' && !(await isOwningOffice(db, actor, s))) throw new NotFound();
  const token = randomBytes(24).toString('base64url');
  await repo.insertClaim(db, {
    supplierId,
    tokenHash: hashToken(token),
    createdBy: actor.userId,
    expiresAt: new Date(now.getTime() + CLAIM_DAYS * 86_400_000),
  });
  return { token, legalName: s.legalName };
}

/** Looks a claim up without using it (for the landing page). */
export function peekClaim(db: Db, token: string, now: Date) {
  return repo.findUsableClaim(db, hashToken(token), now);
}

/**
 * Uses the link: the user becomes owner of the supplier organisation, which is now claimed, and
 * their consent to the privacy notice (the form required it) is recorded in the same transaction.
 */
export async function acceptClaim(
  sql: Sql,
  token: string,
  userId: string,
  now: Date,
): Promise<repo.ClaimRow> {
  return sql.begin(async (tx) => {
    const claim = await repo.consumeClaim(tx, hashToken(token), userId, now);
    if (!claim) throw new NotFound('imports.claim.invalid');
    await upsertMembership(tx, claim.supplierId, userId, 'owner');
    await recordClaimConsent(tx, userId, claim.supplierId, now);
    await recordAudit(tx, {
      actorUserId: userId,
      organizationId: claim.supplierId,
      entity: 'supplier',
      entityId: claim.supplierId,
      action: 'claim',
    });
    return claim;
  });
}
