import type { Db } from '../db/client.js';

/** A token as its owner sees it in the list: never the hash, only the visible prefix. */
export interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** The user a live token stands for, as the API authenticates it. */
export interface TokenPrincipal {
  tokenId: string;
  userId: string;
  email: string;
  name: string;
  platformRole: 'admin' | 'facilitator' | null;
  locale: 'id' | 'en';
}

/** Stores a new token by its hash; the cleartext never reaches the database. */
export async function insertApiToken(
  db: Db,
  t: { userId: string; name: string; tokenHash: string; prefix: string },
): Promise<string> {
  const [row]: [{ id: string }?] = await db`
    insert into api_tokens (user_id, name, token_hash, prefix)
    values (${t.userId}, ${t.name}, ${t.tokenHash}, ${t.prefix}) returning id`;
  return row!.id;
}

/**
 * Finds the live token with this hash and its user, and touches last_used_at in the same
 * statement at most once a minute. Every API request runs this: a write per request would put
 * all of one client's concurrent requests in a queue for the same row lock and WAL flush, while a
 * false condition takes no lock and writes nothing.
 */
export async function touchApiTokenByHash(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<TokenPrincipal | null> {
  const [row]: [TokenPrincipal?] = await db`
    with hit as (
      select t.id as token_id, u.id as user_id, u.email, u.name, u.platform_role, u.locale
      from api_tokens t join users u on u.id = t.user_id
      where t.token_hash = ${tokenHash} and t.revoked_at is null and u.deactivated_at is null
    ), touched as (
      update api_tokens set last_used_at = ${now}
      where id = (select token_id from hit)
        and (last_used_at is null or last_used_at < ${now}::timestamptz - interval '1 minute')
    )
    select * from hit`;
  return row ?? null;
}

/** The user's tokens, newest first, revoked ones included so the list explains itself. */
export function listApiTokensOfUser(db: Db, userId: string): Promise<ApiTokenRow[]> {
  return db<ApiTokenRow[]>`
    select id, name, prefix, created_at, last_used_at, revoked_at from api_tokens
    where user_id = ${userId} order by created_at desc`;
}

/** Revokes one token of this user (keeping the first revocation time); false when it is not theirs. */
export async function revokeApiTokenOfUser(
  db: Db,
  userId: string,
  tokenId: string,
  now: Date,
): Promise<boolean> {
  const rows = await db`
    update api_tokens set revoked_at = coalesce(revoked_at, ${now})
    where id = ${tokenId} and user_id = ${userId} returning id`;
  return rows.length > 0;
}

/** Revokes every live token of the user; returns how many were live. */
export async function revokeLiveApiTokensOfUser(db: Db, userId: string, now: Date): Promise<number> {
  const rows = await db`
    update api_tokens set revoked_at = ${now}
    where user_id = ${userId} and revoked_at is null returning id`;
  return rows.length;
}
