import { formatDateTime } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import type { AccountErasureRequest } from './models.js';

/**
 * The user's rights under UU 27/2022 on their own account page: download everything as JSON,
 * and ask for erasure (reviewed by a facilitator or an admin). Plain links and forms: no JS needed.
 */
export function PersonalDataCard(p: {
  t: T;
  locale: Locale;
  requests: AccountErasureRequest[];
  error?: string | undefined;
}) {
  const { t } = p;
  const open = p.requests.some((r) => r.status === 'pending');
  return (
    <article id="personal-data">
      <h2>{t('privacy.account.title')}</h2>
      <p>
        {t('privacy.account.lead')} <a href="/privasi">{t('privacy.link')}</a>
      </p>
      <p>
        <a href="/account/data.json" download>
          {t('privacy.account.download')}
        </a>
      </p>
      <ul>
        {p.requests.map((r) => (
          <li>
            {t(`privacy.status.${r.status}`)} · {formatDateTime(r.requestedAt, 'Asia/Jakarta', p.locale)}
            {r.reviewNote ? ` · ${r.reviewNote}` : ''}
          </li>
        ))}
      </ul>
      {open ? (
        <p>{t('privacy.account.pending')}</p>
      ) : (
        <form method="post" action="/account/erasure">
          <label for="f-reason">
            {t('privacy.account.reason')}
            <textarea
              id="f-reason"
              name="reason"
              maxlength={1000}
              aria-invalid={p.error ? 'true' : undefined}
            />
            {p.error ? <small class="field-error">{p.error}</small> : null}
          </label>
          <p>
            <small>{t('privacy.account.erase_hint')}</small>
          </p>
          <button type="submit" class="secondary">
            {t('privacy.account.request')}
          </button>
        </form>
      )}
    </article>
  );
}
