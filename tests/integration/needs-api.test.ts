import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/audit/service.js';
import { api, createTestApp, type TestApp } from '../helpers/app.js';
import { makeUserWithToken } from '../helpers/factories.js';
import { makeBuyer, memberOf, type Named, NOW, needBody, seedNeedsData } from './needs-fixtures.js';

let t: TestApp;
let ids: Record<Named, string>;
let buyer: Awaited<ReturnType<typeof makeBuyer>>;
let otherBuyer: Awaited<ReturnType<typeof makeBuyer>>;
let presisi: Awaited<ReturnType<typeof memberOf>>;
let lathe: Awaited<ReturnType<typeof memberOf>>;
let facilitator: Awaited<ReturnType<typeof makeUserWithToken>>;

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  ids = await seedNeedsData(t.db.sql);
  buyer = await makeBuyer(t.db.sql);
  otherBuyer = await makeBuyer(t.db.sql, 'PT Pembeli Lain');
  presisi = await memberOf(t.db.sql, ids.presisi);
  lathe = await memberOf(t.db.sql, ids.lathe, 'en');
  facilitator = await makeUserWithToken(t.db.sql, { platformRole: 'facilitator' });
});
afterAll(() => t.close());

type ErrorJson = { error: { code: string; fields: Record<string, string> } };
type WhyJson = {
  matched: boolean;
  score: number | null;
  criteria: { code: string; hard: boolean; pass: boolean; label: string }[];
};
type InboxJson = {
  needs: { need: { id: string }; invited: boolean; score: number | null; reasons: unknown[] }[];
};
type ResponsesJson = { responses: { supplier_id: string }[] };
const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;

const call = (method: string, path: string, token: string, body?: unknown) =>
  api(t.app, method, path, { token, ...(body === undefined ? {} : { body }) });

async function createNeed(over: Record<string, unknown> = {}, open = true): Promise<string> {
  const res = await call('POST', '/api/v1/needs', buyer.owner.token, needBody(over));
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as { id: string };
  if (open) expect((await call('POST', `/api/v1/needs/${id}/open`, buyer.owner.token)).status).toBe(200);
  return id;
}

