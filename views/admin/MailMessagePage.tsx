import { formatDateTime, formatNumber, ZONES } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import type { MailMessageView } from './models.js';

/**
 * One stored message, read: headers decoded, the date in the chosen zone, the text part (or the
 * HTML part reduced to text), the attachments with download links, and a link to the raw message.
 * The message's HTML is never put into the page: stripped to text it cannot run, load or phish.
 */
export function MailMessagePage({
  t,
  locale,
  name,
  mail,
  tz,
}: {
  t: T;
  locale: Locale;
  name: string;
  mail: MailMessageView;
  tz: string;
}) {
  const base = `/admin/mail/${encodeURIComponent(name)}`;
  const body = mail.text ?? mail.htmlText;
  return (
    <article id="mail-message">
      <p>
        <a href="/admin/mail">{t('admin.mail')}</a>
      </p>
      <h1>{mail.subject || t('admin.mail_no_subject')}</h1>
      <dl class="need-facts">
        <dt>{t('admin.mail_from')}</dt>
        <dd>{mail.from || '—'}</dd>
        <dt>{t('admin.mail_to')}</dt>
        <dd>{mail.to || '—'}</dd>
        {mail.cc ? (
          <>
            <dt>{t('admin.mail_cc')}</dt>
            <dd>{mail.cc}</dd>
          </>
        ) : null}
        <dt>{t('admin.mail_date')}</dt>
        <dd>{mail.date ? formatDateTime(mail.date, tz, locale) : '—'}</dd>
      </dl>
      <form method="get" action={base}>
        <label for="mail-tz">{t('admin.mail_zone')}</label>
        <select id="mail-tz" name="tz">
          {Object.entries(ZONES).map(([zone, abbrev]) => (
            <option value={zone} selected={zone === tz}>
              {abbrev}
            </option>
          ))}
        </select>
        <button type="submit" class="secondary">
          {t('admin.mail_zone_apply')}
        </button>
      </form>
      {mail.truncated ? <p class="muted">{t('admin.mail_truncated')}</p> : null}
      {mail.text === null && mail.htmlText !== null ? (
        <p class="muted">{t('admin.mail_html_as_text')}</p>
      ) : null}
      {body === null ? <p>{t('admin.mail_no_text')}</p> : <div class="mail-body">{body}</div>}
      <h2>{t('admin.mail_attachments')}</h2>
      {mail.attachments.length === 0 ? (
        <p class="muted">{t('admin.mail_no_attachments')}</p>
      ) : (
        <ul id="mail-attachments">
          {mail.attachments.map((a) => (
            <li>
              <a href={`${base}/attachments/${a.index}`} download>
                {a.filename}
              </a>{' '}
              <small class="muted">
                {a.contentType} · {formatNumber(a.size / 1024, locale, 1)} KB
              </small>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={`${base}/raw`}>{t('admin.mail_raw')}</a>
      </p>
    </article>
  );
}
