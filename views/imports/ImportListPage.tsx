import { formatDateTime } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import { STATUSES } from '../../src/suppliers/schema.js';
import { Field, FormErrors, Select } from '../components/form.js';
import type { ImportListItemView } from './models.js';

export interface ImportListPageProps {
  t: T;
  locale: Locale;
  imports: readonly ImportListItemView[];
  /** Null when the facilitator belongs to no office (they cannot upload). */
  officeName: string | null;
  errors?: Record<string, string>;
  exportValues?: Record<string, string>;
}

/** This office's imports, the upload form and the export form; all plain forms that work without JS. */
export function ImportListPage({
  t,
  locale,
  imports,
  officeName,
  errors = {},
  exportValues = {},
}: ImportListPageProps) {
  return (
    <section id="imports">
      <h1>{t('imports.title')}</h1>
      <p>{t('imports.lead')}</p>
      {officeName ? (
        <article id="upload">
          <h2>{t('imports.upload.title')}</h2>
          <FormErrors message={Object.keys(errors).length ? t('errors.invalid') : null} />
          <form method="post" action="/imports" enctype="multipart/form-data">
            <Field
              name="file"
              type="file"
              label={t('imports.upload.file')}
              hint={t('imports.upload.hint')}
              error={errors.file}
              required
              attrs={{
                accept:
                  '.xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              }}
            />
            <button type="submit">{t('imports.upload.submit')}</button>
          </form>
        </article>
      ) : (
        <p class="form-error" role="alert">
          {t('imports.no_office')}
        </p>
      )}
      <h2>{t('imports.list.title')}</h2>
      {imports.length === 0 ? (
        <p>{t('imports.list.none')}</p>
      ) : (
        <div class="overflow-auto">
          <table id="import-list">
            <thead>
              <tr>
                <th scope="col">{t('imports.list.file')}</th>
                <th scope="col">{t('imports.list.date')}</th>
                <th scope="col">{t('imports.list.by')}</th>
                <th scope="col">{t('imports.list.status')}</th>
                <th scope="col">{t('imports.list.result')}</th>
              </tr>
            </thead>
            <tbody>
              {imports.map((i) => (
                <tr>
                  <td>
                    <a href={`/imports/${i.id}`}>{i.filename}</a>
                  </td>
                  <td>{formatDateTime(i.createdAt, 'Asia/Jakarta', locale)}</td>
                  <td>{i.creatorName ?? ''}</td>
                  <td>
                    <span class={`badge import-${i.status}`}>{t(`imports.status.${i.status}`)}</span>
                  </td>
                  <td>
                    {i.status === 'done'
                      ? t('imports.list.counts', {
                          created: i.created,
                          updated: i.updated,
                          unchanged: i.unchanged,
                          rejected: i.rejected,
                        })
                      : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ExportForm t={t} values={exportValues} />
    </section>
  );
}

function ExportForm({ t, values }: { t: T; values: Record<string, string> }) {
  return (
    <article id="export">
      <h2>{t('imports.export.title')}</h2>
      <p>{t('imports.export.lead')}</p>
      <form method="get" action="/imports/export.xlsx">
        <div class="grid-2">
          <Field name="q" label={t('imports.export.q')} value={values.q} />
          <Field name="province" label={t('imports.export.province')} value={values.province} />
          <Field name="regency" label={t('imports.export.regency')} value={values.regency} />
          <Select
            name="status"
            label={t('imports.export.status')}
            value={values.status}
            options={[
              { value: '', label: t('imports.export.any') },
              ...STATUSES.map((s) => ({ value: s, label: t(`imports.supplier_status.${s}`) })),
            ]}
          />
          <Select
            name="binaan"
            label={t('imports.export.binaan')}
            value={values.binaan}
            options={[
              { value: '', label: t('imports.export.binaan_all') },
              { value: 'mine', label: t('imports.export.binaan_mine') },
            ]}
          />
        </div>
        <p>
          <button type="submit">{t('imports.export.xlsx')}</button>{' '}
          <button type="submit" class="secondary" formaction="/imports/export.csv">
            {t('imports.export.csv')}
          </button>
        </p>
      </form>
    </article>
  );
}
