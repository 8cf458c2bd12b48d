import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide, submitForReview } from '../../src/suppliers/verification.js';
import { api, createTestApp, type TestApp } from '../helpers/app.js';
import { makeUserWithToken } from '../helpers/factories.js';

let t: TestApp;
let facilitator: Awaited<ReturnType<typeof makeUserWithToken>>;
let ikm: Awaited<ReturnType<typeof makeUserWithToken>>;
let otherIkm: Awaited<ReturnType<typeof makeUserWithToken>>;
let buyer: Awaited<ReturnType<typeof makeUserWithToken>>;

const NOW = new Date('2026-11-22T03:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  facilitator = await makeUserWithToken(t.db.sql, {
    platformRole: 'facilitator',
    org: { name: 'Disperin NTB', kind: 'facilitator' },
  });
  ikm = await makeUserWithToken(t.db.sql, { org: { name: 'CV Sinar Bubut', kind: 'supplier' } });
  otherIkm = await makeUserWithToken(t.db.sql, { org: { name: 'CV Tetangga', kind: 'supplier' } });
  buyer = await makeUserWithToken(t.db.sql, { org: { name: 'PT Pembeli', kind: 'buyer' } });
});
afterAll(() => t.close());

let nibCounter = 1000000000000;
const nib = () => String(++nibCounter);

const body = (over: Record<string, unknown> = {}) => ({
  legal_name: 'CV Sinar Bubut',
  nib: nib(),
  regency_code: '32.13',
  location: { lat: -6.57, lon: 107.76 },
  processes: ['turning', 'milling'],
  materials: ['stainless-steel'],
  certifications: [
    { type: 'iso-9001', number: 'QMS-1', issuer: 'TUV', valid_until: '2027-05-01' },
    { type: 'sni', number: 'SNI-OLD', issuer: 'BSN', valid_until: '2025-01-31' },
    { type: 'tkdn', number: 'TKDN-7', issuer: 'Kemenperin', valid_until: '2028-01-01', tkdn_percent: 45.5 },
  ],
  contacts: [{ name: 'Asep', role: 'Pemilik', phone: '0812-3456-7890', email: 'asep@example.test' }],
  ...over,
});

type Json = Record<string, unknown> & { error?: { code: string; fields: Record<string, string> } };

describe('POST /api/v1/suppliers', () => {
  it("creates the profile of the caller's own supplier organisation", async () => {
    const res = await api(t.app, 'POST', '/api/v1/suppliers', { token: ikm.token, body: body() });
    expect(res.status).toBe(201);
    const json = (await res.json()) as Json;
    expect(json.id).toBe(ikm.orgId);
    expect(json.province_code).toBe('32');
    expect(json.regency_name).toBe('Kabupaten Subang');
    expect(json.status).toBe('draft');
    expect(json.processes).toEqual(['turning', 'milling']);
    expect(json.tkdn_max).toBe(45.5);
    const certs = json.certifications as { type: string; valid: boolean }[];
    expect(certs.find((c) => c.type === 'sni')?.valid).toBe(false);
    expect(certs.find((c) => c.type === 'iso-9001')?.valid).toBe(true);
    expect((json.contacts as { whatsapp: string }[])[0]?.whatsapp).toBe('6281234567890');
    const [raw] = await t.db
      .sql`select jsonb_typeof(machines) as t from suppliers where organization_id = ${ikm.orgId!}`;
    expect(raw?.t).toBe('array');
  });

  it('lets a facilitator create a binaan supplier owned by their office', async () => {
    const res = await api(t.app, 'POST', '/api/v1/suppliers', {
      token: facilitator.token,
      body: body({ legal_name: 'UD Las Barokah' }),
    });
    expect(res.status).toBe(201);
    const json = (await res.json()) as Json;
    expect(json.binaan).toBe(true);
    const [row] = await t.db
      .sql`select binaan_of from suppliers where organization_id = ${json.id as string}`;
    expect(row?.binaanOf).toBe(facilitator.orgId);
  });

  it('refuses buyers (403)', async () => {
    const res = await api(t.app, 'POST', '/api/v1/suppliers', {
      token: buyer.token,
      body: body({ legal_name: 'PT X' }),
    });
    expect(res.status).toBe(403);
  });

  it('validates NIB and coordinates with field errors (422)', async () => {
    const res = await api(t.app, 'POST', '/api/v1/suppliers', {
      token: facilitator.token,
      body: body({ nib: '12345', location: { lat: 40.7, lon: -74 } }),
    });
    expect(res.status).toBe(422);
    const json = (await res.json()) as Json;
    expect(json.error?.code).toBe('invalid');
    expect(Object.keys(json.error!.fields).sort()).toEqual(['location.lat', 'location.lon', 'nib']);
    expect(json.error!.fields.nib).toBe('NIB harus 13 digit angka.');
  });

  it('accepts NIBs typed with spaces or dots', async () => {
    const res = await api(t.app, 'POST', '/api/v1/suppliers', {
      token: facilitator.token,
      body: body({ legal_name: 'CV Titik', nib: '9120 0012.3456-7' }),
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as Json).nib).toBe('9120001234567');
  });

  it('requires legal_name, nib, regency_code and location', async () => {
    const res = await api(t.app, 'POST', '/api/v1/suppliers', { token: facilitator.token, body: {} });
    expect(res.status).toBe(422);
    const fields = ((await res.json()) as Json).error!.fields;
    expect(Object.keys(fields).sort()).toEqual(['legal_name', 'location', 'nib', 'regency_code']);
  });

  it('rejects unknown taxonomy slugs and regency codes', async () => {
    const res = await api(t.app, 'POST', '/api/v1/suppliers', {
      token: facilitator.token,
      body: body({ processes: ['teleportation'], regency_code: '99.99' }),
    });
    expect(res.status).toBe(422);
    const fields = ((await res.json()) as Json).error!.fields;
    expect(fields.processes).toBeTruthy();
    expect(fields.regency_code).toBeTruthy();
  });

  it('answers a duplicate NIB with 409 naming the field', async () => {
    const dup = nib();
    expect(
      (
        await api(t.app, 'POST', '/api/v1/suppliers', {
          token: facilitator.token,
          body: body({ legal_name: 'CV Satu', nib: dup }),
        })
      ).status,
    ).toBe(201);
    const res = await api(t.app, 'POST', '/api/v1/suppliers', {
      token: facilitator.token,
      body: body({ legal_name: 'CV Dua', nib: dup }),
    });
    expect(res.status).toBe(409);
    expect(((await res.json()) as Json).error!.fields.nib).toBeTruthy();
  });

  it('answers malformed JSON with 400', async () => {
    const res = await api(t.app, 'POST', '/api/v1/suppliers', {
      token: facilitator.token,
      body: '{"legal_name":',
    });
    expect(res.status).toBe(400);
  });
});

