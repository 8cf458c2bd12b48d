import { formatDateTime } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import type { NotificationRow } from '../../src/notifications/service.js';

/** Newest first; unread ones are marked and opening one marks it read. */
export function NotificationsPage({ t, locale, rows }: { t: T; locale: Locale; rows: NotificationRow[] }) {
  return (
    <section id="notifications">
      <h1>{t('notifications.title')}</h1>
      {rows.some((r) => !r.readAt) ? (
        <form method="post" action="/notifications/read-all">
          <button type="submit" class="secondary outline">
            {t('notifications.read_all')}
          </button>
        </form>
      ) : null}
      {rows.length === 0 ? <p class="muted">{t('notifications.empty')}</p> : null}
      <ul class="notifications">
        {rows.map((n) => (
          <li class={n.readAt ? 'read' : 'unread'}>
            <form
              method="post"
              action={`/notifications/${n.id}/open?to=${encodeURIComponent(n.link ?? '/notifications')}`}
            >
              <button type="submit" class="link">
                {n.readAt ? '' : '● '}
                <strong>{n.title}</strong>
              </button>
            </form>
            <p>{n.body}</p>
            <small class="muted">{formatDateTime(n.createdAt, 'Asia/Jakarta', locale)}</small>
          </li>
        ))}
      </ul>
    </section>
  );
}
