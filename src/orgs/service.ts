import { createHash, randomBytes } from 'node:crypto';
import type { Db, Sql } from '../db/client.js';
import { isUuid } from '../db/ids.js';
import { Forbidden, NotFound } from '../errors.js';
import * as repo from './repo.js';

const INVITE_DAYS = 7;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates an organisation with its first owner, atomically. */
export async function createOrganization(
  sql: Sql,
  input: { name: string; kind: repo.OrgKind; ownerId: string },
): Promise<repo.OrgRow> {
  return sql.begin((tx) => insertOrganizationWithOwner(tx, input));
}

/** The body of createOrganization, for callers that already hold a transaction. */
export async function insertOrganizationWithOwner(
  db: Db,
  input: { name: string; kind: repo.OrgKind; ownerId: string },
): Promise<repo.OrgRow> {
  const org = await repo.insertOrganization(db, { name: input.name, kind: input.kind });
  await repo.upsertMembership(db, org.id, input.ownerId, 'owner');
  return org;
}

/**
 * Membership check used by every org-scoped route. A non-member gets NotFound, not
 * Forbidden, so the existence of another organisation's private data is not revealed.
 */
export async function requireMembership(db: Db, orgId: string, userId: string): Promise<repo.MembershipRow> {
  if (!isUuid(orgId)) throw new NotFound();
  const m = await repo.findMembership(db, orgId, userId);
  if (!m) throw new NotFound();
  return m;
}

/** Owner-only: returns the one-time token (shown once; only its hash is stored). */
export async function createInvite(
  db: Db,
  input: { orgId: string; userId: string; role: repo.OrgRole; now: Date },
): Promise<string> {
  const m = await requireMembership(db, input.orgId, input.userId);
  if (m.role !== 'owner') throw new Forbidden('orgs.owner_only');
  const token = randomBytes(24).toString('base64url');
  await repo.insertInvite(db, {
    orgId: input.orgId,
    tokenHash: hashToken(token),
    role: input.role,
    createdBy: input.userId,
    expiresAt: new Date(input.now.getTime() + INVITE_DAYS * 86_400_000),
  });
  return token;
}

/** Looks an invite up without using it (for the accept page). */
export function peekInvite(db: Db, token: string, now: Date) {
  return repo.findUsableInvite(db, hashToken(token), now);
}

/** Uses the invite and adds the membership in one transaction; a used or expired link is NotFound. */
export async function acceptInvite(
  sql: Sql,
  token: string,
  userId: string,
  now: Date,
): Promise<repo.InviteRow> {
  return sql.begin(async (tx) => {
    const invite = await repo.consumeInvite(tx, hashToken(token), userId, now);
    if (!invite) throw new NotFound('orgs.invite.invalid');
    await repo.upsertMembership(tx, invite.organizationId, userId, invite.role);
    return invite;
  });
}
