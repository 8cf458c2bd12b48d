import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/client.js';
import { isUuid } from '../db/ids.js';
import { NotFound } from '../errors.js';
import * as repo from './repo.js';

export type { ApiTokenRow, TokenPrincipal } from './repo.js';

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
  const id = await repo.insertApiToken(db, {
    userId,
    name,
    tokenHash: hash(token),
    prefix: token.slice(0, 12),
  });
  return { token, id };
}

/**
 * Resolves a bearer token to its user in one statement (this runs on every API request);
 * revoked or unknown tokens give null. Touches last_used_at (at most once a minute).
 */
export async function verifyApiToken(db: Db, token: string, now: Date): Promise<repo.TokenPrincipal | null> {
  if (!token.startsWith('pasok_') || token.length > 100) return null;
  return repo.touchApiTokenByHash(db, hash(token), now);
}

/** The user's own tokens for the settings page; the hashes stay in the database. */
export function listApiTokens(db: Db, userId: string): Promise<repo.ApiTokenRow[]> {
  return repo.listApiTokensOfUser(db, userId);
}

/** Revokes one of the user's own tokens; someone else's token is NotFound. */
export async function revokeApiToken(db: Db, userId: string, tokenId: string, now: Date): Promise<void> {
  if (!isUuid(tokenId)) throw new NotFound();
  if (!(await repo.revokeApiTokenOfUser(db, userId, tokenId, now))) throw new NotFound();
}

/**
 * Revokes every live token of the user: a password change or "log out of all devices"
 * means the old credentials may be in someone else's hands, and tokens are credentials too.
 */
export async function revokeAllApiTokens(db: Db, userId: string, now: Date): Promise<number> {
  return repo.revokeLiveApiTokensOfUser(db, userId, now);
}
