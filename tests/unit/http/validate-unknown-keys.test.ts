import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AppEnv } from '../../../src/context.js';
import { DomainError } from '../../../src/errors.js';
import { fieldErrors, parseForm, parseJson, parseQuery } from '../../../src/http/validate.js';
import { translator } from '../../../src/i18n/index.js';

const Body = z
  .object({
    name: z.string().min(2),
    count: z.number().int().max(10).optional(),
    place: z.object({ lat: z.number(), lon: z.number() }).strict().optional(),
  })
  .strict();
const Query = z.object({ page: z.coerce.number().int().min(1).default(1) }).strict();

/** A bare app: the translator, the three parsers, and errors answered in the API's JSON shape. */
function appIn(locale: 'id' | 'en') {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('t', translator(locale));
    await next();
  });
  app.post('/json', async (c) => c.json(await parseJson(c, Body)));
  app.get('/query', (c) => c.json(parseQuery(c, Query)));
  app.post('/form', async (c) => {
    const r = await parseForm(c, z.object({ name: z.string().min(2) }).strict());
    return r.ok ? c.json(r.data) : c.json({ error: { fields: r.errors } }, 422);
  });
  app.onError((err, c) => {
    if (!(err instanceof DomainError)) throw err;
    return c.json({ error: { code: err.code, fields: err.fields ?? {} } }, err.status);
  });
  return app;
}

const fieldsOf = async (res: Response) =>
  ((await res.json()) as { error: { fields: Record<string, string> } }).error.fields;

describe('validation errors name unknown keys', () => {
  it('gives each unknown JSON key its own field, beside the invalid ones', async () => {
    const res = await appIn('id').request('/json', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x', count: 11, foo: 1, bar: true }),
    });
    expect(res.status).toBe(422);
    expect(await fieldsOf(res)).toEqual({
      name: 'Terlalu pendek (minimal 2 karakter).',
      count: 'Maksimal 10.',
      foo: 'Isian tidak dikenal.',
      bar: 'Isian tidak dikenal.',
    });
  });

  it('names an unknown key inside a nested object by its dotted path, in English too', async () => {
    const res = await appIn('en').request('/json', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Rina', place: { lat: 1, lon: 'x', alt: 3 } }),
    });
    expect(await fieldsOf(res)).toEqual({ 'place.lon': 'Enter a number.', 'place.alt': 'Unknown field.' });
  });

  it('names unknown query parameters (400) and unknown form fields (422)', async () => {
    const q = await appIn('en').request('/query?page=0&sort=name');
    expect(q.status).toBe(400);
    expect(await fieldsOf(q)).toEqual({ page: 'At least 1.', sort: 'Unknown field.' });
    const f = await appIn('id').request('/form', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=Rina&evil=1',
    });
    expect(f.status).toBe(422);
    expect(await fieldsOf(f)).toEqual({ evil: 'Isian tidak dikenal.' });
  });

  it('keeps the whole-body key `_` for issues that belong to no field', () => {
    const Pair = z
      .object({ a: z.number(), b: z.number() })
      .refine((v) => v.a < v.b, { message: 'v.invalid' });
    const parsed = Pair.safeParse({ a: 2, b: 1 });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(fieldErrors(parsed.error, translator('en'))).toEqual({ _: 'Invalid value.' });
  });
});
