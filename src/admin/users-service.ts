import { recordAudit } from '../audit/service.js';
import { deleteAllUserSessions } from '../auth/repo.js';
import type { Db, Sql } from '../db/client.js';
import { isUuid } from '../db/ids.js';
import { Conflict, Invalid, NotFound } from '../errors.js';
import { upsertMembership } from '../orgs/repo.js';
import type { Actor } from '../suppliers/access.js';
import { revokeAllApiTokens } from '../tokens/service.js';
import * as repo from './users-repo.js';
import type { RoleForm, UserListQuery } from './users-schema.js';

export type { AdminUserRow } from './users-repo.js';

export const USERS_PER_PAGE = 25;

/** One page of users matching the search; `hasMore` drives the "next" link. */
export async function listUsers(
  db: Db,
  q: UserListQuery,
): Promise<{ users: repo.AdminUserRow[]; hasMore: boolean }> {
  const rows = await repo.searchUsers(db, q.q, USERS_PER_PAGE + 1, (q.page - 1) * USERS_PER_PAGE);
  return { users: rows.slice(0, USERS_PER_PAGE), hasMore: rows.length > USERS_PER_PAGE };
}

/** The user and the offices a facilitator role may attach them to; an unknown id is a 404. */
export async function userToManage(db: Db, id: string) {
  const user = isUuid(id) ? await repo.findAdminUser(db, id) : null;
  if (!user) throw new NotFound();
  return { user, offices: await repo.listOffices(db) };
}

/**
 * Refuses a change that would leave no active admin. Runs inside the change's transaction
 * after locking every active admin row, so two concurrent demotions cannot both pass.
 */
export async function keepOneAdmin(tx: Db, userId: string): Promise<void> {
  const admins = await repo.lockActiveAdmins(tx);
  if (admins.length === 1 && admins[0] === userId) throw new Conflict('admin.users.last_admin');
}

async function lockedUser(tx: Db, id: string) {
  const row = isUuid(id) ? await repo.lockUser(tx, id) : null;
  if (!row) throw new NotFound();
  return row;
}

/**
 * Grants or revokes a platform role, audited. A new facilitator joins the chosen office (an
 * office is required unless they already belong to one); demoting the last admin is refused.
 */
export async function changeRole(sql: Sql, actor: Actor, id: string, form: RoleForm): Promise<void> {
  const role = form.role === 'none' ? null : form.role;
  await sql.begin(async (tx) => {
    if (role !== 'admin') await keepOneAdmin(tx, id);
    const before = await lockedUser(tx, id);
    if (before.erasedAt) throw new Conflict('admin.users.erased');
    let officeId: string | null = null;
    if (role === 'facilitator') {
      const user = await repo.findAdminUser(tx, id);
      const hasOffice = user!.orgs.some((o) => o.kind === 'facilitator');
      if (form.office_id && !(await repo.isOffice(tx, form.office_id)))
        throw new Invalid({ office_id: 'admin.users.office_unknown' });
      if (!form.office_id && !hasOffice) throw new Invalid({ office_id: 'admin.users.office_required' });
      officeId = form.office_id;
      if (officeId) await upsertMembership(tx, officeId, id, 'member');
    }
    if (before.platformRole === role && !officeId) return;
    await repo.setPlatformRole(tx, id, role);
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organizationId: officeId,
      entity: 'user',
      entityId: id,
      action: role ? 'grant_role' : 'revoke_role',
      changes: { platform_role: [before.platformRole, role], ...(officeId ? { office: officeId } : {}) },
    });
  });
}

/**
 * Deactivates an account: it can no longer log in, and its sessions and API tokens end in the
 * same transaction. The last active admin cannot be deactivated (not even by themself).
 */
export async function deactivateUser(sql: Sql, actor: Actor, id: string, now: Date): Promise<void> {
  await sql.begin(async (tx) => {
    await keepOneAdmin(tx, id);
    const before = await lockedUser(tx, id);
    if (before.deactivatedAt) return;
    await repo.setDeactivated(tx, id, now);
    const sessions = await deleteAllUserSessions(tx, id);
    const tokens = await revokeAllApiTokens(tx, id, now);
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organizationId: null,
      entity: 'user',
      entityId: id,
      action: 'deactivate',
      changes: { sessions_revoked: sessions, tokens_revoked: tokens },
    });
  });
}

/** Lets a deactivated account log in again (its old sessions and tokens stay revoked). An erased one stays off. */
export async function reactivateUser(sql: Sql, actor: Actor, id: string): Promise<void> {
  await sql.begin(async (tx) => {
    const before = await lockedUser(tx, id);
    if (before.erasedAt) throw new Conflict('admin.users.erased');
    if (!before.deactivatedAt) return;
    await repo.setDeactivated(tx, id, null);
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organizationId: null,
      entity: 'user',
      entityId: id,
      action: 'reactivate',
    });
  });
}

/** A user for the API: snake_case fields, no secrets. */
export function userToJson(u: repo.AdminUserRow) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    platform_role: u.platformRole,
    locale: u.locale,
    created_at: u.createdAt.toISOString(),
    active: u.deactivatedAt === null,
    deactivated_at: u.deactivatedAt?.toISOString() ?? null,
    erased: u.erasedAt !== null,
    organizations: u.orgs,
  };
}