describe('needs API', () => {
  it('creates a draft from synonyms in either language and IDR typed the Indonesian way', async () => {
    const res = await call(
      'POST',
      '/api/v1/needs',
      buyer.owner.token,
      needBody({
        processes: ['bubut', 'milling work'],
        required_certs: ['iso 9001'],
        target_price_idr: 'Rp 150.000.000',
      }),
    );
    expect(res.status).toBe(201);
    const need = await json<{ id: string }>(res);
    expect(res.headers.get('location')).toBe(`/api/v1/needs/${need.id}`);
    expect(need).toMatchObject({
      status: 'draft',
      processes: ['turning', 'milling'],
      required_certs: ['iso-9001'],
      target_price_idr: 150_000_000,
      estate: 'smartpolitan-subang',
      location: { lat: -6.46, lon: 107.63 },
    });
  });

  it('answers 422 with field errors', async () => {
    const res = await call(
      'POST',
      '/api/v1/needs',
      buyer.owner.token,
      needBody({ processes: ['tenun'], location: { lat: -6.5, lon: 107.6 }, target_price_idr: 'banyak' }),
    );
    expect(res.status).toBe(422);
    const { error } = await json<ErrorJson>(res);
    expect(error.code).toBe('invalid');
    expect(Object.keys(error.fields)).toEqual(['target_price_idr']);
    const res2 = await call(
      'POST',
      '/api/v1/needs',
      buyer.owner.token,
      needBody({ processes: ['tenun'], location: { lat: -6.5, lon: 107.6 } }),
    );
    expect((await json<ErrorJson>(res2)).error.fields).toEqual({
      processes: 'Term not found in the taxonomy.',
      estate: 'Choose an estate or coordinates, not both.',
    });
  });

  it('edits, opens and closes with an audit of every change', async () => {
    const id = await createNeed({}, false);
    const patch = await call('PATCH', `/api/v1/needs/${id}`, buyer.owner.token, {
      min_tkdn: 25,
      location: { lat: -6.5, lon: 107.7 },
    });
    expect(patch.status).toBe(200);
    expect(await json(patch)).toMatchObject({
      min_tkdn: 25,
      estate: null,
      location: { lat: -6.5, lon: 107.7 },
    });
    expect(
      (await call('POST', `/api/v1/needs/${id}/close`, buyer.owner.token, { reason: 'awarded' })).status,
    ).toBe(409);
    expect((await call('POST', `/api/v1/needs/${id}/open`, buyer.owner.token)).status).toBe(200);
    expect((await call('POST', `/api/v1/needs/${id}/open`, buyer.owner.token)).status).toBe(409);
    const closed = await call('POST', `/api/v1/needs/${id}/close`, buyer.owner.token, { reason: 'awarded' });
    expect(await json(closed)).toMatchObject({ status: 'closed', close_reason: 'awarded' });
    expect((await call('PATCH', `/api/v1/needs/${id}`, buyer.owner.token, { min_tkdn: 30 })).status).toBe(
      409,
    );
    const audit = await listAudit(t.db.sql, { entity: 'need', entityId: id });
    expect(audit.map((a) => a.action).reverse()).toEqual(['create', 'update', 'open', 'close_awarded']);
    expect(audit.find((a) => a.action === 'update')!.changes).toMatchObject({ minTkdn: [null, 25] });
  });

  it('keeps drafts to the buyer organisation and facilitators off other buyers’ matches', async () => {
    const id = await createNeed({}, false);
    expect((await call('GET', `/api/v1/needs/${id}`, presisi.token)).status).toBe(404);
    expect((await call('GET', `/api/v1/needs/${id}`, otherBuyer.owner.token)).status).toBe(404);
    expect((await call('GET', `/api/v1/needs/${id}`, buyer.owner.token)).status).toBe(200);
    expect((await call('PATCH', `/api/v1/needs/${id}`, otherBuyer.owner.token, { min_tkdn: 1 })).status).toBe(
      404,
    );
    await call('POST', `/api/v1/needs/${id}/open`, buyer.owner.token);
    expect((await call('GET', `/api/v1/needs/${id}`, presisi.token)).status).toBe(200);
    expect((await call('GET', `/api/v1/needs/${id}/matches`, presisi.token)).status).toBe(403);
    expect((await call('GET', `/api/v1/needs/${id}/matches`, facilitator.token)).status).toBe(200);
    expect((await call('PATCH', `/api/v1/needs/${id}`, presisi.token, { min_tkdn: 1 })).status).toBe(403);
  });
});

