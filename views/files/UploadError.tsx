import type { T } from '../../src/i18n/index.js';

/** Why an upload was rejected; htmx swaps this under the form that sent it. */
export function UploadErrorFragment({ t, messages }: { t: T; messages: string[] }) {
  return (
    <div class="form-error" role="alert">
      <p>
        <strong>{t('files.error.title')}</strong>
      </p>
      <ul>
        {messages.map((m) => (
          <li>{m}</li>
        ))}
      </ul>
    </div>
  );
}

/** The same for plain form posts (no JavaScript): a page with the reasons and a way back. */
export function UploadErrorPage({ t, messages, back }: { t: T; messages: string[]; back: string }) {
  return (
    <article id="upload-error">
      <h1>{t('files.error.title')}</h1>
      <UploadErrorFragment t={t} messages={messages} />
      <p>
        <a href={back}>{t('files.error.back')}</a>
      </p>
    </article>
  );
}
