import type { Db, Sql } from '../db/client.js';
import { isPgError } from '../db/client.js';
import { Invalid, RateLimited } from '../errors.js';
import { hitRateLimit, resetRateLimit } from '../http/rate-limit.js';
import { insertOrganizationWithOwner } from '../orgs/service.js';
import { getDummyHash, hashPassword, verifyPassword } from './password.js';
import * as repo from './repo.js';
import type { OrgKind } from './schema.js';

/** Login throttling: failed attempts per account, and all attempts per client address. */
export const LOGIN_LIMITS = {
  perAccount: { limit: 8, windowSeconds: 15 * 60 },
  perIp: { limit: 40, windowSeconds: 15 * 60 },
} as const;

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
 * Checks credentials under both rate limits. Unknown emails still cost one argon2
 * verification so response time does not reveal which accounts exist.
 */
export async function authenticate(
  db: Db,
  input: { email: string; password: string; ip: string; now: Date },
): Promise<repo.UserRow | null> {
  const email = input.email.trim().toLowerCase();
  const ipHit = await hitRateLimit(
    db,
    `login-ip:${input.ip}`,
    LOGIN_LIMITS.perIp.limit,
    LOGIN_LIMITS.perIp.windowSeconds,
    input.now,
  );
  if (!ipHit.allowed) throw new RateLimited(ipHit.retryAfterSeconds);
  const accountHit = await hitRateLimit(
    db,
    `login-account:${email}`,
    LOGIN_LIMITS.perAccount.limit,
    LOGIN_LIMITS.perAccount.windowSeconds,
    input.now,
  );
  if (!accountHit.allowed) throw new RateLimited(accountHit.retryAfterSeconds);

  const user = await repo.findUserByEmail(db, email);
  const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), input.password);
  if (!user || !ok) return null;
  await resetRateLimit(db, `login-account:${email}`);
  return user;
}

/** Verifies the current password, then stores the new hash. Session revocation is the caller's (it owns lucia). */
export async function changePassword(db: Db, userId: string, current: string, next: string): Promise<void> {
  const user = await repo.findUserById(db, userId);
  if (!user || !(await verifyPassword(user.passwordHash, current))) {
    throw new Invalid({ current_password: 'account.password.wrong' });
  }
  await repo.updateUserPassword(db, userId, await hashPassword(next));
}