describe('matches', () => {
  type Match = {
    supplier_id: string;
    score: number;
    distance_km: number | null;
    reasons: { code: string; label: string }[];
  };
  const matchesOf = async (id: string, token = buyer.owner.token, limit = 200) => {
    const res = await call('GET', `/api/v1/needs/${id}/matches?limit=${limit}`, token);
    expect(res.status).toBe(200);
    return (await res.json()) as { matches: Match[]; excluded: number; total: number };
  };

  it('orders by score, then distance, then id, the same on every call', async () => {
    const id = await createNeed({ processes: ['turning'], materials: [] });
    const a = await matchesOf(id);
    const b = await matchesOf(id);
    expect(b).toEqual(a);
    expect(a.matches.length).toBeGreaterThan(5);
    for (let i = 1; i < a.matches.length; i++) {
      const [p, q] = [a.matches[i - 1]!, a.matches[i]!];
      const order =
        p.score - q.score ||
        (q.distance_km ?? 1e9) - (p.distance_km ?? 1e9) ||
        (q.supplier_id > p.supplier_id ? 1 : -1);
      expect(order).toBeGreaterThan(0);
    }
    const top5 = await matchesOf(id, buyer.owner.token, 5);
    expect(top5.matches).toEqual(a.matches.slice(0, 5));
  });

  it('never shows a supplier that breaks a hard constraint, expired certificates included', async () => {
    const id = await createNeed({ required_certs: ['iso-9001'], min_tkdn: 40, max_distance_km: 60 });
    const { matches, excluded } = await matchesOf(id);
    const shown = matches.map((m) => m.supplier_id);
    expect(shown).toContain(ids.presisi);
    expect(shown).not.toContain(ids.lathe);
    expect(shown).not.toContain(ids.far);
    expect(excluded).toBeGreaterThan(0);
    for (const m of matches) expect(m.distance_km!).toBeLessThanOrEqual(60);
    const rows = await t.db.sql<{ id: string; iso: boolean; tkdn: number | null; status: string }[]>`
      select s.organization_id as id, s.status,
        exists (select 1 from supplier_certifications c where c.supplier_id = s.organization_id and c.type = 'iso-9001'
          and (c.valid_until is null or c.valid_until >= '2026-11-22')) as iso,
        (select max(tkdn_percent)::float8 from supplier_certifications c where c.supplier_id = s.organization_id
          and c.type = 'tkdn' and (c.valid_until is null or c.valid_until >= '2026-11-22')) as tkdn
      from suppliers s where s.organization_id = any(${shown}::uuid[])`;
    for (const r of rows) {
      expect(r.status).toBe('verified');
      expect(r.iso).toBe(true);
      expect(r.tkdn).toBeGreaterThanOrEqual(40);
    }
  });

  it('gives every match its reasons, in the reader’s language', async () => {
    const id = await createNeed({
      required_certs: ['iso-9001'],
      preferred_certs: ['tkdn'],
      quantity: 5000,
      unit: 'pcs',
      frequency: 'monthly',
    });
    const [first] = (await matchesOf(id)).matches;
    expect(first!.supplier_id).toBe(ids.presisi);
    expect(first!.reasons.map((r) => r.label)).toEqual([
      'Masters 1 of 1 needed processes: Turning (lathe)',
      'Works 1 of 1 needed materials: Stainless steel',
      'ISO 9001 quality management certificate valid',
      'TKDN local content certificate valid (preferred)',
      '19 km from Smartpolitan Subang',
      'Capacity of 20,000 pcs/month covers the need of 5,000 pcs/month',
      expect.stringMatching(/^Products and description fit the need/),
      'Verified by a facilitator',
    ]);
    const indo = await matchesOf(id, (await makeIdToken()).token);
    expect(indo.matches[0]!.reasons.map((r) => r.label)).toContain('19 km dari Smartpolitan Subang');
    expect(indo.matches[0]!.reasons.map((r) => r.label)).toContain('Menguasai 1 dari 1 proses: Bubut');
  });

  it('counts synonyms: an Indonesian description finds a supplier that describes itself in English', async () => {
    const id = await createNeed({
      processes: [],
      materials: [],
      title_en: null,
      title_id: 'Bubut poros flens',
      description_id: 'Perlu bubut poros dan flens untuk pompa.',
    });
    const { matches } = await matchesOf(id);
    const lathe = matches.find((m) => m.supplier_id === ids.lathe);
    expect(lathe?.reasons.map((r) => r.code)).toContain('text');
    expect(matches.map((m) => m.supplier_id)).not.toContain(ids.unrelated);
  });

  it('shows suppliers awaiting verification to facilitators only', async () => {
    const id = await createNeed({ processes: ['turning'], materials: [] });
    expect((await matchesOf(id)).matches.map((m) => m.supplier_id)).not.toContain(ids.submitted);
    const staff = (await matchesOf(id, facilitator.token)).matches.map((m) => m.supplier_id);
    expect(staff).toContain(ids.submitted);
    for (const hidden of [ids.suspended, ids.rejected, ids.draft]) expect(staff).not.toContain(hidden);
  });

  it('explains why-not consistently with the match list for every supplier', async () => {
    const id = await createNeed({ required_certs: ['iso-9001'], max_distance_km: 150 });
    const all = await t.db.sql<{ id: string; status: string }[]>`
      select organization_id as id, status from suppliers order by organization_id`;
    for (const token of [buyer.owner.token, facilitator.token]) {
      const byId = new Map((await matchesOf(id, token)).matches.map((m) => [m.supplier_id, m]));
      for (const { id: sid, status } of all) {
        const res = await call('GET', `/api/v1/needs/${id}/why-not/${sid}`, token);
        if (token === buyer.owner.token && status !== 'verified') {
          expect(res.status).toBe(404);
          continue;
        }
        expect(res.status).toBe(200);
        const w = await json<WhyJson>(res);
        expect(w.matched).toBe(byId.has(sid));
        if (w.matched) expect(w.score).toBe(byId.get(sid)!.score);
        else expect(w.criteria.some((c) => c.hard && !c.pass)).toBe(true);
      }
    }
    const why = await json<WhyJson>(
      await call('GET', `/api/v1/needs/${id}/why-not/${ids.lathe}`, buyer.owner.token),
    );
    expect(why.criteria.find((c) => c.code === 'cert_required')).toMatchObject({
      pass: false,
      label: 'ISO 9001 quality management certificate (required) expired (2026-01-31)',
    });
  });
});

