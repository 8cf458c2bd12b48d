import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeUser>>;
let facilitator: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await makeUser(t.db.sql, { platformRole: 'admin' });
  facilitator = await makeUser(t.db.sql, { platformRole: 'facilitator' });
});
afterAll(() => t.close());

async function as(u: { email: string; password: string }) {
  const c = t.client();
  await c.login(u.email, u.password);
  return c;
}

describe('taxonomy administration', () => {
  it('is for admins only', async () => {
    expect((await (await as(facilitator)).get('/admin/taxonomy/process')).status).toBe(403);
    expect((await t.client().get('/admin/taxonomy/process')).status).toBe(303);
  });

  it('edits the synonyms of a term, normalising them, and audits the change', async () => {
    const c = await as(admin);
    const res = await c.post('/admin/taxonomy/process?slug=turning', {
      slug: 'turning',
      label_id: 'Bubut',
      label_en: 'Turning (lathe)',
      synonyms_id: 'bubut, Pembubutan,\n  bubut manual , bubut',
      synonyms_en: 'turning, lathe work',
      parent_slug: '',
      active: 'on',
    });
    expect(res.status).toBe(303);
    const [row] = await t.db
      .sql`select synonyms_id, synonyms_en, active from taxonomy_terms where kind = 'process' and slug = 'turning'`;
    expect(row?.synonymsId).toEqual(['bubut', 'pembubutan', 'bubut manual']);
    expect(row?.active).toBe(true);
    const [audit] = await t.db
      .sql`select action from audit_log where entity = 'taxonomy_term' and entity_id = 'process:turning'`;
    expect(audit?.action).toBe('update');
  });

  it('adds a new term and refuses a duplicate slug (422)', async () => {
    const c = await as(admin);
    const body = {
      slug: 'knurling',
      label_id: 'Kartel',
      label_en: 'Knurling',
      synonyms_id: 'kartel',
      synonyms_en: 'knurl',
      parent_slug: '',
    };
    expect((await c.post('/admin/taxonomy/process', body)).status).toBe(303);
    const dup = await c.post('/admin/taxonomy/process', body);
    expect(dup.status).toBe(422);
    const bad = await c.post('/admin/taxonomy/process', { ...body, slug: 'Not A Slug!' });
    expect(bad.status).toBe(422);
  });

  it('answers 404 for an unknown kind or term', async () => {
    const c = await as(admin);
    expect((await c.get('/admin/taxonomy/spells')).status).toBe(404);
    expect((await c.get('/admin/taxonomy/process/nope')).status).toBe(404);
  });
});

describe('estate administration', () => {
  it('creates an estate with a slug from its name, validates coordinates, and manages tenants', async () => {
    const c = await as(admin);
    const bad = await c.post('/admin/estates', {
      name: 'KI Gresik Baru',
      regency_code: '35.25',
      lat: '48.1',
      lon: '11.5',
      description_id: '',
      description_en: '',
    });
    expect(bad.status).toBe(422);
    const ok = await c.post('/admin/estates', {
      name: 'KI Gresik Baru',
      regency_code: '35.25',
      lat: '-7.16',
      lon: '112.65',
      description_id: 'Kawasan uji',
      description_en: '',
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/admin/estates/ki-gresik-baru');
    const buyer = await makeUser(t.db.sql, { org: { name: 'PT Tenant Gresik', kind: 'buyer' } });
    expect(
      (await c.post('/admin/estates/ki-gresik-baru/tenants', { organization_id: buyer.orgId! })).status,
    ).toBe(303);
    const page = await (await c.get('/admin/estates/ki-gresik-baru')).text();
    expect(page).toContain('PT Tenant Gresik');
    expect(
      (await c.post('/admin/estates/ki-gresik-baru/tenants?remove=1', { organization_id: buyer.orgId! }))
        .status,
    ).toBe(303);
    const [{ n }] = (await t.db.sql`select count(*)::int as n from estate_tenants`) as unknown as [
      { n: number },
    ];
    expect(n).toBe(0);
  });
});
