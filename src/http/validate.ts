import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from '../context.js';
import { Invalid } from '../errors.js';
import type { T } from '../i18n/index.js';

type Issue = z.core.$ZodIssue;

/** Turns one zod issue into a sentence in the user's language. Custom messages are catalog keys (`v.*`). */
export function issueMessage(issue: Issue, t: T): string {
  if (issue.message.startsWith('v.')) return t(issue.message);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? t('v.required')
          : t('v.too_short', { min: Number(issue.minimum) });
      }
      return t('v.too_small', { min: Number(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string'
        ? t('v.too_long', { max: Number(issue.maximum) })
        : t('v.too_big', { max: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('v.email') : t('v.invalid');
    case 'invalid_value':
      return t('v.choice');
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null || issue.input === '') return t('v.required');
      if (issue.expected === 'number') return t('v.number');
      if (issue.expected === 'int') return t('v.integer');
      return t('v.invalid');
    default:
      return t('v.invalid');
  }
}

/** Field → first message, with dotted paths for nested fields (`location.lat`). */
export function fieldErrors(error: z.ZodError, t: T): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    out[key] ??= issueMessage(issue, t);
  }
  return out;
}

export type FormResult<S extends z.ZodType> =
  | { ok: true; data: z.infer<S>; values: Record<string, string> }
  | { ok: false; errors: Record<string, string>; values: Record<string, string> };

/**
 * Parses an urlencoded/multipart form. On failure the caller re-renders the form
 * with `errors` and the submitted `values` (status 422).
 */
export async function parseForm<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<FormResult<S>> {
  const body = await c.req.parseBody({ all: true });
  const values: Record<string, string> = {};
  const input: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if (Array.isArray(v)) {
      input[k] = v.filter((x) => typeof x === 'string');
      values[k] = String(v.find((x) => typeof x === 'string') ?? '');
    } else if (typeof v === 'string') {
      input[k] = v;
      values[k] = v;
    } else {
      input[k] = v;
    }
  }
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  return { ok: false, errors: fieldErrors(parsed.error, c.get('t')), values };
}

/** Parses a JSON body for the API; malformed JSON is a 400, schema failures a 422 with fields. */
export async function parseJson<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new Invalid({}, 'errors.bad_json', 400);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Invalid(fieldErrors(parsed.error, c.get('t')));
  return parsed.data;
}

/** Parses query parameters; failures are 400 with fields (a bad URL, not a bad form). */
export function parseQuery<S extends z.ZodType>(c: Context<AppEnv>, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw new Invalid(fieldErrors(parsed.error, c.get('t')), 'errors.bad_request', 400);
  return parsed.data;
}
