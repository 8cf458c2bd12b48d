import { type AuditFormatContext, actionLabel } from '../../src/audit/format.js';
import { formatDateTime } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import { AuditDiff } from '../components/AuditDiff.js';
import type { AuditEntryView, ProfileView } from './models.js';

/** Who changed what, and when: profile edits, certificates, files, verification decisions. */
export function AuditPage({
  t,
  locale,
  profile,
  entries,
  tz,
  term,
}: {
  t: T;
  locale: Locale;
  profile: ProfileView;
  entries: readonly AuditEntryView[];
  /** The supplier's zone: times and dates in the entries are shown in it. */
  tz: string;
  term?: AuditFormatContext['term'];
}) {
  const ctx: AuditFormatContext = { t, locale, tz, ...(term ? { term } : {}) };
  return (
    <section id="audit">
      <hgroup>
        <h1>{t('suppliers.audit')}</h1>
        <p>
          <a href={`/suppliers/${profile.supplier.organizationId}`}>{profile.supplier.legalName}</a>
        </p>
      </hgroup>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('suppliers.audit.when')}</th>
              <th scope="col">{t('suppliers.audit.who')}</th>
              <th scope="col">{t('suppliers.audit.action')}</th>
              <th scope="col">{t('suppliers.audit.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr>
                <td>{formatDateTime(e.at, tz, locale)}</td>
                <td>{e.actorName ?? '—'}</td>
                <td>{actionLabel(t, e.entity, e.action)}</td>
                <td>
                  <AuditDiff entity={e.entity} action={e.action} changes={e.changes ?? {}} ctx={ctx} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
