import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSupplierSeeds } from '../../src/seed/load.js';
import { api, createTestApp, type TestApp } from '../helpers/app.js';
import { makeUserWithToken } from '../helpers/factories.js';
import { NAMED, type Named, NOW, seedSearchData } from './search-fixtures.js';

let t: TestApp;
let ids: Record<Named, string>;
let buyer: Awaited<ReturnType<typeof makeUserWithToken>>;
let facilitator: Awaited<ReturnType<typeof makeUserWithToken>>;

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  ids = await seedSearchData(t.db.sql, 60);
  await loadSupplierSeeds(t.db.sql, [
    { ...NAMED.bubut, legalName: 'CV <script>alert(1)</script> Bubut & "Las"', nib: '9200000000001' },
  ]);
  buyer = await makeUserWithToken(t.db.sql, { org: { name: 'PT Investor Uji', kind: 'buyer' } });
  facilitator = await makeUserWithToken(t.db.sql, { platformRole: 'facilitator' });
});
afterAll(() => t.close());

const get = async (qs: string, token = buyer.token) => {
  const res = await api(t.app, 'GET', `/api/v1/suppliers${qs}`, { token });
  return {
    res,
    json: (await res.json()) as Record<string, unknown> & {
      error?: { code: string; fields: Record<string, string> };
    },
  };
};

