import type { Db } from '../db/client.js';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  platformRole: 'admin' | 'facilitator' | null;
  locale: 'id' | 'en';
  createdAt: Date;
  /** Set when an admin deactivated the account (or it was erased): it may not log in. */
  deactivatedAt: Date | null;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const [row]: [UserRow?] = await db`select * from users where lower(email) = lower(${email})`;
  return row ?? null;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | null> {
  const [row]: [UserRow?] = await db`select * from users where id = ${id}`;
  return row ?? null;
}

export async function insertUser(
  db: Db,
  u: {
    email: string;
    name: string;
    passwordHash: string;
    platformRole?: 'admin' | 'facilitator' | null;
    locale?: 'id' | 'en';
  },
): Promise<UserRow> {
  const [row] = await db<UserRow[]>`
    insert into users (email, name, password_hash, platform_role, locale)
    values (${u.email}, ${u.name}, ${u.passwordHash}, ${u.platformRole ?? null}, ${u.locale ?? 'id'})
    returning *`;
  return row!;
}

export async function updateUserPassword(db: Db, id: string, passwordHash: string): Promise<void> {
  await db`update users set password_hash = ${passwordHash}, updated_at = now() where id = ${id}`;
}

export async function updateUserProfile(
  db: Db,
  id: string,
  p: { name: string; locale: 'id' | 'en' },
): Promise<void> {
  await db`update users set name = ${p.name}, locale = ${p.locale}, updated_at = now() where id = ${id}`;
}

export async function updateUserLocale(db: Db, id: string, locale: 'id' | 'en'): Promise<void> {
  await db`update users set locale = ${locale}, updated_at = now() where id = ${id}`;
}

/** What the navigation needs about a logged-in user, in one query per page. */
export async function findNavFacts(db: Db, userId: string): Promise<{ orgKinds: string[]; unread: number }> {
  const [row] = await db<{ orgKinds: string[] | null; unread: number }[]>`
    select
      (select array_agg(distinct o.kind) from memberships m join organizations o on o.id = m.organization_id
        where m.user_id = ${userId}) as org_kinds,
      (select count(*)::int from notifications where user_id = ${userId} and read_at is null) as unread`;
  return { orgKinds: row?.orgKinds ?? [], unread: row?.unread ?? 0 };
}

export interface SessionRow {
  id: string;
  createdAt: Date;
  expiresAt: Date;
  userAgent: string | null;
}

export async function listUserSessions(db: Db, userId: string, now: Date): Promise<SessionRow[]> {
  return db<SessionRow[]>`
    select id, created_at, expires_at, user_agent from user_sessions
    where user_id = ${userId} and expires_at > ${now} order by created_at desc`;
}

export async function deleteUserSession(db: Db, userId: string, sessionId: string): Promise<boolean> {
  const rows =
    await db`delete from user_sessions where id = ${sessionId} and user_id = ${userId} returning id`;
  return rows.length > 0;
}

export async function deleteOtherSessions(db: Db, userId: string, keepSessionId: string): Promise<void> {
  await db`delete from user_sessions where user_id = ${userId} and id <> ${keepSessionId}`;
}

/**
 * Ends every session of the user, what lucia's invalidateUserSessions does, but inside the
 * caller's transaction so a deactivation and its revocations commit together.
 */
export async function deleteAllUserSessions(db: Db, userId: string): Promise<number> {
  const rows = await db`delete from user_sessions where user_id = ${userId} returning id`;
  return rows.length;
}
