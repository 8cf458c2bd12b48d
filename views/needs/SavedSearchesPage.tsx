import { formatDateTime } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import { FormErrors } from '../components/form.js';
import { ActionButton } from '../events/parts.js';
import { ErrorSlot } from './fields.js';
import type { SavedSearchView } from './models.js';

/**
 * "Save this search" for the /suppliers page: a name and the current query string. The search
 * page can embed it as `<SaveSearchForm t={t} query={currentQueryString} />`.
 */
export function SaveSearchForm({
  t,
  query,
  name = '',
  errors = {},
}: {
  t: T;
  query: string;
  name?: string;
  errors?: Record<string, string>;
}) {
  return (
    <form method="post" action="/saved-searches" class="save-search">
      <input type="hidden" name="query" value={query} />
      <label for="f-saved-name">
        {t('saved.name')}
        <input
          id="f-saved-name"
          name="name"
          value={name}
          required
          maxlength={100}
          aria-invalid={errors.name ? 'true' : undefined}
          aria-describedby="err-name"
        />
        <ErrorSlot name="name" error={errors.name} />
      </label>
      <ErrorSlot name="query" error={errors.query} />
      <button type="submit">{t('saved.save')}</button>
    </form>
  );
}

export interface SavedSearchesProps {
  t: T;
  locale: Locale;
  rows: SavedSearchView[];
  /** The search being saved (from `?query=`), if any. */
  query: string;
  name: string;
  errors: Record<string, string>;
}

/** The user's saved searches, each a link back to /suppliers, and the form that saves one. */
export function SavedSearchesPage({ t, locale, rows, query, name, errors }: SavedSearchesProps) {
  return (
    <section id="saved-searches">
      <h1>{t('saved.title')}</h1>
      <p class="muted">{t('saved.lead')}</p>
      {rows.length === 0 ? <p>{t('saved.none')}</p> : null}
      <ul class="saved-searches">
        {rows.map((s) => (
          <li>
            <a href={`/suppliers?${s.query}`}>{s.name}</a>{' '}
            <small class="muted">
              <code>{s.query || t('saved.everything')}</code> ·{' '}
              {t('saved.since', { date: formatDateTime(s.digestedUntil, 'Asia/Jakarta', locale) })}
            </small>
            <ActionButton action={`/saved-searches/${s.id}/delete`} label={t('saved.delete')} secondary />
          </li>
        ))}
      </ul>
      <h2>{t('saved.new')}</h2>
      <FormErrors message={Object.keys(errors).length ? t('errors.invalid') : null} />
      {query || Object.keys(errors).length ? (
        <>
          <p>
            {t('saved.current')} <code>{query || t('saved.everything')}</code>
          </p>
          <SaveSearchForm t={t} query={query} name={name} errors={errors} />
        </>
      ) : (
        <p class="muted">{t('saved.how')}</p>
      )}
    </section>
  );
}