describe('GET /api/v1/suppliers', () => {
  it('answers in the documented shape: snake_case, slugs, region codes, engine and took_ms', async () => {
    const { res, json } = await get('?q=turning+stainless&estate=smartpolitan-subang&per_page=50');
    expect(res.status).toBe(200);
    expect(Object.keys(json).sort()).toEqual([
      'engine',
      'facets',
      'facets_counted',
      'hits',
      'page',
      'per_page',
      'suggestions',
      'took_ms',
      'total',
      'total_exact',
    ]);
    expect(json).toMatchObject({
      engine: 'postgres',
      page: 1,
      per_page: 50,
      total_exact: true,
      facets_counted: true,
    });
    expect(typeof json.took_ms).toBe('number');
    expect(Object.keys(json.facets as object).sort()).toEqual(
      [
        'certifications',
        'materials',
        'processes',
        'product_categories',
        'province',
        'regency',
        'sectors',
        'verified',
      ].sort(),
    );
    const hit = (json.hits as Record<string, unknown>[]).find((h) => h.id === ids.bubut);
    expect(hit).toMatchObject({
      name: 'CV Presisi Kencana',
      province_code: '32',
      regency_code: '32.13',
      processes: ['turning'],
      materials: ['stainless-steel'],
      certifications: ['iso-9001', 'sni'],
      verified: true,
      tkdn_max: null,
    });
    expect(typeof hit?.distance_km).toBe('number');
  });

  it('lists only verified suppliers to buyers, and submitted ones too to facilitators', async () => {
    const publicView = await get('?q=pengecoran');
    expect((publicView.json.hits as { id: string }[]).map((h) => h.id)).not.toContain(ids.cor);
    expect(publicView.json.facets).toMatchObject({ verified: { true: expect.any(Number) } });
    expect((publicView.json.facets as Record<string, object>).verified).not.toHaveProperty('false');
    const staff = await get('?q=pengecoran', facilitator.token);
    expect((staff.json.hits as { id: string }[]).map((h) => h.id)).toContain(ids.cor);
  });

  it('narrows to verified suppliers with verified=true', async () => {
    const { json } = await get('?verified=true&per_page=100', facilitator.token);
    expect((json.hits as { verified: boolean }[]).every((h) => h.verified)).toBe(true);
  });

  it.each([
    ['near=abc', 'near'],
    ['near=1,2', 'near'],
    ['radius_km=25', 'radius_km'],
    ['sort=distance', 'sort'],
    ['sort=popular', 'sort'],
    ['per_page=500', 'per_page'],
    ['page=0', 'page'],
    ['page=600&per_page=50', 'page'],
    ['tkdn_min=150', 'tkdn_min'],
    ['tkdn_min=lots', 'tkdn_min'],
    ['employees_min=50&employees_max=10', 'employees_max'],
    ['province=Jawa', 'province'],
    ['regency=3213', 'regency'],
    ['processes=Not%20A%20Slug', 'processes'],
    ['processes=unobtainium', 'processes'],
    ['certifications=iso-9001,made-up', 'certifications'],
    ['estate=atlantis', 'estate'],
    ['near=-6.4,107.6&estate=smartpolitan-subang', 'near'],
    ['verified=maybe', 'verified'],
  ])('rejects %s with a 400 naming the field', async (qs, field) => {
    const { res, json } = await get(`?${qs}`);
    expect(res.status).toBe(400);
    expect(json.error?.code).toBe('bad_request');
    expect(Object.keys(json.error?.fields ?? {})).toContain(field);
  });

  it('treats tsquery and filter syntax in q as plain text', async () => {
    for (const q of ["' OR 1=1 --", '\\', '":* & !(a | b) <-> c', 'bubut\'s "las"', '%_', '🙂 bubut']) {
      const { res } = await get(`?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
    const { json } = await get(`?q=${encodeURIComponent("bubut's")}`);
    expect((json.total as number) > 0).toBe(true);
  });

  it('still serves a single profile at /api/v1/suppliers/:id', async () => {
    const { res, json } = await get(`/${ids.bubut}`);
    expect(res.status).toBe(200);
    expect(json.id).toBe(ids.bubut);
  });

  it('requires a token, like the rest of the API', async () => {
    expect((await api(t.app, 'GET', '/api/v1/suppliers')).status).toBe(401);
  });
});

describe('GET /suppliers', () => {
  it('renders a full page whose every input has a label, without needing a login', async () => {
    const res = await t.client().get('/suppliers?q=bubut&processes=turning');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<!DOCTYPE html>');
    expect(html).toContain('id="supplier-results"');
    expect(html).toContain('hx-trigger="input changed delay:300ms, search"');
    for (const [, id] of html.matchAll(/<(?:input|select)[^>]*\sid="([^"]+)"/g)) {
      if (/type="hidden"/.test(id!)) continue;
      expect(html, `label for ${id}`).toContain(`for="${id}"`);
    }
    expect(html).toMatch(/<input[^>]*name="processes"[^>]*value="turning"[^>]*checked/);
  });

  it('answers htmx with the results container alone and pushes the canonical URL', async () => {
    const res = await t.client().get('/suppliers?q=bubut&processes=turning&processes=milling&radius_km=', {
      'hx-request': 'true',
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.startsWith('<div id="supplier-results"')).toBe(true);
    expect(html).not.toContain('<html');
    expect(res.headers.get('vary')).toContain('HX-Request');
    expect(res.headers.get('hx-push-url')).toBe('/suppliers?q=bubut&processes=turning%2Cmilling');
  });

  it('escapes supplier text and marks the query words', async () => {
    const html = await (await t.client().get('/suppliers?q=bubut')).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<mark>Bubut</mark>');
  });

  it('re-renders the form with the message for a bad parameter (400)', async () => {
    const res = await t.client().get('/suppliers?radius_km=10');
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Perlu titik acuan');
    expect(html).toContain('value="10"');
  });

  it("labels facets in the viewer's language", async () => {
    const client = t.client();
    expect(await (await client.get('/suppliers?processes=turning')).text()).toContain('Bubut');
    await client.post('/lang', { lang: 'en', next: '/suppliers' });
    const html = await (await client.get('/suppliers?processes=turning')).text();
    expect(html).toContain('Turning (lathe)');
    expect(html).toContain('Find suppliers');
  });

  it('offers a spelling fix and a filter to drop when nothing is found', async () => {
    const html = await (await t.client().get('/suppliers?q=bubt')).text();
    expect(html).toContain('Mungkin maksud Anda');
    expect(html).toContain('href="/suppliers?q=bubut"');
  });
});
