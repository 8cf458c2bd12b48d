import { Field } from '../../components/form.js';
import { indexed, SectionForm } from './fields.js';
import type { SectionProps } from './types.js';

/** The people buyers may contact; rows are indexed form fields. */
export function Contacts({ t, profile, errors, raw }: SectionProps) {
  const s = profile.supplier;
  const fields = ['name', 'role', 'phone', 'email'];
  const rows = raw
    ? indexed(raw, 'contacts', fields)
    : profile.contacts.map((c) => ({
        name: c.name,
        role: c.role ?? '',
        phone: c.phone ?? '',
        email: c.email ?? '',
      }));
  const blank = Object.fromEntries(fields.map((f) => [f, ''])) as Record<string, string>;
  return (
    <SectionForm id={s.organizationId} section="contacts" t={t}>
      {[...rows, blank].map((c, i) => (
        <fieldset class="row-group">
          <legend>
            {t('suppliers.contact.row')} {i + 1}
          </legend>
          <div class="grid">
            <Field
              name={`contacts.${i}.name`}
              label={t('suppliers.contact.name')}
              value={c.name}
              error={errors[`contacts.${i}.name`]}
            />
            <Field
              name={`contacts.${i}.role`}
              label={t('suppliers.contact.role')}
              value={c.role}
              error={errors[`contacts.${i}.role`]}
            />
          </div>
          <div class="grid">
            <Field
              name={`contacts.${i}.phone`}
              type="tel"
              label={t('suppliers.contact.phone')}
              value={c.phone}
              error={errors[`contacts.${i}.phone`]}
              hint={t('suppliers.hint.phone')}
            />
            <Field
              name={`contacts.${i}.email`}
              type="email"
              label={t('auth.email')}
              value={c.email}
              error={errors[`contacts.${i}.email`]}
            />
          </div>
        </fieldset>
      ))}
    </SectionForm>
  );
}
