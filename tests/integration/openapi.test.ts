import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, ORIGIN, type TestApp } from '../helpers/app.js';
import { makeUserWithToken } from '../helpers/factories.js';
import { openApiProblems, resolveRef, schemaProblems, validates } from '../helpers/openapi-check.js';

type Json = Record<string, unknown>;

let t: TestApp;
let doc: Json;
let token: string;
beforeAll(async () => {
  t = await createTestApp();
  token = (await makeUserWithToken(t.db.sql, { platformRole: 'facilitator' })).token;
  doc = (await (await api(t.app, 'GET', '/api/v1/openapi.json')).json()) as Json;
});
afterAll(() => t.close());

const operationsOf = (d: Json) =>
  Object.entries(d.paths as Record<string, Json>).flatMap(([path, item]) =>
    Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`),
  );
const opAt = (method: string, path: string) => (doc.paths as Record<string, Json>)[path]![method] as Json;
const bodySchema = (method: string, path: string) =>
  ((opAt(method, path).requestBody as Json).content as Record<string, Json>)['application/json']!.schema;

describe('the OpenAPI document', () => {
  it('is served without a token as JSON, with servers from APP_ORIGIN', async () => {
    const res = await api(t.app, 'GET', '/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: ORIGIN }]);
  });

  it('is structurally OpenAPI 3.1 and every schema compiles with resolvable $refs', () => {
    expect(openApiProblems(doc)).toEqual([]);
  });

  it('the checker fails a broken document (a dangling $ref, an unknown keyword, a missing path param)', () => {
    const broken = structuredClone(doc);
    const op = (broken.paths as Record<string, Json>)['/api/v1/needs/{id}']!.get as Json;
    (op.responses as Json)['404'] = { $ref: '#/components/responses/Nope' };
    op.parameters = [];
    (broken.components as Json).schemas = { X: { type: 'string', maxLenght: 3 } };
    const problems = openApiProblems(broken);
    expect(problems.some((p) => p.includes('unresolved $ref'))).toBe(true);
    expect(problems.some((p) => p.includes('unknown keyword maxLenght'))).toBe(true);
    expect(problems.some((p) => p.includes('path parameters differ'))).toBe(true);
  });

  it('lists every mounted /api/v1 route with the same method and path template, and nothing else', () => {
    const mounted = new Set(
      t.app.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/v1/'))
        .map((r) => `${r.method} ${r.path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}')}`),
    );
    const documented = new Set(operationsOf(doc));
    expect([...mounted].filter((k) => !documented.has(k))).toEqual([]);
    expect([...documented].filter((k) => !mounted.has(k))).toEqual([]);
    expect(mounted.size).toBeGreaterThan(40);
  });

  it('uses the bearer scheme everywhere except for the document itself, and the standard error schema', () => {
    const schemes = (doc.components as Json).securitySchemes as Json;
    expect(schemes.bearerAuth).toEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    expect(opAt('get', '/api/v1/openapi.json').security).toEqual([]);
    const me = opAt('get', '/api/v1/me');
    expect(me.security).toBeUndefined();
    const e401 = resolveRef(doc, ((me.responses as Json)['401'] as Json).$ref as string);
    const schema = ((e401.content as Json)['application/json'] as Json).schema as Json;
    const error = { error: { code: 'unauthorized', message: 'x', fields: {} } };
    expect(validates(doc, schema, error)).toBe(true);
    expect(validates(doc, schema, { error: { code: 'x' } })).toBe(false);
    const patch = opAt('patch', '/api/v1/meetings/{id}').responses as Json;
    expect(Object.keys(patch)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '409', '422', '503']),
    );
  });

  it('documents request bodies and query parameters from the zod schemas that validate them', () => {
    const close = bodySchema('post', '/api/v1/needs/{id}/close') as Json;
    expect(close.required).toEqual(['reason']);
    expect(schemaProblems(doc, close, 'close')).toEqual([]);
    const history = opAt('get', '/api/v1/meetings/{id}/outcome/history').parameters as Json[];
    expect(history.map((p) => `${p.in}:${p.name}`)).toEqual(['path:id', 'query:page', 'query:per_page']);
    const imports = (opAt('post', '/api/v1/imports').requestBody as Json).content as Json;
    expect(Object.keys(imports)).toEqual(['multipart/form-data']);
  });
});

