import type { T } from '../../src/i18n/index.js';

export interface RegencyOption {
  code: string;
  name: string;
  provinceName: string;
}

/** Regency picker grouped by province (official idn-area-data codes as values). */
export function RegencySelect({
  t,
  regencies,
  value,
  error,
  name = 'regency_code',
}: {
  t: T;
  regencies: RegencyOption[];
  value: string;
  error?: string | undefined;
  name?: string;
}) {
  const byProvince = new Map<string, RegencyOption[]>();
  for (const r of regencies) byProvince.set(r.provinceName, [...(byProvince.get(r.provinceName) ?? []), r]);
  const id = `f-${name}`;
  return (
    <label for={id}>
      {t('suppliers.field.regency')}
      <select
        id={id}
        name={name}
        required
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">{t('suppliers.choose_regency')}</option>
        {[...byProvince].map(([province, list]) => (
          <optgroup label={province}>
            {list.map((r) => (
              <option value={r.code} selected={r.code === value}>
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
