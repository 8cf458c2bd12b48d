import type { Db } from '../db/client.js';
import { translator } from '../i18n/index.js';
import type { Jobs } from '../jobs/queue.js';
import * as repo from './repo.js';

export type { NotificationRow } from './repo.js';

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
  const user = await repo.findRecipient(db, n.userId);
  if (!user) return;
  const t = translator(user.locale);
  const title = t(n.titleKey, n.params);
  const body = t(n.bodyKey, n.params);
  await repo.insertNotification(db, { userId: n.userId, kind: n.kind, title, body, link: n.link ?? null });
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

/** The bell list: the user's latest notifications. */
export function listNotifications(db: Db, userId: string, limit = 50): Promise<repo.NotificationRow[]> {
  return repo.listNotificationsOfUser(db, userId, limit);
}

/** Marks one (or, without id, all) of the user's notifications read. */
export async function markRead(db: Db, userId: string, id: string | null, now: Date): Promise<void> {
  if (id) await repo.markNotificationRead(db, userId, id, now);
  else await repo.markAllNotificationsRead(db, userId, now);
}
