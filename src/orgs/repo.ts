import type { Db } from '../db/client.js';

export type OrgKind = 'supplier' | 'buyer' | 'facilitator';
export type OrgRole = 'owner' | 'member';

export interface OrgRow {
  id: string;
  name: string;
  kind: OrgKind;
  createdAt: Date;
}

export interface MembershipRow {
  id: string;
  name: string;
  kind: OrgKind;
  role: OrgRole;
}

export async function insertOrganization(db: Db, o: { name: string; kind: OrgKind }): Promise<OrgRow> {
  const [row] = await db<
    OrgRow[]
  >`insert into organizations (name, kind) values (${o.name}, ${o.kind}) returning *`;
  return row!;
}

export async function findOrganizationById(db: Db, id: string): Promise<OrgRow | null> {
  const [row]: [OrgRow?] = await db`select * from organizations where id = ${id}`;
  return row ?? null;
}

export async function findOrganizationByName(db: Db, name: string): Promise<OrgRow | null> {
  const [row]: [OrgRow?] =
    await db`select * from organizations where lower(name) = lower(${name}) order by created_at limit 1`;
  return row ?? null;
}

export async function upsertMembership(db: Db, orgId: string, userId: string, role: OrgRole): Promise<void> {
  await db`
    insert into memberships (organization_id, user_id, role) values (${orgId}, ${userId}, ${role})
    on conflict (organization_id, user_id) do update
      set role = case when memberships.role = 'owner' then 'owner' else excluded.role end`;
}

export async function listMembershipsForUser(db: Db, userId: string): Promise<MembershipRow[]> {
  return db<MembershipRow[]>`
    select o.id, o.name, o.kind, m.role from memberships m join organizations o on o.id = m.organization_id
    where m.user_id = ${userId} order by o.name`;
}

export async function findMembership(db: Db, orgId: string, userId: string): Promise<MembershipRow | null> {
  const [row]: [MembershipRow?] = await db`
    select o.id, o.name, o.kind, m.role from memberships m join organizations o on o.id = m.organization_id
    where m.organization_id = ${orgId} and m.user_id = ${userId}`;
  return row ?? null;
}

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: OrgRole;
  createdAt: Date;
}

export async function listMembers(db: Db, orgId: string): Promise<MemberRow[]> {
  return db<MemberRow[]>`
    select u.id as user_id, u.name, u.email, m.role, m.created_at from memberships m join users u on u.id = m.user_id
    where m.organization_id = ${orgId} order by m.role desc, u.name`;
}

export async function insertInvite(
  db: Db,
  i: { orgId: string; tokenHash: string; role: OrgRole; createdBy: string; expiresAt: Date },
): Promise<void> {
  await db`
    insert into org_invites (organization_id, token_hash, role, created_by, expires_at)
    values (${i.orgId}, ${i.tokenHash}, ${i.role}, ${i.createdBy}, ${i.expiresAt})`;
}

export interface InviteRow {
  id: string;
  organizationId: string;
  orgName: string;
  role: OrgRole;
}

export async function findUsableInvite(db: Db, tokenHash: string, now: Date): Promise<InviteRow | null> {
  const [row]: [InviteRow?] = await db`
    select i.id, i.organization_id, o.name as org_name, i.role from org_invites i
    join organizations o on o.id = i.organization_id
    where i.token_hash = ${tokenHash} and i.used_at is null and i.expires_at > ${now}`;
  return row ?? null;
}

/** Marks the invite used in the same statement that checks it, so a link works exactly once. */
export async function consumeInvite(
  db: Db,
  tokenHash: string,
  userId: string,
  now: Date,
): Promise<InviteRow | null> {
  const [row]: [InviteRow?] = await db`
    update org_invites i set used_at = ${now}, used_by = ${userId}
    from organizations o
    where o.id = i.organization_id and i.token_hash = ${tokenHash} and i.used_at is null and i.expires_at > ${now}
    returning i.id, i.organization_id, o.name as org_name, i.role`;
  return row ?? null;
}
