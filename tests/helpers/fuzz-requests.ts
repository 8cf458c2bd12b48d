import fc from 'fast-check';
import type { HarvestedForm } from './fuzz-forms.js';
import {
  hostileJson,
  hostileString,
  type Mode,
  mode,
  mutateJson,
  mutateValue,
  type Vocabulary,
} from './fuzz-input.js';
import { encodeAny, type IdPools, pathArbitrary, type Route } from './fuzz-targets.js';

export const ROLES = ['anonymous', 'supplier', 'buyer', 'facilitator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** How a role shows up: a session cookie for pages, a bearer token for the API. */
export interface Credentials {
  cookie: string | null;
  token: string | null;
}

type BodyKind = 'none' | 'form' | 'multipart' | 'bad-multipart' | 'json' | 'bad-json';

/** A form some role saw on some page: posting it back as that role passes validation unless mutated. */
export interface SeenForm extends HarvestedForm {
  role: Role;
}

/** One generated request, before it is turned into a `Request`. */
export interface FuzzCase {
  form: SeenForm | null;
  role: Role;
  path: string;
  query: [string, string][];
  body: BodyKind;
  mutations: [number, string, Mode][];
  jsonPick: number;
  jsonValue: unknown;
  badJson: number;
  fileName: string;
  htmx: boolean;
  forwardedFor: string;
}

const BAD_JSON = [
  '{"a":',
  '{',
  'nul\u0000l',
  '{"name":"\\ud800"}',
  '{"name":"\\u0000"}',
  '["\\udfff", 1e999]',
  '{"__proto__":{"admin":true}}',
  '"just a string"',
  '12',
  'null',
  '[]',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  '{"a":1,"a":2}',
  '\uFEFF{"a":1}',
];

const BAD_MULTIPART = [
  { type: 'multipart/form-data', body: 'no boundary at all' },
  {
    type: 'multipart/form-data; boundary=XyZ',
    body: '--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated',
  },
  { type: 'multipart/form-data; boundary=XyZ', body: 'garbage before\r\n--XyZ--' },
  { type: 'multipart/form-data; boundary=', body: '----\r\n\r\n' },
  {
    type: 'multipart/form-data; boundary=XyZ',
    body: '--XyZ\r\nContent-Disposition: form-data\r\n\r\nx\r\n--XyZ--\r\n',
  },
  { type: 'multipart/form-data; boundary="a b"', body: '--a b\r\n\r\n' },
  { type: 'multipart/form-data; boundary=XyZ', body: '' },
  { type: 'application/x-www-form-urlencoded', body: '%ZZ=%E0%A4%A&a=%00&&&=&a[]=1&a[b]=2' },
  { type: 'text/plain', body: 'name=x' },
];

/** Header values must be Latin-1 without controls; keep the hostile spirit inside that. */
function headerSafe(s: string): string {
  return s.replace(/[^\x20-\x7e\xa0-\xff]/g, '?').slice(0, 200);
}

/** The arbitrary for one request to `route`: who, which path, which query, which body. */
export function caseArbitrary(
  route: Route,
  pools: IdPools,
  vocab: Vocabulary,
  forms: readonly SeenForm[],
): fc.Arbitrary<FuzzCase> {
  const keys = [...vocab.form.keys()];
  const mutating = route.method !== 'GET';
  const api = route.path.startsWith('/api/');
  const key = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...keys) },
    { weight: 1, arbitrary: hostileString },
  );
  return fc
    .record({
      form: forms.length
        ? fc.oneof(
            { weight: 3, arbitrary: fc.constantFrom(...forms) },
            { weight: 1, arbitrary: fc.constant(null) },
          )
        : fc.constant(null),
      role: fc.constantFrom(...ROLES),
      path: pathArbitrary(route, pools),
      query: fc.array(fc.tuple(key, hostileString), { maxLength: 6 }).chain((pairs) =>
        // Duplicated keys: the same name twice with different values.
        fc
          .boolean()
          .map((dup): [string, string][] =>
            dup && pairs.length ? [...pairs, [pairs[0]![0], 'second']] : pairs,
          ),
      ),
      body: mutating
        ? fc.oneof(
            { weight: api ? 1 : 6, arbitrary: fc.constant<BodyKind>('form') },
            { weight: 2, arbitrary: fc.constant<BodyKind>('multipart') },
            { weight: 1, arbitrary: fc.constant<BodyKind>('bad-multipart') },
            { weight: api ? 6 : 1, arbitrary: fc.constant<BodyKind>('json') },
            { weight: 1, arbitrary: fc.constant<BodyKind>('bad-json') },
            { weight: 1, arbitrary: fc.constant<BodyKind>('none') },
          )
        : fc.constant<BodyKind>('none'),
      mutations: fc.array(fc.tuple(fc.nat(), hostileString, mode), { minLength: 1, maxLength: 3 }),
      jsonPick: fc.nat(),
      jsonValue: hostileJson,
      badJson: fc.nat(),
      fileName: hostileString,
      htmx: fc.boolean(),
      forwardedFor: fc.oneof(fc.ipV4(), fc.ipV6(), hostileString.map(headerSafe)),
    })
    .map((c) => (c.form ? { ...c, role: c.form.role } : c));
}

