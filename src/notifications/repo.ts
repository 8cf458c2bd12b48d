import type { Db } from '../db/client.js';
import type { Locale } from '../i18n/index.js';

/** An in-app notification as the bell list shows it. */
export interface NotificationRow {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

/** Where and in which language a notification reaches the user; null when the user is gone. */
export async function findRecipient(
  db: Db,
  userId: string,
): Promise<{ email: string; locale: Locale } | null> {
  const [user]: [{ email: string; locale: Locale }?] =
    await db`select email, locale from users where id = ${userId}`;
  return user ?? null;
}

/** Stores one notification, already rendered in the recipient's language. */
export async function insertNotification(
  db: Db,
  n: { userId: string; kind: string; title: string; body: string; link: string | null },
): Promise<void> {
  await db`
    insert into notifications (user_id, kind, title, body, link)
    values (${n.userId}, ${n.kind}, ${n.title}, ${n.body}, ${n.link})`;
}

/** The user's latest notifications, newest first. */
export function listNotificationsOfUser(db: Db, userId: string, limit: number): Promise<NotificationRow[]> {
  return db<NotificationRow[]>`
    select id, kind, title, body, link, created_at, read_at from notifications
    where user_id = ${userId} order by created_at desc limit ${limit}`;
}

/** Marks one of the user's notifications read, keeping the first read time. */
export async function markNotificationRead(db: Db, userId: string, id: string, now: Date): Promise<void> {
  await db`update notifications set read_at = coalesce(read_at, ${now}) where id = ${id} and user_id = ${userId}`;
}

/** Marks every unread notification of the user read. */
export async function markAllNotificationsRead(db: Db, userId: string, now: Date): Promise<void> {
  await db`update notifications set read_at = ${now} where user_id = ${userId} and read_at is null`;
}
