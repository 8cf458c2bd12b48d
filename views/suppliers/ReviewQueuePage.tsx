import { formatDate } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import { STATUSES } from '../../src/suppliers/schema.js';
import type { ReviewQueueItemView } from './models.js';

/** The facilitators' review queue with filters (a plain GET form). */
export function ReviewQueuePage({
  t,
  locale,
  rows,
  filters,
  provinces,
}: {
  t: T;
  locale: Locale;
  rows: readonly ReviewQueueItemView[];
  filters: { status?: string | undefined; province?: string | undefined; q?: string | undefined };
  provinces: { code: string; name: string }[];
}) {
  return (
    <section id="review">
      <h1>{t('suppliers.review_title')}</h1>
      <form method="get" action="/review" class="filters">
        <div class="grid">
          <label for="f-status">
            {t('suppliers.filter.status')}
            <select id="f-status" name="status">
              <option value="review" selected={!filters.status || filters.status === 'review'}>
                {t('suppliers.filter.to_review')}
              </option>
              {STATUSES.map((s) => (
                <option value={s} selected={filters.status === s}>
                  {t(`suppliers.status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label for="f-province">
            {t('suppliers.filter.province')}
            <select id="f-province" name="province">
              <option value="">{t('suppliers.filter.all')}</option>
              {provinces.map((p) => (
                <option value={p.code} selected={filters.province === p.code}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label for="f-q">
            {t('suppliers.filter.name')}
            <input id="f-q" name="q" type="search" value={filters.q ?? ''} />
          </label>
        </div>
        <button type="submit">{t('suppliers.filter.apply')}</button>
      </form>
      {rows.length === 0 ? <p class="muted">{t('suppliers.review_empty')}</p> : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('suppliers.field.legal_name')}</th>
            <th scope="col">{t('suppliers.field.regency')}</th>
            <th scope="col">{t('suppliers.filter.status')}</th>
            <th scope="col">{t('suppliers.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>
                <a href={`/suppliers/${r.organizationId}`}>{r.legalName}</a>
                {r.binaanOf ? <span class="badge">binaan</span> : null}
              </td>
              <td>{r.regencyName ?? '—'}</td>
              <td>
                {t(`suppliers.status.${r.status}`)}
                {r.needsReview ? ` · ${t('suppliers.needs_review')}` : ''}
              </td>
              <td>{formatDate(r.updatedAt, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
