import type { Db, Sql } from '../db/client.js';
import { isPgError } from '../db/client.js';
import { translator } from '../i18n/index.js';
import type { Jobs } from '../jobs/queue.js';
import { insertOrganizationWithOwner } from '../orgs/service.js';
import { hashPassword } from './password.js';
import * as repo from './repo.js';
import type { RegisterInput } from './service.js';

/**
 * Self-service registration that does not reveal which e-mails have accounts: known and
 * unknown addresses get the same answer after the same work (one argon2 hash, one lookup,
 * one queued e-mail). A new address gets its account and a welcome e-mail; an address that
 * already has an account gets no change, and its owner an e-mail saying someone tried.
 * `onCreated` runs in the account's transaction (the public event page registers the new
 * organisation for the event there), so both happen or neither.
 */
export async function requestAccount(
  sql: Sql,
  jobs: Jobs | null,
  input: Required<Pick<RegisterInput, 'email' | 'name' | 'password' | 'locale'>> & Pick<RegisterInput, 'org'>,
  appOrigin: string,
  onCreated?: (tx: Db, created: { userId: string; orgId: string | null }) => Promise<void>,
): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  const existing = await repo.findUserByEmail(sql, input.email);
  if (existing) return tellOwner(sql, jobs, existing, appOrigin);
  try {
    await sql.begin(async (tx) => {
      const user = await repo.insertUser(tx, {
        email: input.email,
        name: input.name,
        passwordHash,
        locale: input.locale,
      });
      const org = input.org
        ? await insertOrganizationWithOwner(tx, {
            name: input.org.name,
            kind: input.org.kind,
            ownerId: user.id,
          })
        : null;
      await onCreated?.(tx, { userId: user.id, orgId: org?.id ?? null });
      const t = translator(user.locale);
      await jobs?.send(
        'mail.send',
        {
          to: user.email,
          subject: `[Pasok] ${t('auth.mail.welcome.subject')}`,
          text: t('auth.mail.welcome.body', { name: user.name, url: `${appOrigin}/login` }),
        },
        {},
        tx,
      );
    });
  } catch (err) {
    // Lost a race with another registration of the same address: answer as for a known one.
    if (!isPgError(err, '23505')) throw err;
    const owner = await repo.findUserByEmail(sql, input.email);
    if (owner) await tellOwner(sql, jobs, owner, appOrigin);
  }
}

async function tellOwner(sql: Sql, jobs: Jobs | null, owner: repo.UserRow, appOrigin: string): Promise<void> {
  const t = translator(owner.locale);
  await jobs?.send(
    'mail.send',
    {
      to: owner.email,
      subject: `[Pasok] ${t('auth.mail.exists.subject')}`,
      text: t('auth.mail.exists.body', { name: owner.name, url: `${appOrigin}/login` }),
    },
    {},
    sql,
  );
}
