import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../../src/context.js';
import { handleError } from '../../src/http/error-handler.js';
import { api, createTestApp, ORIGIN, type TestApp } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { makeBuyer, NOW, needBody, seedNeedsData } from './needs-fixtures.js';

/** One test per cause the fuzz suite found in the field, each fixed where the input enters. */
let t: TestApp;
let buyer: Awaited<ReturnType<typeof makeBuyer>>;
let admin: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  await seedNeedsData(t.db.sql, 0);
  buyer = await makeBuyer(t.db.sql);
  admin = await makeUser(t.db.sql, { platformRole: 'admin' });
});
afterAll(() => t.close());

type ErrorJson = { error: { code: string; fields: Record<string, string> } };

describe('hostile text', () => {
  it('strips NUL bytes and lone surrogates from an API body before PostgreSQL sees them', async () => {
    const res = await api(t.app, 'POST', '/api/v1/needs', {
      token: buyer.owner.token,
      body: needBody({
        title_id: 'Poros\u0000 pompa \uD800baja',
        description_id: 'Bubut\u0000 poros'.repeat(5),
      }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const [row] = await t.db.sql<{ titleId: string }[]>`select title_id from needs where id = ${id}`;
    expect(row?.titleId).toBe('Poros pompa \uFFFDbaja');
  });

  it('refuses a NUL byte anywhere in the URL with 400, before any route reads it', async () => {
    expect((await t.client().get('/admin/estates/x%00y')).status).toBe(400);
    expect((await t.client().get('/suppliers?q=bubut%00')).status).toBe(400);
    const apiRes = await api(t.app, 'GET', '/api/v1/needs/%00', { token: buyer.owner.token });
    expect(apiRes.status).toBe(400);
    expect(((await apiRes.json()) as ErrorJson).error.code).toBe('bad_request');
  });

  it('answers JSON nested thousands deep with 400 instead of exhausting the stack', async () => {
    const res = await api(t.app, 'POST', '/api/v1/needs', {
      token: buyer.owner.token,
      body: `${'['.repeat(5000)}${']'.repeat(5000)}`,
    });
    expect(res.status).toBe(400);
  });
});

describe('malformed multipart bodies', () => {
  it('are a 400 with the standard error page, not a parser crash', async () => {
    const res = await t.app.request('/login', {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'multipart/form-data; boundary=XyZ' },
      body: '--XyZ\r\nContent-Disposition: form-data; name="email"\r\n\r\nunterminated',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('<!DOCTYPE html>');
    expect(html).not.toMatch(/\n\s+at |TypeError/);
  });
});

describe('impossible dates', () => {
  it('are a field error on the API, whatever the month', async () => {
    for (const day of ['2027-02-30', '2027-13-01']) {
      const res = await api(t.app, 'POST', '/api/v1/needs', {
        token: buyer.owner.token,
        body: needBody({ response_deadline: day }),
      });
      expect(res.status, day).toBe(422);
      expect(((await res.json()) as ErrorJson).error.fields).toHaveProperty('response_deadline');
    }
  });
});

describe('estate slugs', () => {
  it('are made for names in any script, and never break the slug constraint', async () => {
    const c = t.client();
    await c.login(admin.email, admin.password);
    const [region] = await t.db.sql<
      { code: string }[]
    >`select code from regions where code ~ '^[0-9]{2}\\.[0-9]{2}$' limit 1`;
    const estate = {
      regency_code: region!.code,
      lat: '-6.4',
      lon: '107.6',
      description_id: '',
      description_en: '',
    };
    const locations: string[] = [];
    for (const name of ['工业园区', 'منطقة صناعية', 'Kawasan Ñusa Ëlok']) {
      const res = await c.post('/admin/estates', { ...estate, name });
      expect(res.status, name).toBe(303);
      locations.push(res.headers.get('location') ?? '');
    }
    expect(locations[0]).toMatch(/^\/admin\/estates\/estate-[0-9a-f]{8}$/);
    expect(locations[1]).toMatch(/^\/admin\/estates\/estate-[0-9a-f]{8}$/);
    expect(locations[0]).not.toBe(locations[1]);
    expect(locations[2]).toBe('/admin/estates/kawasan-nusa-elok');
  });
});

describe('assets', () => {
  it('answer an unknown name with a plain 404 that needs no translations', async () => {
    const res = await t.app.request('/assets/no-such-file.js');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('text/plain');
  });
});

describe('the database safety net', () => {
  it('maps input-shaped PostgreSQL errors to 400 and logs them', async () => {
    const warned: unknown[] = [];
    const app = new Hono<AppEnv>();
    app.use('*', async (c, next) => {
      c.set('deps', {
        ...t.deps,
        logger: { ...t.deps.logger, warn: (o: unknown) => warned.push(o) },
      } as never);
      await next();
    });
    for (const code of ['22P02', '22007', '22008', '22001', '22003', '22021']) {
      app.get(`/api/${code}`, () => {
        throw Object.assign(new Error('refused'), { name: 'PostgresError', code });
      });
    }
    app.get('/api/other', () => {
      throw Object.assign(new Error('disk full'), { name: 'PostgresError', code: '53100' });
    });
    app.onError(handleError);
    for (const code of ['22P02', '22007', '22008', '22001', '22003', '22021']) {
      const res = await app.request(`/api/${code}`);
      expect(res.status, code).toBe(400);
      expect(((await res.json()) as ErrorJson).error.code).toBe('bad_request');
    }
    expect(warned).toHaveLength(6);
    expect((await app.request('/api/other')).status).toBe(500);
  });
});
