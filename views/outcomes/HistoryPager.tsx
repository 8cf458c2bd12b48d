import type { T } from '../../src/i18n/index.js';
import { pageCount } from '../../src/outcomes/history.js';

export interface HistoryPagerProps {
  t: T;
  meetingId: string;
  page: number;
  perPage: number;
  total: number;
}

/**
 * Newer / older links through a meeting's history, plain links that work without JavaScript.
 * Each lands on the history section, so a long trail is read a page at a time.
 */
export function HistoryPager({ t, meetingId, page, perPage, total }: HistoryPagerProps) {
  const pages = pageCount(total, perPage);
  if (pages <= 1) return null;
  const href = (p: number) => `/outcomes/meetings/${meetingId}?page=${p}#outcome-history`;
  return (
    <nav aria-label={t('outcomes.history_nav')} class="history-pager">
      <ul>
        {page > 1 ? (
          <li>
            <a href={href(page - 1)} rel="prev">
              {t('outcomes.history_prev')}
            </a>
          </li>
        ) : null}
        {page < pages ? (
          <li>
            <a href={href(page + 1)} rel="next">
              {t('outcomes.history_next')}
            </a>
          </li>
        ) : null}
      </ul>
      <small class="muted">{t('outcomes.history_page', { page: Math.min(page, pages), pages })}</small>
    </nav>
  );
}
