import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';

let t: TestApp;
let owner: Awaited<ReturnType<typeof makeUser>>;
let c: TestClient;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-11-22T03:00:00Z') });
  owner = await makeUser(t.db.sql, { name: 'Asep', org: { name: 'CV Bubut Subang', kind: 'supplier' } });
  c = t.client();
  await c.login(owner.email, owner.password);
  const created = await c.post('/suppliers/new', {
    organization_id: owner.orgId!,
    legal_name: 'CV Bubut Subang',
    nib: '3201000000009',
    regency_code: '32.13',
    lat: '-6.57',
    lon: '107.76',
  });
  expect(created.status).toBe(303);
});
afterAll(() => t.close());

const location = (body: Record<string, string>) => c.post(`/suppliers/${owner.orgId}/edit/location`, body);
const regencyOptions = (html: string) =>
  [...html.matchAll(/<option value="(\d\d\.\d\d)" data-province="(\d\d)"/g)].map((m) => m[2]);

describe('location on a phone', () => {
  it('offers province first, with the regency list of the current province and the geolocation button', async () => {
    const html = await (await c.get(`/suppliers/${owner.orgId}/edit`)).text();
    expect(html).toContain('id="f-province_code"');
    expect(html).toMatch(/<option value="32" selected="">/);
    expect(new Set(regencyOptions(html))).toEqual(new Set(['32']));
    expect(html).toContain('data-geolocate=""');
    expect(html).toContain('Gunakan lokasi saya');
    expect(html).toMatch(/<script src="\/assets\/location\.[0-9a-f]+\.js" defer="">/);
    expect(html).toContain('formmethod="get"');
  });

  it('narrows the regencies to the province chosen without JavaScript (GET ?province=)', async () => {
    const res = await c.get(`/suppliers/${owner.orgId}/edit?province=52`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const provinces = regencyOptions(html);
    expect(provinces.length).toBeGreaterThan(5);
    expect(new Set(provinces)).toEqual(new Set(['52']));
    expect(html).toContain('Sumbawa Barat');
  });

  it('accepts coordinates as the browser fills them, with a matching province and regency', async () => {
    const res = await location({
      province_code: '52',
      regency_code: '52.07',
      lat: '-8.87123',
      lon: '116.76456',
    });
    expect(res.status).toBe(303);
    const [row] = await t.db.sql<{ regencyCode: string; provinceCode: string; lat: number; lon: number }[]>`
      select regency_code, province_code, lat, lon from suppliers where organization_id = ${owner.orgId}`;
    expect(row).toEqual({ regencyCode: '52.07', provinceCode: '52', lat: -8.87123, lon: 116.76456 });
  });

  it('refuses a regency outside the chosen province with a field error (422)', async () => {
    const res = await location({ province_code: '35', regency_code: '52.07', lat: '-8.87', lon: '116.76' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('tidak berada di provinsi yang dipilih');
    expect(new Set(regencyOptions(html))).toEqual(new Set(['35']));
  });

  it('serves the location script from our own origin', async () => {
    const res = await t.client().get('/assets/location.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(await res.text()).toContain('navigator.geolocation.getCurrentPosition');
  });
});

describe('location on the registration form', () => {
  it('keeps what was typed and narrows the regencies when the province is chosen without JavaScript', async () => {
    const other = await makeUser(t.db.sql, {
      name: 'Baiq',
      org: { name: 'UD Las Mataram', kind: 'supplier' },
    });
    const b = t.client();
    await b.login(other.email, other.password);
    const res = await b.get('/suppliers/new?legal_name=UD%20Las%20Mataram&province_code=52');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('value="UD Las Mataram"');
    expect(new Set(regencyOptions(html))).toEqual(new Set(['52']));
    expect(html).toContain('Gunakan lokasi saya');
    const bad = await b.post('/suppliers/new', {
      organization_id: other.orgId!,
      legal_name: 'UD Las Mataram',
      nib: '5271000000001',
      province_code: '32',
      regency_code: '52.71',
      lat: '-8.58',
      lon: '116.12',
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('tidak berada di provinsi yang dipilih');
  });
});
