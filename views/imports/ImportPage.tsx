import type { Child } from 'hono/jsx';
import { formatDateTime } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import { IMPORT_FIELDS } from '../../src/imports/fields.js';
import { columnKey } from '../../src/imports/mapping.js';
import { LEGAL_BASES } from '../../src/privacy/notice.js';
import { FormErrors, Select } from '../components/form.js';
import type { ImportView, PreviewView } from './models.js';
import { columnLetter, IssueTable, issueText, StatusBadge } from './parts.js';

export interface ImportPageProps {
  t: T;
  locale: Locale;
  imp: ImportView;
  creatorName: string | null;
  /** Present while the import is pending. */
  preview: PreviewView | null;
  /** Form values and errors after a rejected mapping (422). */
  values?: Record<string, string> | undefined;
  errors?: Record<string, string> | undefined;
  /** The run's progress or results (#import-status). */
  status: Child;
}

/** One import: mapping and preview while pending, then progress and results. */
export function ImportPage({
  t,
  locale,
  imp,
  creatorName,
  preview,
  values,
  errors = {},
  status,
}: ImportPageProps) {
  return (
    <section id="import">
      <p>
        <a href="/imports">{t('imports.back')}</a>
      </p>
      <h1>{imp.filename}</h1>
      <p>
        <StatusBadge t={t} status={imp.status} />{' '}
        {t('imports.meta', {
          date: formatDateTime(imp.createdAt, 'Asia/Jakarta', locale),
          name: creatorName ?? '',
          rows: imp.totalRows,
        })}
      </p>
      {preview ? (
        <>
          <MappingForm t={t} imp={imp} preview={preview} values={values} errors={errors} />
          <PreviewSection t={t} preview={preview} />
          {Object.keys(preview.mappingErrors).length === 0 && Object.keys(errors).length === 0 ? (
            <CommitForm t={t} imp={imp} valid={preview.valid} />
          ) : null}
        </>
      ) : null}
      {status}
    </section>
  );
}

function MappingForm({
  t,
  imp,
  preview,
  values,
  errors,
}: {
  t: T;
  imp: ImportView;
  preview: PreviewView;
  values: Record<string, string> | undefined;
  errors: Record<string, string>;
}) {
  const options = [
    { value: 'ignore', label: t('imports.mapping.ignore') },
    ...IMPORT_FIELDS.map((f) => ({ value: f, label: t(`imports.field.${f}`) })),
  ];
  const own = (key: string) => (preview.mappingErrors[key] ? t(preview.mappingErrors[key]) : undefined);
  const formError = errors._ ?? own('_');
  return (
    <article id="mapping">
      <h2>{t('imports.mapping.title')}</h2>
      <p>{t('imports.mapping.lead')}</p>
      <FormErrors message={formError ?? (Object.keys(errors).length ? t('errors.invalid') : null)} />
      <form method="post" action={`/imports/${imp.id}/mapping`}>
        <div class="grid-2">
          {preview.headers.map((h, i) => {
            const key = columnKey(i);
            return (
              <Select
                name={key}
                label={t('imports.mapping.column', {
                  letter: columnLetter(i),
                  header: h || t('imports.mapping.untitled'),
                })}
                value={values?.[key] ?? preview.mapping[i] ?? 'ignore'}
                error={errors[key] ?? own(key)}
                options={options}
              />
            );
          })}
        </div>
        <button type="submit">{t('imports.mapping.save')}</button>
      </form>
    </article>
  );
}

function PreviewSection({ t, preview }: { t: T; preview: PreviewView }) {
  if (Object.keys(preview.mappingErrors).length) {
    return (
      <article id="preview">
        <h2>{t('imports.preview.title')}</h2>
        <p>{t('imports.preview.unavailable')}</p>
      </article>
    );
  }
  const col = (f: string) => preview.mapping.indexOf(f as never);
  const cell = (cells: string[], f: string) => (col(f) >= 0 ? (cells[col(f)] ?? '') : '');
  return (
    <article id="preview">
      <h2>{t('imports.preview.title')}</h2>
      <p id="preview-counts" role="status">
        {t('imports.preview.counts', {
          total: preview.total,
          valid: preview.valid,
          warnings: preview.withWarnings,
          invalid: preview.invalid,
        })}
      </p>
      <p>{t('imports.preview.lead', { shown: preview.rows.length })}</p>
      <div class="overflow-auto">
        <table id="preview-rows">
          <thead>
            <tr>
              <th scope="col">{t('imports.preview.row')}</th>
              <th scope="col">{t('imports.preview.name')}</th>
              <th scope="col">{t('imports.preview.nib')}</th>
              <th scope="col">{t('imports.preview.regency')}</th>
              <th scope="col">{t('imports.preview.state')}</th>
              <th scope="col">{t('imports.preview.notes')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => {
              const state = !r.ok ? 'error' : r.issues.length ? 'warning' : 'ok';
              return (
                <tr class={`preview-${state}`} data-row={String(r.row)}>
                  <td>{r.row}</td>
                  <td>{cell(r.cells, 'legal_name')}</td>
                  <td>{cell(r.cells, 'nib')}</td>
                  <td>{cell(r.cells, 'regency')}</td>
                  <td>{t(`imports.preview.${state}`)}</td>
                  <td>
                    {r.issues.map((i) => (
                      <div>{issueText(t, i)}</div>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h3>{t('imports.issues.title')}</h3>
      <IssueTable t={t} issues={preview.issues} id="preview-issues" />
    </article>
  );
}

function CommitForm({ t, imp, valid }: { t: T; imp: ImportView; valid: number }) {
  return (
    <article id="commit">
      <h2>{t('imports.commit.title')}</h2>
      <p>{t('imports.commit.lead')}</p>
      <form method="post" action={`/imports/${imp.id}/commit`}>
        <Select
          name="legal_basis"
          label={t('privacy.basis.label')}
          options={LEGAL_BASES.map((b) => ({ value: b, label: t(`privacy.basis.${b}`) }))}
          value="public_task"
          required
        />
        <p>
          <small>
            {t('privacy.basis.hint')} <a href="/privasi">{t('privacy.link')}</a>
          </small>
        </p>
        <button type="submit">{t('imports.commit.submit', { n: valid })}</button>
      </form>
    </article>
  );
}
