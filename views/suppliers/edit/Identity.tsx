import { Field } from '../../components/form.js';
import { readValue, readValues, SectionForm, TextArea } from './fields.js';
import type { SectionProps } from './types.js';

/** Names, NIB, founding year, size, descriptions and KBLI codes. */
export function Identity({ t, profile, tax, locale, errors, raw }: SectionProps) {
  const s = profile.supplier;
  const v = readValue(raw, {
    legal_name: s.legalName,
    trading_name: s.tradingName,
    nib: s.nib,
    year_founded: s.yearFounded,
    employees: s.employees,
    description_id: s.descriptionId,
    description_en: s.descriptionEn,
  });
  const kbli = readValues(raw, { kbli: s.kbli })('kbli');
  return (
    <SectionForm id={s.organizationId} section="identity" t={t}>
      <Field
        name="legal_name"
        label={t('suppliers.field.legal_name')}
        value={v('legal_name')}
        error={errors.legal_name}
        required
      />
      <Field
        name="trading_name"
        label={t('suppliers.field.trading_name')}
        value={v('trading_name')}
        error={errors.trading_name}
      />
      <Field
        name="nib"
        label="NIB"
        hint={t('suppliers.hint.nib')}
        value={v('nib')}
        error={errors.nib}
        attrs={{
          inputmode: 'numeric',
          'hx-post': `/suppliers/${s.organizationId}/validate/nib`,
          'hx-trigger': 'input changed delay:400ms',
          'hx-target': '#nib-check',
          'hx-swap': 'innerHTML',
        }}
      />
      <p id="nib-check" class="live-check" aria-live="polite" />
      <label for="f-kbli">
        KBLI
        <select id="f-kbli" name="kbli" multiple size={6} aria-invalid={errors.kbli ? 'true' : undefined}>
          {[...tax.ofKind('kbli')]
            .sort((a, b) => a.slug.localeCompare(b.slug))
            .map((k) => (
              <option value={k.slug} selected={kbli.includes(k.slug)}>
                {k.slug} · {locale === 'en' ? k.labelEn : k.labelId}
              </option>
            ))}
        </select>
        {errors.kbli ? <small class="field-error">{errors.kbli}</small> : null}
      </label>
      <div class="grid">
        <Field
          name="year_founded"
          type="number"
          label={t('suppliers.field.year_founded')}
          value={v('year_founded')}
          error={errors.year_founded}
        />
        <Field
          name="employees"
          type="number"
          label={t('suppliers.field.employees')}
          value={v('employees')}
          error={errors.employees}
        />
      </div>
      <TextArea
        name="description_id"
        label={t('suppliers.field.description_id')}
        value={v('description_id')}
        error={errors.description_id}
      />
      <TextArea
        name="description_en"
        label={t('suppliers.field.description_en')}
        value={v('description_en')}
        error={errors.description_en}
      />
    </SectionForm>
  );
}
