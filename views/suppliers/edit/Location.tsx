import { Field } from '../../components/form.js';
import { RegencySelect } from '../../components/RegencySelect.js';
import { readValue, SectionForm } from './fields.js';
import type { SectionProps } from './types.js';

/** Regency, street address and coordinates. */
export function Location({ t, profile, regencies, errors, raw }: SectionProps) {
  const s = profile.supplier;
  const v = readValue(raw, { regency_code: s.regencyCode, address: s.address, lat: s.lat, lon: s.lon });
  return (
    <SectionForm id={s.organizationId} section="location" t={t}>
      <RegencySelect t={t} regencies={regencies} value={v('regency_code')} error={errors.regency_code} />
      <Field
        name="address"
        label={t('suppliers.field.address')}
        value={v('address')}
        error={errors.address}
      />
      <div class="grid">
        <Field
          name="lat"
          label={t('suppliers.field.lat')}
          value={v('lat')}
          error={errors['location.lat'] ?? errors.location}
          attrs={{ inputmode: 'decimal' }}
        />
        <Field
          name="lon"
          label={t('suppliers.field.lon')}
          value={v('lon')}
          error={errors['location.lon'] ?? errors.location}
          attrs={{ inputmode: 'decimal' }}
        />
      </div>
      <small class="muted">{t('suppliers.hint.coordinates')}</small>
    </SectionForm>
  );
}
