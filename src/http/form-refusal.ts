import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { DomainError, LimitExceeded } from '../errors.js';

/** Field errors (catalog keys) in the reader's language, with the limit's figures when one was exceeded. */
export function translateFields(
  c: Context<AppEnv>,
  errors: Record<string, string>,
  params?: Record<string, string | number>,
): Record<string, string> {
  const t = c.get('t');
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, t(v, params)]));
}

/**
 * What a form shows when the service refused it: field errors with 422, or a conflict (409) as a
 * form-level message. Any other error is rethrown, so the error handler answers it as usual.
 */
export function formRefusal(
  c: Context<AppEnv>,
  err: unknown,
): { errors: Record<string, string>; status: 409 | 422 } {
  if (!(err instanceof DomainError && (err.fields || err.status === 409))) throw err;
  const errors = err.fields ? translateFields(c, err.fields) : { _: err.message };
  return { errors, status: err.status === 409 ? 409 : 422 };
}

/** Translated field errors when the service refused named fields; any other error is rethrown. */
export function fieldRefusal(c: Context<AppEnv>, err: unknown): Record<string, string> {
  if (!(err instanceof DomainError && err.fields)) throw err;
  return translateFields(c, err.fields, err instanceof LimitExceeded ? err.params : undefined);
}
