import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ErrorPage } from '../../views/errors/ErrorPage.js';
import type { AppEnv } from '../context.js';
import { isPgError } from '../db/client.js';
import { isDatabaseUnavailable } from '../db/faults.js';
import { DomainError, LimitExceeded, OriginRefused, RateLimited } from '../errors.js';
import { translator } from '../i18n/index.js';
import { render } from './render.js';

interface Mapped {
  status: number;
  code: string;
  messageKey: string;
  params?: Record<string, string | number>;
  fields?: Record<string, string>;
  /** Answered by the database safety net: logged, because its cause belongs at the edge. */
  safetyNet?: boolean;
}

const INPUT_PG_CODES = ['22P02', '22007', '22008', '22001', '22003', '22021'];

function mapError(err: unknown): Mapped | null {
  if (err instanceof RateLimited) {
    return {
      status: 429,
      code: err.code,
      messageKey: err.message,
      params: {
        minutes: Math.max(1, Math.ceil(err.retryAfterSeconds / 60)),
        seconds: err.retryAfterSeconds,
      },
    };
  }
  if (err instanceof DomainError) {
    return {
      status: err.status,
      code: err.code,
      messageKey: err.message,
      ...(err instanceof LimitExceeded || err instanceof OriginRefused ? { params: err.params } : {}),
      ...(err.fields ? { fields: err.fields } : {}),
    };
  }
  if (isPgError(err, '23505') || isPgError(err, '23P01')) {
    return { status: 409, code: 'conflict', messageKey: 'errors.conflict' };
  }
  if (isDatabaseUnavailable(err)) {
    return { status: 503, code: 'unavailable', messageKey: 'errors.db_unavailable' };
  }
  // Safety net only: input-shaped values PostgreSQL refused (bad text for a type, impossible
  // datetime, too long, out of range, bad encoding) are the client's 400, never a 500. Causes are
  // fixed where input enters; this keeps one missed path from taking a page down.
  if (INPUT_PG_CODES.some((code) => isPgError(err, code))) {
    return { status: 400, code: 'bad_request', messageKey: 'errors.bad_request', safetyNet: true };
  }
  if (err instanceof HTTPException && err.status < 500) {
    const code = err.status === 404 ? 'not_found' : err.status === 403 ? 'forbidden' : 'bad_request';
    return { status: err.status, code, messageKey: `errors.${code}` };
  }
  return null;
}

/** True for requests that expect JSON errors. */
export function wantsJson(c: Context<AppEnv>): boolean {
  return c.req.path.startsWith('/api/') || c.req.path === '/healthz' || c.req.path === '/readyz';
}

/**
 * One place that turns any thrown error into a response: JSON for the API, a fragment
 * for htmx, a page otherwise. Unknown errors are logged with their stack and shown as a plain 500.
 */
export function handleError(err: unknown, c: Context<AppEnv>): Response | Promise<Response> {
  const t = c.get('t') ?? translator('id');
  const mapped = mapError(err);
  if (!mapped) {
    c.get('deps')?.logger.error({ reqId: c.get('requestId'), err }, 'unhandled error');
  } else if (mapped.status === 503) {
    c.get('deps')?.logger.warn(
      { reqId: c.get('requestId'), code: (err as { code?: string }).code },
      'database unavailable',
    );
  } else if (mapped.safetyNet) {
    c.get('deps')?.logger.warn({ reqId: c.get('requestId'), err }, 'input reached the database unvalidated');
  }
  const m = mapped ?? { status: 500, code: 'internal', messageKey: 'errors.server' };
  const message = t(m.messageKey, m.params);
  if (err instanceof RateLimited) c.header('Retry-After', String(err.retryAfterSeconds));
  if (m.status === 503) c.header('Retry-After', '5');
  if (wantsJson(c)) {
    const fields = Object.fromEntries(Object.entries(m.fields ?? {}).map(([k, v]) => [k, t(v, m.params)]));
    return c.json({ error: { code: m.code, message, fields } }, m.status as 400);
  }
  if (!c.get('t')) {
    // The error happened before the i18n middleware ran: render in the default language.
    c.set('t', t);
    c.set('locale', 'id');
    c.set('user', c.get('user') ?? null);
    c.set('partial', c.get('partial') ?? false);
  }
  return render(
    c,
    <ErrorPage t={t} status={m.status} message={message} requestId={c.get('requestId') ?? ''} />,
    {
      title: t('errors.title'),
      status: m.status,
    },
  );
}

/** 404 for unknown routes, in the same shapes as handleError. */
export function handleNotFound(c: Context<AppEnv>): Response | Promise<Response> {
  const t = c.get('t') ?? translator('id');
  if (wantsJson(c)) {
    return c.json({ error: { code: 'not_found', message: t('errors.not_found'), fields: {} } }, 404);
  }
  return render(
    c,
    <ErrorPage t={t} status={404} message={t('errors.not_found')} requestId={c.get('requestId') ?? ''} />,
    {
      title: t('errors.title'),
      status: 404,
    },
  );
}
