import type { T } from '../../src/i18n/index.js';

/** The landing page of a claim link: who is being claimed, and the button (or a login link). */
export function ClaimPage({
  t,
  token,
  name,
  loggedIn,
  consentError,
}: {
  t: T;
  token: string;
  name: string;
  loggedIn: boolean;
  consentError?: string | undefined;
}) {
  const path = `/imports/claim/${encodeURIComponent(token)}`;
  return (
    <article id="claim" class="narrow">
      <h1>{t('imports.claim.title')}</h1>
      <p>{t('imports.claim.accept_lead', { name })}</p>
      {loggedIn ? (
        <form method="post" action={path}>
          <label for="f-consent">
            <input
              id="f-consent"
              type="checkbox"
              name="consent"
              value="on"
              required
              aria-invalid={consentError ? 'true' : undefined}
            />{' '}
            {t('privacy.consent.claim')} <a href="/privasi">{t('privacy.link')}</a>
            {consentError ? <small class="field-error">{consentError}</small> : null}
          </label>
          <button type="submit">{t('imports.claim.accept')}</button>
        </form>
      ) : (
        <p>
          <a href={`/login?next=${encodeURIComponent(path)}`}>{t('imports.claim.login_first')}</a>
        </p>
      )}
    </article>
  );
}
