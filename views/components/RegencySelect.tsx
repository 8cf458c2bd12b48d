import type { T } from '../../src/i18n/index.js';

export interface RegencyOption {
  code: string;
  name: string;
  provinceName: string;
  provinceCode?: string;
}

/**
 * Regency picker grouped by province (official idn-area-data codes as values). Each option
 * names its province (`data-province`), so /assets/location.js can narrow the list when a
 * province select sits before it; without JavaScript the server narrows it (see ProvinceStep).
 */
export function RegencySelect({
  t,
  regencies,
  value,
  error,
  name = 'regency_code',
  province = '',
}: {
  t: T;
  regencies: RegencyOption[];
  value: string;
  error?: string | undefined;
  name?: string;
  /** Only this province's regencies are listed, when set. */
  province?: string;
}) {
  const shown = province ? regencies.filter((r) => r.provinceCode === province) : regencies;
  const byProvince = new Map<string, RegencyOption[]>();
  for (const r of shown) byProvince.set(r.provinceName, [...(byProvince.get(r.provinceName) ?? []), r]);
  const id = `f-${name}`;
  return (
    <label for={id}>
      {t('suppliers.field.regency')}
      <select
        id={id}
        name={name}
        required
        data-regency-select=""
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">{t('suppliers.choose_regency')}</option>
        {[...byProvince].map(([provinceName, list]) => (
          <optgroup label={provinceName}>
            {list.map((r) => (
              <option value={r.code} data-province={r.provinceCode} selected={r.code === value}>
                {r.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {error ? (
        <small id={`${id}-error`} class="field-error">
          {error}
        </small>
      ) : null}
    </label>
  );
}

/**
 * The first step of the cascade: a province select and a "Pilih" button that reloads the page
 * with `?province=` (a GET, so it works without JavaScript and sends nothing to save). With
 * JavaScript the button hides and the regency list narrows in place.
 */
export function ProvinceStep({
  t,
  provinces,
  value,
  reloadAction,
}: {
  t: T;
  provinces: { code: string; name: string }[];
  value: string;
  reloadAction: string;
}) {
  return (
    <div class="province-step">
      <label for="f-province_code">
        {t('suppliers.field.province')}
        <select id="f-province_code" name="province_code" data-province-select="">
          <option value="">{t('suppliers.choose_province')}</option>
          {provinces.map((p) => (
            <option value={p.code} selected={p.code === value}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        formmethod="get"
        formaction={reloadAction}
        formnovalidate
        class="secondary"
        data-province-reload=""
      >
        {t('suppliers.choose_province_submit')}
      </button>
    </div>
  );
}
