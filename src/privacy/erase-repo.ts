import type { Db } from '../db/client.js';

/**
 * Anonymises the account itself: a placeholder name, an e-mail that can never receive mail or
 * match a login (the `.invalid` TLD is reserved), a password hash no password verifies, no role,
 * and login disabled. The row stays, so memberships, meetings and outcomes keep their counts.
 */
export async function anonymiseUser(db: Db, userId: string, label: string, at: Date): Promise<void> {
  await db`
    update users set name = ${label}, email = ${`erased-${userId}@erased.invalid`}, password_hash = '!erased',
      platform_role = null, deactivated_at = coalesce(deactivated_at, ${at}), erased_at = ${at}, updated_at = ${at}
    where id = ${userId}`;
}

/**
 * Contact people who are this user: by e-mail anywhere, and every contact of an IKM the user is
 * the only member of (a one-person business lists its owner). Names become the placeholder, phones
 * (WhatsApp included) and e-mails are nulled; the sole owner's business address goes too.
 */
export async function anonymiseContacts(
  db: Db,
  userId: string,
  email: string,
  label: string,
): Promise<number> {
  const soleOrgs = db`
    select m.organization_id from memberships m where m.user_id = ${userId}
      and not exists (select 1 from memberships o where o.organization_id = m.organization_id and o.user_id <> ${userId})`;
  const rows = await db`
    update supplier_contacts set name = ${label}, phone = null, email = null, role = null
    where lower(email) = lower(${email}) or supplier_id in (${soleOrgs}) returning id`;
  await db`update suppliers set address = null, updated_at = now() where organization_id in (${soleOrgs})`;
  return rows.length;
}

/** Event participant names that stood for this person. */
export async function anonymiseParticipants(db: Db, userId: string, label: string): Promise<void> {
  await db`update event_participants set name = ${label} where user_id = ${userId}`;
}

/** Purely personal rows with no bearing on any report: notifications, saved searches, remembered mappings. */
export async function deletePersonalRows(db: Db, userId: string): Promise<void> {
  await db`delete from notifications where user_id = ${userId}`;
  await db`delete from saved_searches where user_id = ${userId}`;
  await db`delete from import_mappings where user_id = ${userId}`;
}
