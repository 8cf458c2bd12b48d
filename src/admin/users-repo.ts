import type { Db } from '../db/client.js';

export type PlatformRole = 'admin' | 'facilitator';

/** A user as the admin list shows it: identity, role, offices and state, never the password hash. */
export interface AdminUserRow {
  id: string;
  email: string;
  name: string;
  platformRole: PlatformRole | null;
  locale: 'id' | 'en';
  createdAt: Date;
  deactivatedAt: Date | null;
  erasedAt: Date | null;
  orgs: { id: string; name: string; kind: string; role: string }[];
}

const orgsOf = (db: Db) => db`
  coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name, 'kind', o.kind, 'role', m.role)
    order by o.name) from memberships m join organizations o on o.id = m.organization_id
    where m.user_id = u.id), '[]'::json) as orgs`;

/**
 * Users whose name, e-mail or organisation name contains `q` (case-insensitive, trigram-indexed
 * on organisations), newest first; one more than `limit` tells the page there is a next one.
 */
export function searchUsers(db: Db, q: string, limit: number, offset: number): Promise<AdminUserRow[]> {
  const like = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  const filter = q
    ? db`where u.name ilike ${like} or u.email ilike ${like} or exists (
        select 1 from memberships m join organizations o on o.id = m.organization_id
        where m.user_id = u.id and o.name ilike ${like})`
    : db``;
  return db<AdminUserRow[]>`
    select u.id, u.email, u.name, u.platform_role, u.locale, u.created_at, u.deactivated_at, u.erased_at,
      ${orgsOf(db)}
    from users u ${filter}
    order by u.created_at desc, u.id limit ${limit} offset ${offset}`;
}

export async function findAdminUser(db: Db, id: string): Promise<AdminUserRow | null> {
  const [row]: [AdminUserRow?] = await db`
    select u.id, u.email, u.name, u.platform_role, u.locale, u.created_at, u.deactivated_at, u.erased_at,
      ${orgsOf(db)}
    from users u where u.id = ${id}`;
  return row ?? null;
}

/**
 * Locks every active admin row and returns their ids. Two admins demoting each other at once
 * serialise here: the second sees the first's change and finds only one admin left.
 */
export async function lockActiveAdmins(db: Db): Promise<string[]> {
  const rows = await db<{ id: string }[]>`
    select id from users where platform_role = 'admin' and deactivated_at is null order by id for update`;
  return rows.map((r) => r.id);
}

/** Locks one user row for a role or state change. */
export async function lockUser(
  db: Db,
  id: string,
): Promise<{ platformRole: PlatformRole | null; deactivatedAt: Date | null; erasedAt: Date | null } | null> {
  const [row]: [{ platformRole: PlatformRole | null; deactivatedAt: Date | null; erasedAt: Date | null }?] =
    await db`select platform_role, deactivated_at, erased_at from users where id = ${id} for update`;
  return row ?? null;
}

export async function setPlatformRole(db: Db, id: string, role: PlatformRole | null): Promise<void> {
  await db`update users set platform_role = ${role}, updated_at = now() where id = ${id}`;
}

export async function setDeactivated(db: Db, id: string, at: Date | null): Promise<void> {
  await db`update users set deactivated_at = ${at}, updated_at = now() where id = ${id}`;
}

/** Offices (facilitator organisations) a facilitator may be attached to. */
export function listOffices(db: Db): Promise<{ id: string; name: string }[]> {
  return db<{ id: string; name: string }[]>`
    select id, name from organizations where kind = 'facilitator' order by name`;
}

/** True when the organisation exists and is an office. */
export async function isOffice(db: Db, id: string): Promise<boolean> {
  const [row]: [{ id: string }?] = await db`
    select id from organizations where id = ${id} and kind = 'facilitator'`;
  return !!row;
}