describe('GET and PATCH /api/v1/suppliers/:id', () => {
  it("hides another organisation's draft (404) and its edits (404)", async () => {
    const res = await api(t.app, 'GET', `/api/v1/suppliers/${ikm.orgId}`, { token: otherIkm.token });
    expect(res.status).toBe(404);
    const patch = await api(t.app, 'PATCH', `/api/v1/suppliers/${ikm.orgId}`, {
      token: otherIkm.token,
      body: { products: 'x' },
    });
    expect(patch.status).toBe(404);
  });

  it('shows a verified profile to anyone with a token, without evidence references, and forbids their edits (403)', async () => {
    await submitForReview(t.db.sql, { userId: ikm.user.id, platformRole: null }, ikm.orgId!);
    await decide(
      t.db.sql,
      { userId: facilitator.user.id, platformRole: 'facilitator' },
      ikm.orgId!,
      'verify',
      null,
      NOW,
    );
    const res = await api(t.app, 'GET', `/api/v1/suppliers/${ikm.orgId}`, { token: otherIkm.token });
    expect(res.status).toBe(200);
    const json = (await res.json()) as Json;
    expect(json.verified).toBe(true);
    expect(json.verified_by).toBe('Test User');
    expect((json.certifications as Record<string, unknown>[])[0]).not.toHaveProperty('evidence_file_id');
    const patch = await api(t.app, 'PATCH', `/api/v1/suppliers/${ikm.orgId}`, {
      token: otherIkm.token,
      body: { products: 'x' },
    });
    expect(patch.status).toBe(403);
  });

  it('flags a verified profile for re-review after a material edit, keeping the badge, and audits the diff', async () => {
    const res = await api(t.app, 'PATCH', `/api/v1/suppliers/${ikm.orgId}`, {
      token: ikm.token,
      body: { processes: ['turning', 'milling', 'welding'], products: 'poros, flange' },
    });
    expect(res.status).toBe(200);
    const json = (await res.json()) as Json;
    expect(json.status).toBe('verified');
    expect(json.needs_review).toBe(true);
    expect(json.products).toBe('poros, flange');
    const [audit] = await t.db.sql`
      select actor_user_id, action, changes from audit_log where entity = 'supplier' and entity_id = ${ikm.orgId!}
      order by id desc limit 1`;
    expect(audit?.actorUserId).toBe(ikm.user.id);
    expect(audit?.action).toBe('update');
    expect(audit?.changes.processes).toEqual([
      ['turning', 'milling'],
      ['turning', 'milling', 'welding'],
    ]);
    expect(audit?.changes.needsReview).toEqual([false, true]);
  });

  it('does not flag re-review for a non-material edit', async () => {
    await decide(
      t.db.sql,
      { userId: facilitator.user.id, platformRole: 'facilitator' },
      ikm.orgId!,
      'verify',
      null,
      NOW,
    );
    const res = await api(t.app, 'PATCH', `/api/v1/suppliers/${ikm.orgId}`, {
      token: ikm.token,
      body: { description_id: 'Bengkel bubut' },
    });
    expect(((await res.json()) as Json).needs_review).toBe(false);
  });

  it('rejects unknown fields in a patch (422)', async () => {
    const res = await api(t.app, 'PATCH', `/api/v1/suppliers/${ikm.orgId}`, {
      token: ikm.token,
      body: { status: 'verified' },
    });
    expect(res.status).toBe(422);
  });
});

describe('reference data', () => {
  it('returns the bilingual taxonomy with synonyms', async () => {
    const res = await api(t.app, 'GET', '/api/v1/taxonomy', { token: buyer.token });
    const json = (await res.json()) as Record<
      string,
      { slug: string; label: { id: string; en: string }; synonyms: { id: string[]; en: string[] } }[]
    >;
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining([
        'processes',
        'materials',
        'product_categories',
        'sectors',
        'certifications',
        'kbli',
      ]),
    );
    const turning = json.processes!.find((p) => p.slug === 'turning');
    expect(turning?.synonyms.id).toContain('bubut');
    expect(turning?.label.en.toLowerCase()).toContain('turning');
    expect(json.kbli!.some((k) => k.slug === '25920')).toBe(true);
  });

  it('returns the estates with slugs made from names', async () => {
    const res = await api(t.app, 'GET', '/api/v1/estates', { token: buyer.token });
    const json = (await res.json()) as {
      estates: { slug: string; regency_code: string; location: { lat: number } }[];
    };
    const smart = json.estates.find((e) => e.slug === 'smartpolitan-subang');
    expect(smart?.regency_code).toBe('32.13');
    expect(smart?.location.lat).toBeCloseTo(-6.46, 1);
  });
});