/** The route's verdict on a body: refused as invalid (400/422) or let through to the service. */
async function routeAccepts(method: string, path: string, body: unknown): Promise<boolean> {
  const res = await api(t.app, method.toUpperCase(), path, { token, body });
  expect(res.status).not.toBe(500);
  return res.status !== 422 && res.status !== 400;
}

const NIL = '00000000-0000-4000-8000-000000000000';

describe('documented request schemas agree with the routes', () => {
  const cases: [string, string, string, unknown[]][] = [
    [
      'patch',
      '/api/v1/meetings/{id}',
      `/api/v1/meetings/${NIL}`,
      [
        {},
        { locked: true },
        { attendance: 'held' },
        { attendance: null },
        { foo: 1 },
        { locked: 'yes' },
        { slot_id: 'x' },
        { attendance: 'late' },
      ],
    ],
    [
      'post',
      '/api/v1/needs/{id}/close',
      `/api/v1/needs/${NIL}/close`,
      [{ reason: 'awarded' }, { reason: 'cancelled' }, {}, { reason: 'bored' }, { reason: 3 }],
    ],
    [
      'post',
      '/api/v1/events/{id}/meetings',
      `/api/v1/events/${NIL}/meetings`,
      [
        { request_id: NIL, slot_id: NIL, table_id: NIL },
        { request_id: NIL, slot_id: NIL, table_id: NIL, locked: true },
        { request_id: NIL, slot_id: NIL },
        { request_id: 'nope', slot_id: NIL, table_id: NIL },
      ],
    ],
    [
      'post',
      '/api/v1/events/{id}/schedule',
      `/api/v1/events/${NIL}/schedule`,
      [{ publish: false }, {}, { publish: 'no' }],
    ],
  ];
  for (const [method, template, url, payloads] of cases) {
    it(`${method.toUpperCase()} ${template}: accepts and refuses the same payloads`, async () => {
      const schema = bodySchema(method, template);
      const verdicts = [];
      for (const p of payloads) {
        verdicts.push({
          p,
          documented: validates(doc, schema, p),
          route: await routeAccepts(method, url, p),
        });
      }
      expect(verdicts.filter((v) => v.documented !== v.route)).toEqual([]);
      expect(new Set(verdicts.map((v) => v.route)).size).toBe(2);
    });
  }

  it('GET /meetings/{id}/outcome/history: query limits agree', async () => {
    const params = opAt('get', '/api/v1/meetings/{id}/outcome/history').parameters as Json[];
    const perPage = params.find((p) => p.name === 'per_page')!.schema;
    for (const v of [1, 50, 51, 0]) {
      const res = await api(t.app, 'GET', `/api/v1/meetings/${NIL}/outcome/history?per_page=${v}`, { token });
      expect(validates(doc, perPage, v)).toBe(res.status !== 400);
    }
  });
});

describe('the reference page', () => {
  it('renders every operation with a curl example, without a token, in Indonesian and English', async () => {
    const res = await t.app.request('/api/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Referensi API Pasok');
    for (const op of operationsOf(doc)) expect(html).toContain(op.replace(/^(\w+) /, '$1 '));
    expect(html).toContain(`curl -X PATCH &#39;${ORIGIN}/api/v1/meetings/:id&#39;`);
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
    const en = await (await t.app.request('/api/docs', { headers: { cookie: 'lang=en' } })).text();
    expect(en).toContain('Pasok API reference');
    expect(en).toContain('Request body');
  });
});
