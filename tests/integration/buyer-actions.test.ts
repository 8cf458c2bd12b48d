import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type TestApp, type TestClient } from '../helpers/app.js';
import type { makeUserWithToken } from '../helpers/factories.js';
import { createEvent, makeFacilitator, register } from './events-fixtures.js';
import { makeBuyer, memberOf, type Named, NOW, needBody, seedNeedsData } from './needs-fixtures.js';

let t: TestApp;
let ids: Record<Named, string>;
let buyer: Awaited<ReturnType<typeof makeBuyer>>;
let buyer2: Awaited<ReturnType<typeof makeBuyer>>;
let presisi: Awaited<ReturnType<typeof memberOf>>;
let lathe: Awaited<ReturnType<typeof memberOf>>;
let facilitator: Awaited<ReturnType<typeof makeUserWithToken>>;
let needId: string;
let eventId: string;
const parts: Record<string, string> = {};

async function login(u: { email: string; password: string }): Promise<TestClient> {
  const c = t.client();
  await c.login(u.email, u.password);
  return c;
}

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  ids = await seedNeedsData(t.db.sql, 10);
  buyer = await makeBuyer(t.db.sql);
  buyer2 = await makeBuyer(t.db.sql, 'PT Pembeli Kedua');
  presisi = await memberOf(t.db.sql, ids.presisi, 'en');
  lathe = await memberOf(t.db.sql, ids.lathe);
  facilitator = await makeFacilitator(t);
  await t.db
    .sql`insert into supplier_contacts (supplier_id, name, phone) values (${ids.presisi}, 'Asep', '0812-3456-7890')`;
  const res = await api(t.app, 'POST', '/api/v1/needs', { token: buyer.owner.token, body: needBody() });
  needId = ((await res.json()) as { id: string }).id;
  await api(t.app, 'POST', `/api/v1/needs/${needId}/open`, { token: buyer.owner.token });
  const { event } = await createEvent(t, facilitator.token, {
    days: [{ date: '2026-12-01', windows: [{ start: '09:00', end: '10:00' }] }],
  });
  eventId = event.id;
  for (const [key, org, user] of [
    ['buyer', buyer.orgId, buyer.owner.user.id],
    ['buyer2', buyer2.orgId, buyer2.owner.user.id],
    ['presisi', ids.presisi, presisi.user.id],
    ['lathe', ids.lathe, lathe.user.id],
  ] as const) {
    const p = await register(t, facilitator.token, eventId, {
      organization_id: org,
      name: `Peserta ${key}`,
      user_id: user,
    });
    parts[key] = p.id;
    await api(t.app, 'POST', `/api/v1/events/${eventId}/participants/${p.id}/approve`, {
      token: facilitator.token,
    });
  }
  await t.db.sql`update event_participants set status = 'approved' where event_id = ${eventId}`;
}, 120_000);
afterAll(() => t.close());

