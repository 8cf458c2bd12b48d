import type { Context, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from '../context.js';
import { Invalid } from '../errors.js';
import type { T } from '../i18n/index.js';
import { normalizeDeep, normalizeText } from '../text/normalize.js';

type Issue = z.core.$ZodIssue;

/**
 * zod 4 leaves `input` off issues unless asked, and then a wrong-typed value (`"x"` for a number)
 * would read as missing ("Wajib diisi."). The input only picks the message; it is never echoed.
 */
const REPORT_INPUT = { reportInput: true } as const;

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

/**
 * Field → first message, with dotted paths for nested fields (`location.lat`). An unknown key
 * (`unrecognized_keys`, from a strict schema) is named on its own (`foo`, `days.0.foo`) rather than
 * blamed on the object that holds it, so a client learns which key to drop.
 */
export function fieldErrors(error: z.ZodError, t: T): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) out[[...base, k].join('.')] ??= t('v.unknown_field');
      continue;
    }
    out[base.join('.') || '_'] ??= issueMessage(issue, t);
  }
  return out;
}

export type FormResult<S extends z.ZodType> =
  | { ok: true; data: z.infer<S>; values: Record<string, string> }
  | { ok: false; errors: Record<string, string>; values: Record<string, string> };

type BodyOptions = { all?: boolean; dot?: boolean };
type ParsedBody = Record<string, string | File | (string | File)[]>;

function normalizeFile(file: File): File {
  const name = normalizeText(file.name);
  return name === file.name
    ? file
    : new File([file], name, { type: file.type, lastModified: file.lastModified });
}

function normalizeValue(v: unknown): unknown {
  if (typeof v === 'string') return normalizeText(v);
  if (v instanceof File) return normalizeFile(v);
  if (Array.isArray(v)) return v.map(normalizeValue);
  if (v !== null && typeof v === 'object') return normalizeBody(v as Record<string, unknown>);
  return v;
}

function normalizeBody(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) out[normalizeText(k)] = normalizeValue(v);
  return out;
}

/**
 * The one way to read an urlencoded or multipart body: a malformed body (bad boundary, truncated
 * part, wrong content type) is the client's fault, so it is a 400 with the standard error shape
 * instead of the TypeError the parser throws; text and file names come back normalised.
 */
export async function readBody(c: Context<AppEnv>, opts: BodyOptions = {}): Promise<ParsedBody> {
  let body: Record<string, unknown>;
  try {
    body = (await c.req.parseBody(opts)) as Record<string, unknown>;
  } catch {
    throw new Invalid({}, 'errors.bad_request', 400);
  }
  return normalizeBody(body) as ParsedBody;
}

/**
 * Parses an urlencoded/multipart form. On failure the caller re-renders the form
 * with `errors` and the submitted `values` (status 422).
 */
export async function parseForm<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<FormResult<S>> {
  const body = await readBody(c, { all: true });
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
  const parsed = schema.safeParse(input, REPORT_INPUT);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  return { ok: false, errors: fieldErrors(parsed.error, c.get('t')), values };
}

/** No API body nests deeper than a few levels; `[[[[…]]]]` thousands deep would only exhaust the stack. */
const MAX_JSON_DEPTH = 32;

function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return true;
    for (const x of Object.values(v)) stack.push([x, depth + 1]);
  }
  return false;
}

/** Parses a JSON body for the API; malformed JSON is a 400, schema failures a 422 with fields. */
export async function parseJson<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new Invalid({}, 'errors.bad_json', 400);
  }
  if (nestedDeeperThan(raw, MAX_JSON_DEPTH)) throw new Invalid({}, 'errors.bad_json', 400);
  const parsed = schema.safeParse(normalizeDeep(raw), REPORT_INPUT);
  if (!parsed.success) throw new Invalid(fieldErrors(parsed.error, c.get('t')));
  return parsed.data;
}

/** Parses query parameters; failures are 400 with fields (a bad URL, not a bad form). */
export function parseQuery<S extends z.ZodType>(c: Context<AppEnv>, schema: S): z.infer<S> {
  const parsed = schema.safeParse(normalizeDeep(c.req.query()), REPORT_INPUT);
  if (!parsed.success) throw new Invalid(fieldErrors(parsed.error, c.get('t')), 'errors.bad_request', 400);
  return parsed.data;
}

/**
 * Refuses URLs that carry a NUL byte (`%00`) with a 400 before any route sees them. No path or
 * query value legitimately holds one, and path params and `c.req.query()` reads bypass the
 * parse helpers above, so this is where NUL stops for them (PostgreSQL rejects it in text).
 * Lone surrogates need no rule here: they cannot be percent-decoded, so they stay as ASCII escapes.
 */
export function rejectNulInUrl(): MiddlewareHandler<AppEnv> {
  return async function rejectNulInUrlMiddleware(c, next) {
    if (/%00/.test(c.req.url)) throw new Invalid({}, 'errors.bad_request', 400);
    return next();
  };
}
