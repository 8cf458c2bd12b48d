import { formatDateTime } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import type { MailFileView } from './models.js';

/** Mail stored in the database when no SMTP server is configured. */
export function MailListPage({
  t,
  locale,
  files,
  target,
}: {
  t: T;
  locale: Locale;
  files: MailFileView[];
  target: string;
}) {
  return (
    <section id="mail">
      <h1>{t('admin.mail')}</h1>
      <p class="muted">{target === 'smtp' ? t('admin.mail_smtp') : t('admin.mail_files', { dir: target })}</p>
      {files.length === 0 ? <p>{t('admin.mail_empty')}</p> : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('admin.mail_when')}</th>
            <th scope="col">{t('admin.mail_to')}</th>
            <th scope="col">{t('admin.mail_subject')}</th>
          </tr>
        </thead>
        <tbody>
          {files.map((f) => (
            <tr>
              <td>{formatDateTime(f.mtime, 'Asia/Jakarta', locale)}</td>
              <td>{f.to}</td>
              <td>
                <a href={`/admin/mail/${encodeURIComponent(f.name)}`}>{f.subject || f.name}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
