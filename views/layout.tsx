import type { Child } from 'hono/jsx';
import { assetUrl } from '../src/http/assets.js';
import type { Locale, T } from '../src/i18n/index.js';
import type { Viewer } from './models.js';

/**
 * htmx settings: swap 422 so forms can re-render with errors; other 4xx/5xx raise
 * htmx:responseError, which /assets/app.js shows in #htmx-alert. No inline styles or eval (strict CSP).
 */
const HTMX_CONFIG = JSON.stringify({
  includeIndicatorStyles: false,
  allowEval: false,
  allowScriptTags: false,
  historyCacheSize: 0,
  // Never settle inline `style`: the CSP forbids inline styles, so copying it would only raise violations.
  attributesToSettle: ['class', 'width', 'height'],
  responseHandling: [
    { code: '204', swap: false },
    { code: '[23]..', swap: true },
    { code: '422', swap: true },
    { code: '[45]..', swap: false, error: true },
  ],
});

export interface LayoutProps {
  title: string;
  t: T;
  locale: Locale;
  user: Viewer | null;
  orgKinds: string[];
  unread: number;
  path: string;
  flash: string | null;
  children?: Child;
}

/**
 * The HTML shell. Navigation depends on who is logged in; everything works without JavaScript.
 * On a phone the navigation is a `<details>` menu (no sideways scroll at 360 px); wide screens show it open.
 */
export function Layout({ title, t, locale, user, orgKinds, unread, path, flash, children }: LayoutProps) {
  const staff = user?.platformRole === 'facilitator' || user?.platformRole === 'admin';
  const other: Locale = locale === 'id' ? 'en' : 'id';
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="htmx-config" content={HTMX_CONFIG} />
        <title>{`${title} · Pasok`}</title>
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <link rel="manifest" href="/manifest.webmanifest" />
        <link rel="stylesheet" href={assetUrl('app.css')} />
        <script src={assetUrl('htmx.min.js')} defer />
        <script src={assetUrl('app.js')} defer />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('nav.skip')}
        </a>
        <header class="site">
          <div class="container bar">
            <a href="/" class="brand">
              Pasok
            </a>
            <details class="menu">
              <summary>{t('nav.menu')}</summary>
              <nav aria-label={t('nav.main')}>
                <ul>
                  <li>
                    <a href="/suppliers">{t('nav.suppliers')}</a>
                  </li>
                  {user ? (
                    <>
                      <li>
                        <a href="/events">{t('nav.events')}</a>
                      </li>
                      <li>
                        <a href="/needs">{t('nav.needs')}</a>
                      </li>
                      <li>
                        <a href="/outcomes">{t('nav.outcomes')}</a>
                      </li>
                    </>
                  ) : null}
                  <li>
                    <a href="/impact">{t('nav.impact')}</a>
                  </li>
                </ul>
              </nav>
              <nav aria-label={t('nav.secondary')} class="subnav">
                <ul>
                  {staff ? (
                    <>
                      <li>
                        <a href="/review">{t('nav.review')}</a>
                      </li>
                      <li>
                        <a href="/imports">{t('nav.imports')}</a>
                      </li>
                      <li>
                        <a href="/reports">{t('nav.reports')}</a>
                      </li>
                    </>
                  ) : null}
                  {user?.platformRole === 'admin' ? (
                    <>
                      <li>
                        <a href="/admin/taxonomy">{t('nav.admin_taxonomy')}</a>
                      </li>
                      <li>
                        <a href="/admin/estates">{t('nav.admin_estates')}</a>
                      </li>
                      <li>
                        <a href="/admin/mail">{t('nav.admin_mail')}</a>
                      </li>
                    </>
                  ) : null}
                </ul>
                <ul>
                  {user ? (
                    <>
                      <li>
                        <a href="/notifications" aria-label={t('nav.notifications_unread', { n: unread })}>
                          {t('nav.notifications')}
                          {unread > 0 ? <span class="badge count">{unread}</span> : null}
                        </a>
                      </li>
                      {orgKinds.includes('supplier') ? (
                        <li>
                          <a href="/my/profile">{t('nav.my_profile')}</a>
                        </li>
                      ) : null}
                      <li>
                        <a href="/orgs">{t('nav.organizations')}</a>
                      </li>
                      <li>
                        <a href="/account">{t('nav.account')}</a>
                      </li>
                      <li>
                        <form method="post" action="/logout" class="inline">
                          <button type="submit" class="secondary outline">
                            {t('nav.logout')}
                          </button>
                        </form>
                      </li>
                    </>
                  ) : (
                    <>
                      <li>
                        <a href="/login">{t('nav.login')}</a>
                      </li>
                      <li>
                        <a href="/register">{t('nav.register')}</a>
                      </li>
                    </>
                  )}
                  <li>
                    <form method="post" action="/lang" class="inline">
                      <input type="hidden" name="lang" value={other} />
                      <input type="hidden" name="next" value={path} />
                      <button type="submit" class="secondary outline" lang={other} title={t('lang.switch')}>
                        {t(`lang.${other}`)}
                      </button>
                    </form>
                  </li>
                </ul>
              </nav>
            </details>
          </div>
        </header>
        <main id="main" class="container">
          {flash ? (
            <p class="flash" role="status">
              {flash}
            </p>
          ) : null}
          <p
            id="htmx-alert"
            class="flash error"
            role="alert"
            hidden
            data-offline={t('errors.offline')}
            data-server={t('errors.server_status')}
            data-generic={t('errors.failed_status')}
          />
          {children}
        </main>
        <footer class="container">
          <small>{t('footer.note')}</small>
        </footer>
      </body>
    </html>
  );
}
