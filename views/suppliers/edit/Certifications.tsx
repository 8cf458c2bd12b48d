import { Field } from '../../components/form.js';
import { indexed, SectionForm } from './fields.js';
import type { SectionProps } from './types.js';

/** Certificates with numbers, issuers, expiry and TKDN; rows are indexed form fields. */
export function Certifications({ t, profile, tax, locale, errors, raw }: SectionProps) {
  const s = profile.supplier;
  const fields = ['id', 'type', 'number', 'issuer', 'valid_until', 'tkdn_percent'];
  const rows = raw
    ? indexed(raw, 'certifications', fields)
    : profile.certifications.map((c) => ({
        id: c.id,
        type: c.type,
        number: c.number ?? '',
        issuer: c.issuer ?? '',
        valid_until: c.validUntil ?? '',
        tkdn_percent: c.tkdnPercent === null ? '' : String(Number(c.tkdnPercent)),
      }));
  const blank = Object.fromEntries(fields.map((f) => [f, ''])) as Record<string, string>;
  return (
    <SectionForm id={s.organizationId} section="certifications" t={t}>
      {[...rows, blank, blank].map((c, i) => (
        <fieldset class="row-group">
          <legend>
            {t('suppliers.cert.row')} {i + 1}
          </legend>
          {c.id ? <input type="hidden" name={`certifications.${i}.id`} value={c.id} /> : null}
          <label for={`f-certifications.${i}.type`}>
            {t('suppliers.cert.type')}
            <select id={`f-certifications.${i}.type`} name={`certifications.${i}.type`}>
              <option value="">—</option>
              {tax.ofKind('certification').map((o) => (
                <option value={o.slug} selected={o.slug === c.type}>
                  {locale === 'en' ? o.labelEn : o.labelId}
                </option>
              ))}
            </select>
            {errors[`certifications.${i}.type`] ? (
              <small class="field-error">{errors[`certifications.${i}.type`]}</small>
            ) : null}
          </label>
          <div class="grid">
            <Field
              name={`certifications.${i}.number`}
              label={t('suppliers.cert.number')}
              value={c.number}
              error={errors[`certifications.${i}.number`]}
            />
            <Field
              name={`certifications.${i}.issuer`}
              label={t('suppliers.cert.issuer')}
              value={c.issuer}
              error={errors[`certifications.${i}.issuer`]}
            />
          </div>
          <div class="grid">
            <Field
              name={`certifications.${i}.valid_until`}
              type="date"
              label={t('suppliers.cert.valid_until')}
              value={c.valid_until}
              error={errors[`certifications.${i}.valid_until`]}
            />
            <Field
              name={`certifications.${i}.tkdn_percent`}
              type="number"
              label={t('suppliers.cert.tkdn_percent')}
              value={c.tkdn_percent}
              error={errors[`certifications.${i}.tkdn_percent`]}
              attrs={{ step: '0.01', min: '0', max: '100' }}
            />
          </div>
        </fieldset>
      ))}
      <small class="muted">{t('suppliers.hint.rows')}</small>
    </SectionForm>
  );
}
