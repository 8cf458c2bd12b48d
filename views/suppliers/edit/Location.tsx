import { assetUrl } from '../../../src/http/assets.js';
import { Field } from '../../components/form.js';
import { ProvinceStep, RegencySelect } from '../../components/RegencySelect.js';
import { readValue, SectionForm } from './fields.js';
import type { SectionProps } from './types.js';

/**
 * Province, then regency, street address and coordinates. "Use my location" (public/location.js)
 * fills the coordinates from the phone; typing them stays possible, and is all there is without
 * JavaScript or permission.
 */
export function Location({ t, profile, regencies, provinces = [], province, errors, raw }: SectionProps) {
  const s = profile.supplier;
  const v = readValue(raw, { regency_code: s.regencyCode, address: s.address, lat: s.lat, lon: s.lon });
  const current = regencies.find((r) => r.code === v('regency_code'))?.provinceCode ?? '';
  const chosen = (raw ? String(raw.province_code ?? '') : '') || province || current;
  return (
    <SectionForm id={s.organizationId} section="location" t={t}>
      {provinces.length ? (
        <ProvinceStep
          t={t}
          provinces={provinces}
          value={chosen}
          reloadAction={`/suppliers/${s.organizationId}/edit#location`}
        />
      ) : null}
      <RegencySelect
        t={t}
        regencies={regencies}
        value={v('regency_code')}
        error={errors.regency_code}
        province={chosen}
      />
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
      <p>
        <button
          type="button"
          class="secondary"
          hidden
          data-geolocate=""
          data-busy={t('suppliers.geo.busy')}
          data-failed={t('suppliers.geo.failed')}
        >
          {t('suppliers.geo.use_my_location')}
        </button>{' '}
        <small class="muted" data-geolocate-status="" aria-live="polite"></small>
      </p>
      <small class="muted">{t('suppliers.hint.coordinates')}</small>
      <script src={assetUrl('location.js')} defer></script>
    </SectionForm>
  );
}
