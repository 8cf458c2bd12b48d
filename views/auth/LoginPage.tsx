import type { T } from '../../src/i18n/index.js';
import { Field, FormErrors } from '../components/form.js';

export interface LoginPageProps {
  t: T;
  values?: Record<string, string>;
  errors?: Record<string, string>;
  formError?: string | null;
}

/** Login form; posts email and password to /login and works without JavaScript. */
export function LoginPage({ t, values = {}, errors = {}, formError }: LoginPageProps) {
  return (
    <article id="login" class="narrow">
      <h1>{t('auth.login.title')}</h1>
      <FormErrors message={formError} />
      <form
        method="post"
        action="/login"
        hx-post="/login"
        hx-target="#login"
        hx-select="#login"
        hx-swap="outerHTML"
      >
        <input type="hidden" name="next" value={values.next ?? ''} />
        <Field
          name="email"
          type="email"
          label={t('auth.email')}
          value={values.email}
          error={errors.email}
          required
          autocomplete="username"
        />
        <Field
          name="password"
          type="password"
          label={t('auth.password')}
          error={errors.password}
          required
          autocomplete="current-password"
        />
        <button type="submit">{t('auth.login.submit')}</button>
      </form>
      <p>
        {t('auth.login.no_account')} <a href="/register">{t('nav.register')}</a>
      </p>
    </article>
  );
}
