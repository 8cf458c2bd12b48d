import { formatDateTime } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';

/** An erasure request as the review queue shows it. */
export interface ErasureRequestView {
  readonly id: string;
  readonly userName: string;
  readonly userEmail: string;
  readonly reason: string | null;
  readonly status: 'pending' | 'erased' | 'rejected';
  readonly requestedAt: Date;
  readonly reviewedAt: Date | null;
  readonly reviewerName: string | null;
  readonly reviewNote: string | null;
}

const STATUSES = ['pending', 'erased', 'rejected', 'all'] as const;

/** The review queue: cards rather than a table, so a phone shows each request whole. */
export function ErasureQueuePage(p: {
  t: T;
  locale: Locale;
  requests: ErasureRequestView[];
  status: string;
}) {
  const { t } = p;
  return (
    <section id="erasure-queue">
      <h1>{t('privacy.queue.title')}</h1>
      <p>{t('privacy.queue.lead')}</p>
      <nav aria-label={t('privacy.queue.filter')}>
        {STATUSES.map((s) => (
          <>
            <a href={`/privacy/requests?status=${s}`} aria-current={s === p.status ? 'page' : undefined}>
              {t(`privacy.status.${s}`)}
            </a>{' '}
          </>
        ))}
      </nav>
      {p.requests.length === 0 ? <p>{t('privacy.queue.none')}</p> : null}
      {p.requests.map((r) => (
        <article id={`erasure-${r.id}`}>
          <h2>{r.userName}</h2>
          <p>
            {r.userEmail} · {t(`privacy.status.${r.status}`)} ·{' '}
            {formatDateTime(r.requestedAt, 'Asia/Jakarta', p.locale)}
          </p>
          {r.reason ? <blockquote>{r.reason}</blockquote> : null}
          {r.status === 'pending' ? (
            <form method="post" action={`/privacy/requests/${r.id}/decide`}>
              <label for={`note-${r.id}`}>
                {t('privacy.queue.note')}
                <textarea id={`note-${r.id}`} name="note" maxlength={1000} />
              </label>
              <p>
                <small>{t('privacy.queue.erase_hint')}</small>
              </p>
              <button type="submit" name="decision" value="erase">
                {t('privacy.queue.erase')}
              </button>{' '}
              <button type="submit" name="decision" value="reject" class="secondary">
                {t('privacy.queue.reject')}
              </button>
            </form>
          ) : (
            <p>
              {t('privacy.queue.decided_by', { who: r.reviewerName ?? '—' })}
              {r.reviewNote ? ` · ${r.reviewNote}` : ''}
            </p>
          )}
        </article>
      ))}
    </section>
  );
}
