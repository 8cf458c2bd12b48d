import type { T } from '../../src/i18n/index.js';
import { Field, FormErrors } from '../components/form.js';
import type { PublicPageSettingsView } from './models.js';

interface Props {
  t: T;
  page: PublicPageSettingsView;
  values?: Record<string, string>;
  errors?: Record<string, string>;
}

/** Facilitators choose the page's address and open or close it. */
export function PublicPageSettings({ t, page, values, errors = {} }: Props) {
  const action = `/events/${page.eventId}/public-page`;
  const slug = values?.slug ?? page.slug;
  const open = values ? values.open === '1' : page.open;
  return (
    <article id="public-page-settings" class="narrow">
      <h1>{t('events.public.settings_title', { event: page.eventName })}</h1>
      <FormErrors message={Object.keys(errors).length ? t('errors.invalid') : null} />
      <form method="post" action={action}>
        <Field
          name="slug"
          label={t('events.public.slug')}
          hint={t('events.public.slug_hint')}
          value={slug}
          error={errors.slug}
          required
        />
        <label for="f-open">
          <input id="f-open" type="checkbox" name="open" value="1" checked={open} /> {t('events.public.open')}
        </label>
        <button type="submit">{t('common.save')}</button>
      </form>
      {page.open ? (
        <p>
          <a href={`/e/${page.slug}`}>{`/e/${page.slug}`}</a>
        </p>
      ) : null}
      <p>
        <a href={`/events/${page.eventId}`}>{t('events.public.back')}</a>
      </p>
    </article>
  );
}
