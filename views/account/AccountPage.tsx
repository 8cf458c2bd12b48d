import { sessionHandle } from '../../src/auth/session.js';
import type { Locale, T } from '../../src/i18n/index.js';
import { Field, FormErrors, Select } from '../components/form.js';
import type { AccountErasureRequest, AccountSession, AccountToken, AccountUser } from './models.js';
import { PersonalDataCard } from './PersonalDataCard.js';

export interface AccountPageProps {
  t: T;
  locale: Locale;
  user: AccountUser;
  sessions: AccountSession[];
  currentSessionId: string | null;
  tokens: AccountToken[];
  erasureRequests?: AccountErasureRequest[];
  newToken?: string | null;
  values?: Record<string, string>;
  errors?: Record<string, string>;
}

const fmt = (d: Date | null, locale: Locale) =>
  d
    ? new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'Asia/Jakarta',
      }).format(d)
    : '';

/** Profile, password, active sessions (revocable one by one or all at once) and API tokens. */
export function AccountPage(p: AccountPageProps) {
  const { t, user, errors = {}, values = {} } = p;
  return (
    <section id="account">
      <h1>{p.t('account.title')}</h1>
      <FormErrors message={Object.keys(errors).length ? t('errors.invalid') : null} />
      <article>
        <h2>{t('account.profile')}</h2>
        <form method="post" action="/account/profile">
          <Field
            name="name"
            label={t('auth.name')}
            value={values.name ?? user.name}
            error={errors.name}
            required
          />
          <p>
            {t('auth.email')}: <strong>{user.email}</strong>
          </p>
          <Select
            name="locale"
            label={t('account.locale')}
            value={values.locale ?? user.locale}
            error={errors.locale}
            options={[
              { value: 'id', label: t('lang.id') },
              { value: 'en', label: t('lang.en') },
            ]}
          />
          <button type="submit">{t('account.save')}</button>
        </form>
      </article>
      <article>
        <h2>{t('account.password.title')}</h2>
        <p class="muted">{t('account.password.hint_tokens')}</p>
        <form method="post" action="/account/password">
          <Field
            name="current_password"
            type="password"
            label={t('account.password.current')}
            error={errors.current_password}
            required
            autocomplete="current-password"
          />
          <Field
            name="new_password"
            type="password"
            label={t('account.password.new')}
            hint={t('auth.password_hint')}
            error={errors.new_password}
            required
            autocomplete="new-password"
          />
          <button type="submit">{t('account.password.submit')}</button>
        </form>
      </article>
      <SessionsCard {...p} />
      <TokensCard {...p} />
      <PersonalDataCard t={t} locale={p.locale} requests={p.erasureRequests ?? []} error={errors.reason} />
    </section>
  );
}

function SessionsCard({ t, locale, sessions, currentSessionId }: AccountPageProps) {
  return (
    <article id="sessions">
      <h2>{t('account.sessions.title')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('account.sessions.device')}</th>
            <th scope="col">{t('account.sessions.started')}</th>
            <th scope="col">{t('account.sessions.expires')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr>
              <td>{s.userAgent ?? '—'}</td>
              <td>{fmt(s.createdAt, locale)}</td>
              <td>{fmt(s.expiresAt, locale)}</td>
              <td>
                {s.id === currentSessionId ? (
                  <span class="badge">{t('account.sessions.current')}</span>
                ) : (
                  <form method="post" action={`/account/sessions/${sessionHandle(s.id)}/revoke`}>
                    <button type="submit" class="secondary outline">
                      {t('account.sessions.revoke')}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">{t('account.sessions.logout_all_hint')}</p>
      <form method="post" action="/account/sessions/revoke-all">
        <button type="submit" class="contrast">
          {t('account.sessions.logout_all')}
        </button>
      </form>
    </article>
  );
}

function TokensCard({ t, locale, tokens, newToken, errors = {} }: AccountPageProps) {
  return (
    <article id="tokens">
      <h2>{t('account.tokens.title')}</h2>
      <p>{t('account.tokens.lead')}</p>
      {newToken ? (
        <p role="status">
          {t('account.tokens.created')} <code class="token">{newToken}</code>
        </p>
      ) : null}
      {tokens.length === 0 ? <p class="muted">{t('account.tokens.none')}</p> : null}
      <ul>
        {tokens.map((tok) => (
          <li>
            <strong>{tok.name}</strong> <code>{tok.prefix}…</code> · {t('common.created')}{' '}
            {fmt(tok.createdAt, locale)} · {t('account.tokens.last_used')}{' '}
            {tok.lastUsedAt ? fmt(tok.lastUsedAt, locale) : t('account.tokens.never')}
            {tok.revokedAt ? (
              <span class="badge">{t('account.tokens.revoked')}</span>
            ) : (
              <form method="post" action={`/account/tokens/${tok.id}/revoke`} class="inline">
                {' '}
                <button type="submit" class="secondary outline">
                  {t('account.tokens.revoke')}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      <form method="post" action="/account/tokens">
        <Field name="token_name" label={t('account.tokens.name')} error={errors.token_name} required />
        <button type="submit">{t('account.tokens.create')}</button>
      </form>
    </article>
  );
}
