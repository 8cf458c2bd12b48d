import type { T } from '../../src/i18n/index.js';
import { TERM_KINDS, type TermKind } from '../../src/taxonomy/dictionary.js';
import { Field, FormErrors } from '../components/form.js';
import type { TermView } from './models.js';

/** Terms of one kind with their labels and synonyms; a filter box; links to edit. */
export function TaxonomyPage({ t, kind, terms, q }: { t: T; kind: TermKind; terms: TermView[]; q: string }) {
  return (
    <section id="taxonomy">
      <h1>{t('admin.taxonomy')}</h1>
      <nav aria-label={t('admin.kinds')}>
        <ul>
          {TERM_KINDS.map((k) => (
            <li>
              <a href={`/admin/taxonomy/${k}`} aria-current={k === kind ? 'page' : undefined}>
                {t(`admin.kind.${k}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action={`/admin/taxonomy/${kind}`}>
        <label for="f-q">
          {t('admin.filter')}
          <input id="f-q" name="q" type="search" value={q} />
        </label>
        <button type="submit">{t('suppliers.filter.apply')}</button>
      </form>
      <p>
        <a href={`/admin/taxonomy/${kind}/new`}>{t('admin.term_new')}</a>
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Slug</th>
            <th scope="col">{t('admin.label_id')}</th>
            <th scope="col">{t('admin.label_en')}</th>
            <th scope="col">{t('admin.synonyms')}</th>
          </tr>
        </thead>
        <tbody>
          {terms.map((term) => (
            <tr class={term.active ? '' : 'expired'}>
              <td>
                <a href={`/admin/taxonomy/${kind}/${term.slug}`}>{term.slug}</a>
              </td>
              <td>{term.labelId}</td>
              <td>{term.labelEn}</td>
              <td>
                <small>
                  {term.synonymsId.join(', ')} · {term.synonymsEn.join(', ')}
                </small>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Create or edit one term. */
export function TermEditPage({
  t,
  kind,
  term,
  values,
  errors,
}: {
  t: T;
  kind: TermKind;
  term: TermView | null;
  values: Record<string, string> | null;
  errors: Record<string, string>;
}) {
  const v = (k: string, fallback: string) => values?.[k] ?? fallback;
  const action = term
    ? `/admin/taxonomy/${kind}?slug=${encodeURIComponent(term.slug)}`
    : `/admin/taxonomy/${kind}`;
  return (
    <section id="term-edit">
      <h1>
        {t(`admin.kind.${kind}`)}: {term ? term.slug : t('admin.term_new')}
      </h1>
      <FormErrors message={Object.keys(errors).length ? t('errors.invalid') : null} />
      <form method="post" action={action}>
        {term ? (
          <input type="hidden" name="slug" value={term.slug} />
        ) : (
          <Field
            name="slug"
            label="Slug"
            hint={t('admin.slug_hint')}
            value={v('slug', '')}
            error={errors.slug}
            required
          />
        )}
        <Field
          name="label_id"
          label={t('admin.label_id')}
          value={v('label_id', term?.labelId ?? '')}
          error={errors.label_id}
          required
        />
        <Field
          name="label_en"
          label={t('admin.label_en')}
          value={v('label_en', term?.labelEn ?? '')}
          error={errors.label_en}
          required
        />
        <label for="f-synonyms_id">
          {t('admin.synonyms_id')}
          <textarea id="f-synonyms_id" name="synonyms_id" rows={3}>
            {v('synonyms_id', term?.synonymsId.join(', ') ?? '')}
          </textarea>
          <small>{t('admin.synonyms_hint')}</small>
        </label>
        <label for="f-synonyms_en">
          {t('admin.synonyms_en')}
          <textarea id="f-synonyms_en" name="synonyms_en" rows={3}>
            {v('synonyms_en', term?.synonymsEn.join(', ') ?? '')}
          </textarea>
        </label>
        <Field
          name="parent_slug"
          label={t('admin.parent')}
          value={v('parent_slug', term?.parentSlug ?? '')}
          error={errors.parent_slug}
        />
        {term ? (
          <label for="f-active">
            <input
              id="f-active"
              type="checkbox"
              name="active"
              value="on"
              checked={values ? values.active === 'on' : term.active}
            />
            {t('admin.active')}
          </label>
        ) : null}
        <button type="submit">{t('common.save')}</button>
      </form>
    </section>
  );
}