function formPairs(c: FuzzCase, vocab: Vocabulary): [string, string][] {
  const mutations = c.mutations;
  // A harvested form keeps what the page filled in; its empty fields get plausible values, so only the mutations fail.
  const pairs: [string, string][] = c.form?.fields.length
    ? c.form.fields.map(([k, v]) => [k, v || (vocab.form.get(k) ?? 'Fuzz text')])
    : [...vocab.form.entries()];
  for (const [at, value, how] of mutations) {
    const i = at % pairs.length;
    pairs[i] = [pairs[i]![0], String(mutateValue(pairs[i]![1], how, value))];
    // A duplicated key, as `a=1&a=2`, where the schema expects one scalar.
    if (at % 5 === 0) pairs.push([pairs[i]![0], 'again']);
  }
  return pairs;
}

function encodeForm(pairs: [string, string][]): string {
  return pairs.map(([k, v]) => `${encodeAny(k)}=${encodeAny(v)}`).join('&');
}

function multipart(pairs: [string, string][], fileName: string): { type: string; body: Uint8Array } {
  const boundary = 'fuzzBoundary7MA4YWxkTrZu0gW';
  const enc = new TextEncoder();
  const name = fileName.replace(/["\r\n]/g, '_');
  const parts = pairs.map(
    ([k, v]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${k.replace(/["\r\n]/g, '_')}"\r\n\r\n${v}\r\n`,
  );
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\nname,nib\r\n${name},1234567890123\r\n`,
  );
  return {
    type: `multipart/form-data; boundary=${boundary}`,
    body: enc.encode(`${parts.join('')}--${boundary}--\r\n`),
  };
}

/** Turns a case into what `app.request()` takes. Cookie routes get a same-origin Origin so CSRF lets them through. */
export function buildRequest(
  route: Route,
  c: FuzzCase,
  creds: Credentials,
  vocab: Vocabulary,
  origin: string,
): { url: string; init: RequestInit } {
  const headers: Record<string, string> = {
    'x-forwarded-for': c.forwardedFor,
    'user-agent': headerSafe(c.fileName),
  };
  if (creds.cookie) headers.cookie = creds.cookie;
  if (creds.token && route.path.startsWith('/api/')) headers.authorization = `Bearer ${creds.token}`;
  if (c.htmx) headers['hx-request'] = 'true';
  const query = c.query.map(([k, v]) => `${encodeAny(k)}=${encodeAny(v)}`).join('&');
  const base = route.method === 'GET' || !c.form ? c.path : c.form.action;
  const url = query ? `${base}${base.includes('?') ? '&' : '?'}${query}` : base;
  if (route.method === 'GET') return { url, init: { method: 'GET', headers } };
  headers.origin = origin;
  let body: string | Uint8Array | undefined;
  const pairs = formPairs(c, vocab);
  switch (c.body) {
    case 'form':
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = encodeForm(pairs);
      break;
    case 'multipart': {
      const m = multipart(pairs, c.fileName);
      headers['content-type'] = m.type;
      body = m.body;
      break;
    }
    case 'bad-multipart': {
      const m = BAD_MULTIPART[c.badJson % BAD_MULTIPART.length]!;
      headers['content-type'] = m.type;
      body = m.body;
      break;
    }
    case 'json': {
      // Every schema's keys at once (zod ignores the ones it does not know), one schema's shape on top.
      const doc = { ...vocab.jsonAll, ...(vocab.json[c.jsonPick % vocab.json.length] as object) };
      headers['content-type'] = 'application/json';
      const [pick, , how] = c.mutations[0]!;
      body = JSON.stringify(mutateJson(doc, pick, how === 'replace' ? c.jsonValue : c.mutations[0]![1], how));
      break;
    }
    case 'bad-json':
      headers['content-type'] = 'application/json';
      body = BAD_JSON[c.badJson % BAD_JSON.length]!;
      break;
    case 'none':
      break;
  }
  return { url, init: { method: route.method, headers, ...(body !== undefined ? { body } : {}) } };
}
