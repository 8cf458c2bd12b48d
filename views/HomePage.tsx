import type { T } from '../src/i18n/index.js';
import type { HomeOrg, Viewer } from './models.js';

/** Landing page: a pitch for visitors, the user's organisations once logged in. */
export function HomePage({ t, user, orgs }: { t: T; user: Viewer | null; orgs: HomeOrg[] }) {
  return (
    <section id="home">
      <h1>{user ? t('home.hello', { name: user.name }) : t('home.title')}</h1>
      <p class="lead">{t('home.lead')}</p>
      {user ? (
        <>
          {user.platformRole ? <p class="badge">{t(`role.${user.platformRole}`)}</p> : null}
          <h2>{t('home.your_orgs')}</h2>
          {orgs.length === 0 ? (
            <p>
              {t('home.no_orgs')} <a href="/orgs/new">{t('home.create_org')}</a>
            </p>
          ) : (
            <ul>
              {orgs.map((o) => (
                <li>
                  <a href={`/orgs/${o.id}`}>{o.name}</a> · {t(`kind.${o.kind}`)} · {t(`role.${o.role}`)}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p>
          <a href="/login" class="cta">
            {t('nav.login')}
          </a>{' '}
          <a href="/register" class="cta secondary">
            {t('nav.register')}
          </a>
        </p>
      )}
    </section>
  );
}
