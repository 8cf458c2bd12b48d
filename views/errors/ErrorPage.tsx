import type { T } from '../../src/i18n/index.js';

/** Shown for 4xx/5xx pages: a message, a way home, and the request id for support. Never a stack trace. */
export function ErrorPage({
  t,
  status,
  message,
  requestId,
}: {
  t: T;
  status: number;
  message: string;
  requestId: string;
}) {
  return (
    <article id="error">
      <h1>
        {status} · {t('errors.title')}
      </h1>
      <p>{message}</p>
      <p>
        <a href="/">{t('errors.back_home')}</a>
      </p>
      <p class="muted">
        <small>
          {t('errors.request_id')}: <code>{requestId}</code>
        </small>
      </p>
    </article>
  );
}
