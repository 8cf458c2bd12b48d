import type { Db } from '../db/client.js';
import { type Locale, translator } from '../i18n/index.js';
import type { Jobs } from '../jobs/queue.js';

export interface NotificationRow {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export interface NotifyInput {
  userId: string;
  kind: string;
  /** Catalog keys, rendered in the recipient's own language. */
  titleKey: string;
  bodyKey: string;
  params?: Record<string, string | number>;
  /** Same-site path the notification points to. */
  link?: string | null;
  email?: boolean;
  attachments?: { filename: string; content: string; contentType: string }[];
}

/**
 * Records an in-app notification and, if asked, enqueues its email copy, both in the
 * caller's transaction. Text is rendered in the recipient's language (users.locale).
 */
export async function notify(db: Db, jobs: Jobs | null, n: NotifyInput, appOrigin: string): Promise<void> {
  const [user]: [{ email: string; locale: Locale }?] =
    await db`select email, locale from users where id = ${n.userId}`;
  if (!user) return;
  const t = translator(user.locale);
  const title = t(n.titleKey, n.params);
  const body = t(n.bodyKey, n.params);
  await db`
    insert into notifications (user_id, kind, title, body, link)
    values (${n.userId}, ${n.kind}, ${title}, ${body}, ${n.link ?? null})`;
  if (n.email && jobs) {
    const link = n.link ? `\n\n${appOrigin}${n.link}` : '';
    await jobs.send(
      'mail.send',
      {
        to: user.email,
        subject: `[Pasok] ${title}`,
        text: `${body}${link}\n\n— Pasok`,
        ...(n.attachments ? { attachments: n.attachments } : {}),
      },
      {},
      db,
    );
  }
}

export function listNotifications(db: Db, userId: string, limit = 50): Promise<NotificationRow[]> {
  return db<NotificationRow[]>`
    select id, kind, title, body, link, created_at, read_at from notifications
    where user_id = ${userId} order by created_at desc limit ${limit}`;
}

/** Marks one (or, without id, all) of the user's notifications read. */
export async function markRead(db: Db, userId: string, id: string | null, now: Date): Promise<void> {
  if (id)
    await db`update notifications set read_at = coalesce(read_at, ${now}) where id = ${id} and user_id = ${userId}`;
  else await db`update notifications set read_at = ${now} where user_id = ${userId} and read_at is null`;
}
