import type { Db, Sql } from '../db/client.js';
import { isPgError } from '../db/client.js';
import { Invalid } from '../errors.js';
import { insertOrganizationWithOwner } from '../orgs/service.js';
import { revokeAllApiTokens } from '../tokens/service.js';
import { getDummyHash, hashPassword, verifyPassword } from './password.js';
import * as repo from './repo.js';
import type { OrgKind } from './schema.js';
import { checkLoginAllowed, recordLoginFailure, recordLoginSuccess } from './throttle.js';

export { LOGIN_LIMITS } from './throttle.js';

export interface RegisterInput {
  email: string;
  name: string;
  password: string;
  platformRole?: 'admin' | 'facilitator' | null;
  locale?: 'id' | 'en';
  org?: { name: string; kind: OrgKind } | null;
}

/** Creates a user (and optionally their organisation). A taken email is a field error, enforced by the unique index. */
export async function registerUser(sql: Sql, input: RegisterInput): Promise<repo.UserRow> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await sql.begin(async (tx) => {
      const user = await repo.insertUser(tx, {
        email: input.email,
        name: input.name,
        passwordHash,
        platformRole: input.platformRole ?? null,
        locale: input.locale ?? 'id',
      });
      if (input.org) {
        await insertOrganizationWithOwner(tx, {
          name: input.org.name,
          kind: input.org.kind,
          ownerId: user.id,
        });
      }
      return user;
    });
  } catch (err) {
    if (isPgError(err, '23505')) throw new Invalid({ email: 'auth.email_taken' });
    throw err;
  }
}

/**
 * Checks credentials under the login limits (see throttle.ts); only failures count.
 * Unknown emails still cost one argon2 verification so response time does not reveal accounts.
 */
export async function authenticate(
  db: Db,
  input: { email: string; password: string; ip: string; now: Date; device: string },
): Promise<repo.UserRow | null> {
  const email = input.email.trim().toLowerCase();
  const who = { email, ip: input.ip, now: input.now };
  await checkLoginAllowed(db, { ...who, device: input.device });
  const user = await repo.findUserByEmail(db, email);
  const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), input.password);
  if (!user || !ok) {
    await recordLoginFailure(db, who);
    return null;
  }
  await recordLoginSuccess(db, { ...who, device: input.device });
  return user;
}

/**
 * Verifies the current password, then stores the new hash and revokes every API token in the
 * same transaction. Session revocation is the caller's (it owns lucia).
 */
export async function changePassword(
  sql: Sql,
  userId: string,
  current: string,
  next: string,
  now: Date,
): Promise<void> {
  const user = await repo.findUserById(sql, userId);
  if (!user || !(await verifyPassword(user.passwordHash, current))) {
    throw new Invalid({ current_password: 'account.password.wrong' });
  }
  const passwordHash = await hashPassword(next);
  await sql.begin(async (tx) => {
    await repo.updateUserPassword(tx, userId, passwordHash);
    await revokeAllApiTokens(tx, userId, now);
  });
}
