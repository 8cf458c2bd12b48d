import { formatDateTime } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import type { AuditEntryView, ProfileView } from './models.js';

const show = (v: unknown) =>
  v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v);

/** Who changed what, and when: profile edits, certificates, files, verification decisions. */
export function AuditPage({
  t,
  locale,
  profile,
  entries,
}: {
  t: T;
  locale: Locale;
  profile: ProfileView;
  entries: readonly AuditEntryView[];
}) {
  return (
    <section id="audit">
      <hgroup>
        <h1>{t('suppliers.audit')}</h1>
        <p>
          <a href={`/suppliers/${profile.supplier.organizationId}`}>{profile.supplier.legalName}</a>
        </p>
      </hgroup>
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
              <td>{formatDateTime(e.at, 'Asia/Jakarta', locale)}</td>
              <td>{e.actorName ?? '—'}</td>
              <td>
                {e.entity} · {e.action}
              </td>
              <td>
                <ul class="changes">
                  {Object.entries(e.changes ?? {}).map(([field, change]) => (
                    <li>
                      <code>{field}</code>:{' '}
                      {Array.isArray(change) && change.length === 2
                        ? `${show(change[0])} → ${show(change[1])}`
                        : show(change)}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
