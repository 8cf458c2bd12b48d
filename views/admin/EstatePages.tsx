import type { T } from '../../src/i18n/index.js';
import { Field, FormErrors } from '../components/form.js';
import { type RegencyOption, RegencySelect } from '../components/RegencySelect.js';
import type { EstateView } from './models.js';

/** All industrial estates. */
export function EstateListPage({ t, estates }: { t: T; estates: EstateView[] }) {
  return (
    <section id="estates">
      <h1>{t('admin.estates')}</h1>
      <p>
        <a href="/admin/estates/new">{t('admin.estate_new')}</a>
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('admin.estate_name')}</th>
            <th scope="col">{t('suppliers.field.regency')}</th>
            <th scope="col">{t('admin.coordinates')}</th>
          </tr>
        </thead>
        <tbody>
          {estates.map((e) => (
            <tr>
              <td>
                <a href={`/admin/estates/${e.slug}`}>{e.name}</a>
              </td>
              <td>{e.regencyName ?? e.regencyCode}</td>
              <td>
                {e.lat.toFixed(3)}, {e.lon.toFixed(3)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Create or edit an estate; manage its tenant organisations. */
export function EstateEditPage(p: {
  t: T;
  estate: EstateView | null;
  regencies: RegencyOption[];
  tenants: { id: string; name: string }[];
  buyers: { id: string; name: string }[];
  values: Record<string, string> | null;
  errors: Record<string, string>;
}) {
  const { t, estate, errors } = p;
  const v = (k: string, fallback: string) => p.values?.[k] ?? fallback;
  const action = estate ? `/admin/estates?slug=${encodeURIComponent(estate.slug)}` : '/admin/estates';
  return (
    <section id="estate-edit">
      <h1>{estate ? estate.name : t('admin.estate_new')}</h1>
      <FormErrors message={Object.keys(errors).length ? t('errors.invalid') : null} />
      <form method="post" action={action}>
        <Field
          name="name"
          label={t('admin.estate_name')}
          value={v('name', estate?.name ?? '')}
          error={errors.name}
          required
        />
        <RegencySelect
          t={t}
          regencies={p.regencies}
          value={v('regency_code', estate?.regencyCode ?? '')}
          error={errors.regency_code}
        />
        <div class="grid">
          <Field
            name="lat"
            label={t('suppliers.field.lat')}
            value={v('lat', estate ? String(estate.lat) : '')}
            error={errors.lat}
            required
          />
          <Field
            name="lon"
            label={t('suppliers.field.lon')}
            value={v('lon', estate ? String(estate.lon) : '')}
            error={errors.lon}
            required
          />
        </div>
        <label for="f-description_id">
          {t('suppliers.field.description_id')}
          <textarea id="f-description_id" name="description_id" rows={3}>
            {v('description_id', estate?.descriptionId ?? '')}
          </textarea>
        </label>
        <label for="f-description_en">
          {t('suppliers.field.description_en')}
          <textarea id="f-description_en" name="description_en" rows={3}>
            {v('description_en', estate?.descriptionEn ?? '')}
          </textarea>
        </label>
        <button type="submit">{t('common.save')}</button>
      </form>
      {estate ? (
        <article id="tenants">
          <h2>{t('admin.tenants')}</h2>
          <ul>
            {p.tenants.map((o) => (
              <li>
                {o.name}{' '}
                <form method="post" action={`/admin/estates/${estate.slug}/tenants?remove=1`} class="inline">
                  <input type="hidden" name="organization_id" value={o.id} />
                  <button type="submit" class="secondary outline">
                    {t('admin.remove')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
          <form method="post" action={`/admin/estates/${estate.slug}/tenants`}>
            <label for="f-organization_id">
              {t('admin.add_tenant')}
              <select id="f-organization_id" name="organization_id">
                {p.buyers.map((b) => (
                  <option value={b.id}>{b.name}</option>
                ))}
              </select>
            </label>
            <button type="submit">{t('admin.add')}</button>
          </form>
        </article>
      ) : null}
    </section>
  );
}
