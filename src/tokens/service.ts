import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/client.js';
import { isUuid } from '../db/ids.js';
import { NotFound } from '../errors.js';

export interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Issues a personal API token. Tokens carry 192 random bits, so a plain SHA-256 is
 * a safe way to store them (no need for a slow hash); the cleartext is returned once.
 */
export async function createApiToken(
  db: Db,
  userId: string,
  name: string,
): Promise<{ token: string; id: string }> {
  const token = `pasok_${randomBytes(24).toString('base64url')}`;
  const [row] = await db<{ id: string }[]>`
    insert into api_tokens (user_id, name, token_hash, prefix)
    values (${userId}, ${name}, ${hash(token)}, ${token.slice(0, 12)}) returning id`;
  return { token, id: row!.id };
}

export interface TokenPrincipal {
  tokenId: string;
  userId: string;
  email: string;
  name: string;
  platformRole: 'admin' | 'facilitator' | null;
  locale: 'id' | 'en';
}

/**
 * Resolves a bearer token to its user in one statement (this runs on every API request);
 * revoked or unknown tokens give null. Touches last_used_at.
 */
export async function verifyApiToken(db: Db, token: string, now: Date): Promise<TokenPrincipal | null> {
  if (!token.startsWith('pasok_') || token.length > 100) return null;
  const [row]: [TokenPrincipal?] = await db`
    update api_tokens t set last_used_at = ${now}
    from users u
    where u.id = t.user_id and t.token_hash = ${hash(token)} and t.revoked_at is null
    returning t.id as token_id, u.id as user_id, u.email, u.name, u.platform_role, u.locale`;
  return row ?? null;
}

export function listApiTokens(db: Db, userId: string): Promise<ApiTokenRow[]> {
  return db<ApiTokenRow[]>`
    select id, name, prefix, created_at, last_used_at, revoked_at from api_tokens
    where user_id = ${userId} order by created_at desc`;
}

/** Revokes one of the user's own tokens; someone else's token is NotFound. */
export async function revokeApiToken(db: Db, userId: string, tokenId: string, now: Date): Promise<void> {
  if (!isUuid(tokenId)) throw new NotFound();
  const rows = await db`
    update api_tokens set revoked_at = coalesce(revoked_at, ${now})
    where id = ${tokenId} and user_id = ${userId} returning id`;
  if (rows.length === 0) throw new NotFound();
}

/**
 * Revokes every live token of the user: a password change or "log out of all devices"
 * means the old credentials may be in someone else's hands, and tokens are credentials too.
 */
export async function revokeAllApiTokens(db: Db, userId: string, now: Date): Promise<number> {
  const rows = await db`
    update api_tokens set revoked_at = ${now}
    where user_id = ${userId} and revoked_at is null returning id`;
  return rows.length;
}
