import { keepOneAdmin } from '../admin/users-service.js';
import { recordAudit } from '../audit/service.js';
import { deleteAllUserSessions } from '../auth/repo.js';
import type { Db, Sql } from '../db/client.js';
import { isPgError } from '../db/client.js';
import { isUuid } from '../db/ids.js';
import { Conflict, NotFound } from '../errors.js';
import type { Actor } from '../suppliers/access.js';
import { revokeAllApiTokens } from '../tokens/service.js';
import * as erase from './erase-repo.js';
import * as ex from './export-repo.js';
import { PRIVACY_NOTICE_VERSION } from './notice.js';
import * as repo from './repo.js';

export type { ErasureRequestRow } from './repo.js';

const snake = (k: string) => k.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);

/** The database client camel-cases every key, nested JSON included; the download speaks snake_case like the API. */
function snakeDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(snakeDeep);
  if (v === null || typeof v !== 'object' || v instanceof Date) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [snake(k), snakeDeep(x)]));
}
const snakeKeys = (row: Record<string, unknown>) => snakeDeep(row) as Record<string, unknown>;

/**
 * Everything Pasok holds about the user, as one JSON document (the right of access): account,
 * organisations, owned IKM profiles with where their data came from, needs, meetings, outcomes
 * the user entered, notifications, consents, erasure requests, and sessions/tokens without secrets.
 */
export async function exportPersonalData(db: Db, userId: string, now: Date) {
  const account = await ex.exportAccount(db, userId);
  if (!account) throw new NotFound();
  const [memberships, profiles, needs, meetings, outcomes, notifications, consents, requests, credentials] =
    await Promise.all([
      ex.exportMemberships(db, userId),
      ex.exportOwnedProfiles(db, userId),
      ex.exportNeeds(db, userId),
      ex.exportMeetings(db, userId),
      ex.exportOutcomes(db, userId),
      ex.exportNotifications(db, userId),
      ex.exportConsents(db, userId),
      repo.listRequestsOfUser(db, userId),
      ex.exportCredentials(db, userId),
    ]);
  const rows = (r: Record<string, unknown>[]) => r.map(snakeKeys);
  return {
    generated_at: now.toISOString(),
    privacy_notice_version: PRIVACY_NOTICE_VERSION,
    account: snakeKeys(account),
    memberships: rows(memberships),
    supplier_profiles: rows(profiles),
    needs: rows(needs),
    meetings: rows(meetings),
    outcomes_entered: rows(outcomes),
    notifications: rows(notifications),
    consents: rows(consents),
    erasure_requests: requests.map((r) => ({
      status: r.status,
      reason: r.reason,
      requested_at: r.requestedAt,
      reviewed_at: r.reviewedAt,
    })),
    sessions: rows(credentials.sessions as Record<string, unknown>[]),
    api_tokens: rows(credentials.api_tokens as Record<string, unknown>[]),
  };
}

/** Records the owner's consent to the current privacy notice, inside the claim's transaction. */
export function recordClaimConsent(db: Db, userId: string, supplierId: string, at: Date): Promise<void> {
  return repo.insertConsent(db, {
    userId,
    supplierId,
    purpose: 'claim',
    version: PRIVACY_NOTICE_VERSION,
    at,
  });
}

/** The user's own erasure requests, for the account page. */
export function listOwnRequests(db: Db, userId: string): Promise<repo.ErasureRequestRow[]> {
  return repo.listRequestsOfUser(db, userId);
}

/** Opens an erasure request; a second open one is a 409 (the unique index decides, even under a race). */
export async function requestErasure(
  sql: Sql,
  userId: string,
  reason: string | null,
  now: Date,
): Promise<string> {
  try {
    return await sql.begin(async (tx) => {
      const id = await repo.insertErasureRequest(tx, userId, reason, now);
      await recordAudit(tx, {
        actorUserId: userId,
        organizationId: null,
        entity: 'user',
        entityId: userId,
        action: 'erasure_requested',
      });
      return id;
    });
  } catch (err) {
    if (isPgError(err, '23505')) throw new Conflict('privacy.request.already_open');
    throw err;
  }
}

/** Admins review every request; a facilitator those of people in their offices' binaan IKM. */
async function scopeOf(db: Db, actor: Actor): Promise<string[] | null> {
  return actor.platformRole === 'admin' ? null : repo.officeIdsOf(db, actor.userId);
}

/** The review queue: pending first, then closed ones, as far as the reviewer may see. */
export async function listQueue(
  db: Db,
  actor: Actor,
  status: string | null,
): Promise<repo.ErasureRequestRow[]> {
  return repo.listRequestsFor(db, await scopeOf(db, actor), status);
}

async function requestFor(db: Db, actor: Actor, id: string): Promise<repo.ErasureRequestRow> {
  const row = isUuid(id) ? await repo.findRequestFor(db, id, await scopeOf(db, actor)) : null;
  if (!row) throw new NotFound();
  return row;
}

/**
 * Decides a request. Erasing anonymises the person (see erase-repo.ts), ends their sessions and
 * tokens and disables login, all in the transaction that closes the request, so it happens once.
 * Meetings, outcomes, organisations and memberships stay: every report total is unchanged.
 */
export async function decideRequest(
  sql: Sql,
  actor: Actor,
  id: string,
  d: { erase: boolean; note: string | null },
  now: Date,
): Promise<void> {
  const request = await requestFor(sql, actor, id);
  await sql.begin(async (tx) => {
    if (d.erase) await keepOneAdmin(tx, request.userId);
    const status = d.erase ? 'erased' : 'rejected';
    const closed = await repo.closeRequest(tx, {
      id,
      status,
      reviewerId: actor.userId,
      note: d.note,
      at: now,
    });
    if (!closed) throw new Conflict('privacy.request.closed');
    if (d.erase) await eraseUser(tx, request, now);
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organizationId: null,
      entity: 'user',
      entityId: request.userId,
      action: d.erase ? 'erased' : 'erasure_rejected',
    });
  });
}

/** The placeholder name an erased person gets: the same for every row that stood for them. */
export const erasedLabel = (userId: string) => `Pengguna terhapus #${userId.slice(0, 8)}`;

async function eraseUser(tx: Db, r: repo.ErasureRequestRow, now: Date): Promise<void> {
  const label = erasedLabel(r.userId);
  await erase.anonymiseContacts(tx, r.userId, r.userEmail, label);
  await erase.anonymiseParticipants(tx, r.userId, label);
  await erase.deletePersonalRows(tx, r.userId);
  await erase.anonymiseUser(tx, r.userId, label, now);
  await deleteAllUserSessions(tx, r.userId);
  await revokeAllApiTokens(tx, r.userId, now);
}

/** A request for the API: snake_case, no reviewer e-mail. */
export function requestToJson(r: repo.ErasureRequestRow) {
  return {
    id: r.id,
    user: { id: r.userId, name: r.userName, email: r.userEmail },
    reason: r.reason,
    status: r.status,
    requested_at: r.requestedAt.toISOString(),
    reviewed_at: r.reviewedAt?.toISOString() ?? null,
    reviewer: r.reviewerName,
    review_note: r.reviewNote,
  };
}
