import type { T } from '../../src/i18n/index.js';

/** The landing page of a claim link: who is being claimed, and the button (or a login link). */
export function ClaimPage({
  t,
  token,
  name,
  loggedIn,
}: {
  t: T;
  token: string;
  name: string;
  loggedIn: boolean;
}) {
  const path = `/imports/claim/${encodeURIComponent(token)}`;
  return (
    <article id="claim" class="narrow">
      <h1>{t('imports.claim.title')}</h1>
      <p>{t('imports.claim.accept_lead', { name })}</p>
      {loggedIn ? (
        <form method="post" action={path}>
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