async function makeIdToken() {
  const u = await makeUserWithToken(t.db.sql);
  const { upsertMembership } = await import('../../src/orgs/repo.js');
  await upsertMembership(t.db.sql, buyer.orgId, u.user.id, 'member');
  return u;
}

describe('authorization of invited-only needs and responses', () => {
  it('hides an invited-only need from everyone but the buyer and the invited supplier', async () => {
    const id = await createNeed({ visibility: 'invited' });
    for (const token of [presisi.token, lathe.token, otherBuyer.owner.token, facilitator.token])
      expect((await call('GET', `/api/v1/needs/${id}`, token)).status).toBe(404);
    const c = t.client();
    await c.login(buyer.owner.email, buyer.owner.password);
    expect((await c.post(`/needs/${id}/invite`, { supplier_id: ids.presisi })).status).toBe(303);
    expect((await call('GET', `/api/v1/needs/${id}`, presisi.token)).status).toBe(200);
    expect((await call('GET', `/api/v1/needs/${id}`, lathe.token)).status).toBe(404);
    const inbox = await json<InboxJson>(
      await call('GET', '/api/v1/suppliers/me/matching-needs', presisi.token),
    );
    expect(inbox.needs.find((n) => n.need.id === id)).toMatchObject({ invited: true });
    const other = await json<InboxJson>(
      await call('GET', '/api/v1/suppliers/me/matching-needs', lathe.token),
    );
    expect(other.needs.map((n) => n.need.id)).not.toContain(id);
  });

  it('takes one response per supplier and shows a supplier only its own', async () => {
    const id = await createNeed();
    const interest = await call('POST', `/api/v1/needs/${id}/interest`, presisi.token, {
      message: 'Kami siap, mesin CNC 3 unit.',
      indicative_price_idr: '45 jt',
    });
    expect(interest.status).toBe(201);
    expect(await json(interest)).toMatchObject({
      interested: true,
      indicative_price_idr: 45_000_000,
      supplier_id: ids.presisi,
    });
    expect(
      (await call('POST', `/api/v1/needs/${id}/interest`, presisi.token, { message: 'lagi' })).status,
    ).toBe(409);
    expect(
      (
        await call('POST', `/api/v1/needs/${id}/interest`, lathe.token, {
          interested: false,
          reason: 'Kapasitas penuh',
        })
      ).status,
    ).toBe(201);
    const own = await json<ResponsesJson>(await call('GET', `/api/v1/needs/${id}/responses`, lathe.token));
    expect(own.responses.map((r) => r.supplier_id)).toEqual([ids.lathe]);
    const all = await json<ResponsesJson>(
      await call('GET', `/api/v1/needs/${id}/responses`, buyer.owner.token),
    );
    expect(all.responses).toHaveLength(2);
    expect(
      (await call('POST', `/api/v1/needs/${id}/interest`, buyer.owner.token, { message: 'x' })).status,
    ).toBe(403);
    expect((await call('GET', `/api/v1/needs/${id}/why-not/${ids.lathe}`, presisi.token)).status).toBe(404);
    expect((await call('GET', `/api/v1/needs/${id}/why-not/${ids.presisi}`, presisi.token)).status).toBe(200);
  });

  it('routes /api/v1/suppliers/me/matching-needs to the inbox, not to a supplier profile', async () => {
    const res = await call('GET', '/api/v1/suppliers/me/matching-needs', presisi.token);
    expect(res.status).toBe(200);
    const body = await json<InboxJson>(res);
    expect(Object.keys(body)).toEqual(['needs']);
    const item = body.needs.find((n) => !n.invited)!;
    expect(item.score).toBeGreaterThanOrEqual(50);
    expect(item.reasons.length).toBeGreaterThan(0);
    expect((await call('GET', `/api/v1/suppliers/${ids.presisi}`, presisi.token)).status).toBe(200);
  });
});