describe('buyer actions where buyers look', () => {
  it('shows the action block and a WhatsApp link naming the need to buyers only', async () => {
    const b = await login(buyer.owner);
    const html = await (await b.get(`/suppliers/${ids.presisi}`)).text();
    expect(html).toContain(`action="/suppliers/${ids.presisi}/buyer/shortlist"`);
    const wa = /href="(https:\/\/wa\.me\/6281234567890\?text=[^"]+)"/.exec(html);
    expect(wa, 'wa.me link').not.toBeNull();
    const message = decodeURIComponent(wa![1]!.split('text=')[1]!.replace(/&amp;/g, '&'));
    expect(message).toContain('Poros pompa baja tahan karat');
    expect(message).toContain('Halo');
    const search = await (await b.get('/suppliers?q=bubut')).text();
    expect(search).toContain('/buyer/invite');
    const s = await login(lathe);
    expect(await (await s.get(`/suppliers/${ids.presisi}`)).text()).not.toContain('/buyer/shortlist');
    expect(await (await t.client().get(`/suppliers/${ids.presisi}`)).text()).not.toContain(
      'wa.me/6281234567890?text',
    );
  });

  it('shortlists a supplier that never expressed interest (no JS: 303 and a flash)', async () => {
    const b = await login(buyer.owner);
    const res = await b.post(`/suppliers/${ids.lathe}/buyer/shortlist`, {
      need_id: needId,
      next: '/suppliers?q=bubut',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/suppliers?q=bubut');
    const rows = await t.db
      .sql`select 1 from need_shortlist where need_id = ${needId} and supplier_id = ${ids.lathe}`;
    expect(rows).toHaveLength(1);
    const compare = await (await b.get(`/needs/${needId}/compare`)).text();
    expect(compare).toContain('PT Western Lathe Works');
  });

  it('answers htmx with a status fragment swapped in place', async () => {
    const b = await login(buyer.owner);
    const res = await b.post(
      `/suppliers/${ids.presisi}/buyer/shortlist`,
      { need_id: needId },
      { 'hx-request': 'true' },
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('<html');
    expect(html).toContain('class="notice"');
  });

  it("refuses non-buyers with 403 and another buyer's need with 403", async () => {
    for (const u of [lathe, facilitator]) {
      const c = await login(u);
      expect((await c.post(`/suppliers/${ids.presisi}/buyer/shortlist`, { need_id: needId })).status).toBe(
        403,
      );
      expect((await c.post(`/suppliers/${ids.presisi}/buyer/invite`, { need_id: needId })).status).toBe(403);
    }
    const other = await login(buyer2.owner);
    expect([403, 404]).toContain(
      (await other.post(`/suppliers/${ids.presisi}/buyer/invite`, { need_id: needId })).status,
    );
    expect(
      (await t.client().post(`/suppliers/${ids.presisi}/buyer/invite`, { need_id: needId })).status,
    ).toBe(303);
  });

  it('invites to a public need: the supplier sees it in its inbox and is told in its language', async () => {
    const b = await login(buyer.owner);
    expect((await b.post(`/suppliers/${ids.presisi}/buyer/invite`, { need_id: needId })).status).toBe(303);
    const [n] = await t.db.sql<{ title: string }[]>`
      select title from notifications where user_id = ${presisi.user.id} and kind = 'need.invited'`;
    expect(n!.title).toContain('invites'); // presisi's member reads English
    const inbox = (await (
      await api(t.app, 'GET', '/api/v1/suppliers/me/matching-needs', { token: presisi.token })
    ).json()) as {
      needs: { need: { id: string }; invited: boolean }[];
    };
    expect(inbox.needs.find((x) => x.need.id === needId)?.invited).toBe(true);
  });

  it('refuses an invitation without a need with a 422 page', async () => {
    const b = await login(buyer.owner);
    const res = await b.post(`/suppliers/${ids.presisi}/buyer/invite`, {});
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('buyer-action-refused');
  });

  it('requests a meeting at the event both attend', async () => {
    const b = await login(buyer.owner);
    const res = await b.post(`/suppliers/${ids.presisi}/buyer/meeting`, {
      event_id: eventId,
      message: 'Bisa bertemu?',
    });
    expect(res.status, await res.clone().text()).toBe(303);
    const rows = await t.db.sql`
      select 1 from meeting_requests where from_participant_id = ${parts.buyer!} and to_participant_id = ${parts.presisi!}`;
    expect(rows).toHaveLength(1);
  });
});

describe('meeting requests pair a buyer with a supplier', () => {
  it('refuses buyer → buyer and supplier → supplier with a 422, and lets facilitators place any', async () => {
    const req = (token: string, from: string, to: string) =>
      api(t.app, 'POST', `/api/v1/events/${eventId}/requests`, { token, body: { from, to, priority: 2 } });
    const bb = await req(buyer.owner.token, parts.buyer!, parts.buyer2!);
    expect(bb.status).toBe(422);
    expect(((await bb.json()) as { error: { fields: Record<string, string> } }).error.fields.to).toBeTruthy();
    expect((await req(lathe.token, parts.lathe!, parts.presisi!)).status).toBe(422);
    expect((await req(facilitator.token, parts.lathe!, parts.presisi!)).status).toBe(201);
  });

  it('refuses an ad-hoc buyer → buyer proposal (422) and accepts one from compare on the first submit', async () => {
    const b = await login(buyer.owner);
    const base = {
      from_org: buyer.orgId,
      date: '2026-12-03',
      start: '10:00',
      minutes: '60',
      timezone: 'Asia/Jakarta',
      place: 'Kantor kami',
      message: 'Tindak lanjut',
    };
    expect((await b.post('/meetings', { ...base, to_org: buyer2.orgId })).status).toBe(422);
    // The compare page's form sends no online link unless one is typed.
    const res = await b.post('/meetings', { ...base, to_org: ids.presisi });
    expect(res.status, await res.clone().text()).toBe(303);
  });
});
