import type { Locale, T } from '../../src/i18n/index.js';
import type { NeedView } from './models.js';
import { localized, StatusBadge } from './parts.js';

export interface NeedListProps {
  t: T;
  locale: Locale;
  /** Needs of the viewer's buyer organisations. */
  own: NeedView[];
  /** Open public needs (facilitators and admins). */
  open: NeedView[];
  canCreate: boolean;
  isSupplier: boolean;
}

function Rows({ t, locale, rows }: { t: T; locale: Locale; rows: NeedView[] }) {
  return (
    <table class="needs">
      <thead>
        <tr>
          <th scope="col">{t('needs.col.title')}</th>
          <th scope="col">{t('needs.col.buyer')}</th>
          <th scope="col">{t('needs.col.status')}</th>
          <th scope="col">{t('needs.col.deadline')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((n) => (
          <tr>
            <td>
              <a href={`/needs/${n.id}`}>{localized(n, locale).title}</a>
            </td>
            <td>{n.buyerName}</td>
            <td>
              <StatusBadge t={t} need={n} />
            </td>
            <td>{n.responseDeadline ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Sourcing needs: the buyer's own, open ones for facilitators, and the way to the supplier inbox. */
export function NeedListPage({ t, locale, own, open, canCreate, isSupplier }: NeedListProps) {
  return (
    <section id="needs">
      <h1>{t('needs.list_title')}</h1>
      <p class="muted">{t('needs.list_lead')}</p>
      <p class="actions">
        {canCreate ? (
          <a href="/needs/new" class="cta">
            {t('needs.new_title')}
          </a>
        ) : null}
        {isSupplier ? (
          <a href="/needs/inbox" class="cta secondary">
            {t('needs.inbox_title')}
          </a>
        ) : null}
        <a href="/saved-searches">{t('saved.title')}</a>
      </p>
      {canCreate ? (
        <>
          <h2>{t('needs.own_title')}</h2>
          {own.length ? (
            <Rows t={t} locale={locale} rows={own} />
          ) : (
            <p class="muted">{t('needs.none_own')}</p>
          )}
        </>
      ) : null}
      {open.length ? (
        <>
          <h2>{t('needs.open_title')}</h2>
          <Rows t={t} locale={locale} rows={open} />
        </>
      ) : null}
    </section>
  );
}
