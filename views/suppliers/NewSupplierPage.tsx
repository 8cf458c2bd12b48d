import { assetUrl } from '../../src/http/assets.js';
import type { T } from '../../src/i18n/index.js';
import { Field, FormErrors } from '../components/form.js';
import { ProvinceStep, type RegencyOption, RegencySelect } from '../components/RegencySelect.js';
import type { OrgChoiceView } from './models.js';

/** Start a profile: the few required fields; the rest is filled in on the edit page. */
export function NewSupplierPage({
  t,
  orgs,
  facilitator,
  regencies,
  provinces = [],
  values,
  errors,
}: {
  t: T;
  orgs: readonly OrgChoiceView[];
  facilitator: boolean;
  regencies: RegencyOption[];
  /** Provinces for the first step of the location cascade (`province_code` in values picks one). */
  provinces?: { code: string; name: string }[];
  values: Record<string, unknown>;
  errors: Record<string, string>;
}) {
  const v = (k: string) => (values[k] === undefined ? '' : String(values[k]));
  const canCreate = orgs.length > 0 || facilitator;
  return (
    <section id="supplier-new">
      <h1>{t('suppliers.new_title')}</h1>
      {!canCreate ? (
        <p>
          {t('suppliers.create_forbidden')} <a href="/orgs">{t('home.create_org')}</a>
        </p>
      ) : (
        <>
          <p>{facilitator && orgs.length === 0 ? t('suppliers.new_binaan_lead') : t('suppliers.new_lead')}</p>
          <FormErrors message={Object.keys(errors).length ? t('errors.invalid') : null} />
          <form method="post" action="/suppliers/new">
            {orgs.length > 1 ? (
              <label for="f-organization_id">
                {t('suppliers.field.organization')}
                <select id="f-organization_id" name="organization_id">
                  {orgs.map((o) => (
                    <option value={o.id} selected={v('organization_id') === o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              </label>
            ) : orgs.length === 1 ? (
              <input type="hidden" name="organization_id" value={orgs[0]!.id} />
            ) : null}
            <Field
              name="legal_name"
              label={t('suppliers.field.legal_name')}
              value={v('legal_name') || orgs[0]?.name}
              error={errors.legal_name}
              required
            />
            <Field
              name="nib"
              label="NIB"
              hint={t('suppliers.hint.nib')}
              value={v('nib')}
              error={errors.nib}
              required
              attrs={{ inputmode: 'numeric' }}
            />
            {provinces.length ? (
              <ProvinceStep
                t={t}
                provinces={provinces}
                value={v('province_code')}
                reloadAction="/suppliers/new"
              />
            ) : null}
            <RegencySelect
              t={t}
              regencies={regencies}
              value={v('regency_code')}
              error={errors.regency_code}
              province={v('province_code')}
            />
            <div class="grid">
              <Field
                name="lat"
                label={t('suppliers.field.lat')}
                value={v('lat')}
                error={errors['location.lat'] ?? errors.location}
                required
                attrs={{ inputmode: 'decimal' }}
              />
              <Field
                name="lon"
                label={t('suppliers.field.lon')}
                value={v('lon')}
                error={errors['location.lon'] ?? errors.location}
                required
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
            <button type="submit">{t('suppliers.create')}</button>
            <script src={assetUrl('location.js')} defer></script>
          </form>
        </>
      )}
    </section>
  );
}
