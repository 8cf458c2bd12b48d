import type { T } from '../../src/i18n/index.js';
import { Field, FormErrors, Select } from '../components/form.js';
import { AccountFields } from './AccountFields.js';

export interface RegisterPageProps {
  t: T;
  values?: Record<string, string>;
  errors?: Record<string, string>;
}

/** Registration with an optional first organisation (the user becomes its owner). */
export function RegisterPage({ t, values = {}, errors = {} }: RegisterPageProps) {
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <article id="register" class="narrow">
      <h1>{t('auth.register.title')}</h1>
      <FormErrors message={hasErrors ? t('errors.invalid') : null} />
      <form
        method="post"
        action="/register"
        hx-post="/register"
        hx-target="#register"
        hx-select="#register"
        hx-swap="outerHTML"
      >
        <input type="hidden" name="next" value={values.next ?? ''} />
        <AccountFields t={t} values={values} errors={errors} />
        <fieldset>
          <legend>{t('auth.register.org_hint')}</legend>
          <Field name="org_name" label={t('auth.org_name')} value={values.org_name} error={errors.org_name} />
          <Select
            name="org_kind"
            label={t('auth.org_kind')}
            value={values.org_kind}
            error={errors.org_kind}
            options={[
              { value: '', label: t('auth.org_kind_none') },
              { value: 'supplier', label: t('kind.supplier') },
              { value: 'buyer', label: t('kind.buyer') },
              { value: 'facilitator', label: t('kind.facilitator') },
            ]}
          />
        </fieldset>
        <p>
          <small>
            {t('privacy.register_note')} <a href="/privasi">{t('privacy.link')}</a>
          </small>
        </p>
        <button type="submit">{t('auth.register.submit')}</button>
      </form>
      <p>
        {t('auth.register.have_account')} <a href="/login">{t('nav.login')}</a>
      </p>
    </article>
  );
}
