import { formatNumber } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import type { Reason } from '../../src/matching/reasons.js';
import type { InboxItem } from '../../src/needs/inbox.js';
import { localized, ReasonList } from './parts.js';

export interface InboxProps {
  t: T;
  locale: Locale;
  items: (InboxItem & { reasons: Reason[] })[];
  threshold: number;
}

/** The supplier's inbox: open needs that match it (or invite it), best first, with the reasons. */
export function InboxPage({ t, locale, items, threshold }: InboxProps) {
  return (
    <section id="inbox">
      <h1>{t('needs.inbox_title')}</h1>
      <p class="muted">{t('needs.inbox_lead', { threshold })}</p>
      {items.length === 0 ? <p>{t('needs.inbox_empty')}</p> : null}
      <ul class="inbox">
        {items.map((i) => (
          <li id={`inbox-${i.need.id}`}>
            <div class="match-head">
              {i.score !== null ? <strong class="score">{formatNumber(i.score, locale, 1)}</strong> : null}
              <a href={`/needs/${i.need.id}`}>{localized(i.need, locale).title}</a>
              <span class="muted"> · {i.need.buyerName}</span>
              {i.invited ? <span class="badge">{t('needs.invited')}</span> : null}
              {i.response ? (
                <span class="badge">
                  {i.response.interested ? t('needs.answered_interest') : t('needs.answered_no')}
                </span>
              ) : null}
            </div>
            <small class="muted">
              {t('needs.for_supplier', { supplier: i.supplierName })}
              {i.need.responseDeadline
                ? ` · ${t('needs.deadline_on', { date: i.need.responseDeadline })}`
                : ''}
            </small>
            <ReasonList reasons={i.reasons} />
            {i.response ? null : (
              <a href={`/needs/${i.need.id}#respond`} class="cta secondary">
                {t('needs.respond')}
              </a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
