import type { Db } from '../db/client.js';

export async function insertConsent(
  db: Db,
  c: {
    userId: string;
    supplierId: string | null;
    purpose: 'claim' | 'registration';
    version: string;
    at: Date;
  },
): Promise<void> {
  await db`
    insert into privacy_consents (user_id, supplier_id, purpose, notice_version, consented_at)
    values (${c.userId}, ${c.supplierId}, ${c.purpose}, ${c.version}, ${c.at})`;
}

export interface ErasureRequestRow {
  id: string;
  userId: string;
  userName: string;
  userEmail: string;
  reason: string | null;
  status: 'pending' | 'erased' | 'rejected';
  requestedAt: Date;
  reviewedAt: Date | null;
  reviewerName: string | null;
  reviewNote: string | null;
}

/** Opens a request; the partial unique index turns a second open one into a 23505. */
export async function insertErasureRequest(
  db: Db,
  userId: string,
  reason: string | null,
  at: Date,
): Promise<string> {
  const [row]: [{ id: string }?] = await db`
    insert into erasure_requests (user_id, reason, requested_at) values (${userId}, ${reason}, ${at}) returning id`;
  return row!.id;
}

const requestColumns = (db: Db) => db`
  r.id, r.user_id, u.name as user_name, u.email as user_email, r.reason, r.status, r.requested_at,
  r.reviewed_at, rv.name as reviewer_name, r.review_note`;

/** The user's own requests, newest first. */
export function listRequestsOfUser(db: Db, userId: string): Promise<ErasureRequestRow[]> {
  return db<ErasureRequestRow[]>`
    select ${requestColumns(db)} from erasure_requests r join users u on u.id = r.user_id
    left join users rv on rv.id = r.reviewed_by
    where r.user_id = ${userId} order by r.requested_at desc`;
}

/**
 * Requests a reviewer may see: every one for an admin (`officeIds` null); for a facilitator,
 * those of people who belong to an IKM that is a binaan of one of the facilitator's offices.
 */
export function listRequestsFor(
  db: Db,
  officeIds: string[] | null,
  status: string | null,
): Promise<ErasureRequestRow[]> {
  return db<ErasureRequestRow[]>`
    select ${requestColumns(db)} from erasure_requests r join users u on u.id = r.user_id
    left join users rv on rv.id = r.reviewed_by
    where ${status ? db`r.status = ${status}` : db`true`}
      ${officeIds === null ? db`` : db`and ${relevantTo(db, officeIds)}`}
    order by (r.status = 'pending') desc, r.requested_at limit 200`;
}

const relevantTo = (db: Db, officeIds: string[]) => db`exists (
  select 1 from memberships m join suppliers s on s.organization_id = m.organization_id
  where m.user_id = r.user_id and s.binaan_of = any(${officeIds}::uuid[]))`;

/** One request if this reviewer may see it (admins: `officeIds` null). */
export async function findRequestFor(
  db: Db,
  id: string,
  officeIds: string[] | null,
): Promise<ErasureRequestRow | null> {
  const [row]: [ErasureRequestRow?] = await db`
    select ${requestColumns(db)} from erasure_requests r join users u on u.id = r.user_id
    left join users rv on rv.id = r.reviewed_by
    where r.id = ${id} ${officeIds === null ? db`` : db`and ${relevantTo(db, officeIds)}`}`;
  return row ?? null;
}

/** Closes a pending request; null when someone else closed it first (the second reviewer loses). */
export async function closeRequest(
  db: Db,
  r: { id: string; status: 'erased' | 'rejected'; reviewerId: string; note: string | null; at: Date },
): Promise<{ userId: string } | null> {
  const [row]: [{ userId: string }?] = await db`
    update erasure_requests set status = ${r.status}, reviewed_by = ${r.reviewerId}, review_note = ${r.note},
      reviewed_at = ${r.at}
    where id = ${r.id} and status = 'pending' returning user_id`;
  return row ?? null;
}

/** The offices (facilitator organisations) the user belongs to. */
export async function officeIdsOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db<{ id: string }[]>`
    select o.id from memberships m join organizations o on o.id = m.organization_id
    where m.user_id = ${userId} and o.kind = 'facilitator'`;
  return rows.map((r) => r.id);
}
