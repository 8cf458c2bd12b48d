import type { T } from '../../src/i18n/index.js';
import { Field } from '../components/form.js';

/**
 * The person's part of creating an account (name, e-mail, password twice), shared by /register and
 * the public event page's inline registration so both ask the same way with the same autocomplete hints.
 */
export function AccountFields({
  t,
  values,
  errors,
}: {
  t: T;
  values: Record<string, string | undefined>;
  errors: Record<string, string | undefined>;
}) {
  return (
    <>
      <Field
        name="name"
        label={t('auth.name')}
        value={values.name}
        error={errors.name}
        required
        autocomplete="name"
      />
      <Field
        name="email"
        type="email"
        label={t('auth.email')}
        value={values.email}
        error={errors.email}
        required
        autocomplete="email"
      />
      <Field
        name="password"
        type="password"
        label={t('auth.password')}
        hint={t('auth.password_hint')}
        error={errors.password}
        required
        autocomplete="new-password"
        attrs={{ minlength: '10' }}
      />
      <Field
        name="password_confirm"
        type="password"
        label={t('auth.password_confirm')}
        error={errors.password_confirm}
        required
        autocomplete="new-password"
      />
    </>
  );
}
