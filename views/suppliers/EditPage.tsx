import type { Section } from '../../src/suppliers/form.js';
import { FormErrors } from '../components/form.js';
import { Capabilities } from './edit/Capabilities.js';
import { Certifications } from './edit/Certifications.js';
import { Contacts } from './edit/Contacts.js';
import { Identity } from './edit/Identity.js';
import { Location } from './edit/Location.js';
import type { EditPageProps } from './edit/types.js';
import { Evidence, Media } from './edit/Uploads.js';

export type { RegencyOption } from '../components/RegencySelect.js';
export type { EditPageProps } from './edit/types.js';

/** Self-service editing in sections; each section is its own form that works without JavaScript. */
export function EditPage(p: EditPageProps) {
  const { t, profile } = p;
  const s = profile.supplier;
  const id = s.organizationId;
  const failed = p.failed ?? null;
  const errs = (section: Section) => (failed?.section === section ? failed.errors : {});
  const raw = (section: Section) => (failed?.section === section ? failed.raw : null);
  return (
    <section id="supplier-edit">
      <hgroup>
        <h1>{t('suppliers.edit_title')}</h1>
        <p>
          <a href={`/suppliers/${id}`}>{s.legalName}</a>
        </p>
      </hgroup>
      <FormErrors message={failed ? t('errors.invalid') : null} />
      <nav aria-label={t('suppliers.sections')}>
        <ul>
          {(
            [
              'identity',
              'location',
              'capabilities',
              'certifications',
              'evidence',
              'media',
              'contacts',
            ] as const
          ).map((sec) => (
            <li>
              <a href={`#${sec}`}>{t(`suppliers.section.${sec}`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <Identity {...p} errors={errs('identity')} raw={raw('identity')} />
      <Location {...p} errors={errs('location')} raw={raw('location')} />
      <Capabilities {...p} errors={errs('capabilities')} raw={raw('capabilities')} />
      <Certifications {...p} errors={errs('certifications')} raw={raw('certifications')} />
      <Evidence {...p} />
      <Media {...p} />
      <Contacts {...p} errors={errs('contacts')} raw={raw('contacts')} />
    </section>
  );
}
