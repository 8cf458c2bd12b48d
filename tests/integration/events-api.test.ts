import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type TestApp } from '../helpers/app.js';
import {
  createEvent,
  type EventJson,
  expectJson,
  type Member,
  makeFacilitator,
  makeOrgUser,
  register,
  request,
} from './events-fixtures.js';

let t: TestApp;
let staff: Member;
let buyer: Member;
let supplier: Member;
let outsider: Member;
const NOW = new Date('2026-11-20T02:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  staff = await makeFacilitator(t);
  buyer = await makeOrgUser(t, 'PT Smelter Tembaga', 'buyer', 'Hendra');
  supplier = await makeOrgUser(t, 'CV Sinar Logam', 'supplier', 'Asep');
  outsider = await makeOrgUser(t, 'CV Orang Lain', 'supplier', 'Budi');
});
afterAll(() => t.close());

describe('events API', () => {
  it('creates an event with generated slots and named tables and answers 201 with its id', async () => {
    const { event, slots } = await createEvent(t, staff.token, {
      days: [
        {
          date: '2026-12-01',
          windows: [
            { start: '09:00', end: '10:00' },
            { start: '13:00', end: '13:45' },
          ],
        },
      ],
      slot_minutes: 20,
      break_minutes: 5,
      tables: ['VIP A', 'VIP B', '3'],
    });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(event.tables.map((x) => x.name)).toEqual(['VIP A', 'VIP B', '3']);
    expect(event.tables[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(event).toMatchObject({
      timezone: 'Asia/Makassar',
      zone: 'WITA',
      slot_minutes: 20,
      break_minutes: 5,
    });
    expect(event.organizer).toEqual({ id: staff.orgId, name: 'Disperin Baiq' });
    // 09:00, 09:25 fit before 10:00 (09:50 would end at 10:10); 13:00 fits, 13:25 ends 13:45.
    expect(slots.map((s) => s.starts_at)).toEqual([
      '2026-12-01T01:00:00.000Z',
      '2026-12-01T01:25:00.000Z',
      '2026-12-01T05:00:00.000Z',
      '2026-12-01T05:25:00.000Z',
    ]);
    const fetched = await expectJson<EventJson>(
      await api(t.app, 'GET', `/api/v1/events/${event.id}`, { token: buyer.token }),
      200,
    );
    expect(fetched.id).toBe(event.id);
    expect(fetched.slot_count).toBe(4);
  });

  it('turns a table count into numbered tables', async () => {
    const { event } = await createEvent(t, staff.token, { tables: 3 });
    expect(event.tables.map((x) => x.name)).toEqual(['1', '2', '3']);
  });

  it('refuses overlapping session windows with a field error (422)', async () => {
    const res = await api(t.app, 'POST', '/api/v1/events', {
      token: staff.token,
      body: {
        name: 'Bentrok',
        venue: 'Mataram',
        timezone: 'Asia/Makassar',
        days: [
          {
            date: '2026-12-01',
            windows: [
              { start: '09:00', end: '11:00' },
              { start: '10:30', end: '12:00' },
            ],
          },
        ],
        slot_minutes: 20,
        tables: 2,
      },
    });
    const body = await expectJson<{ error: { fields: Record<string, string> } }>(res, 422);
    expect(Object.keys(body.error.fields)).toEqual(['days.0.windows']);
  });

  it('refuses a malformed body with 400 and a schema failure with 422', async () => {
    const bad = await api(t.app, 'POST', '/api/v1/events', { token: staff.token, body: '{nope' });
    expect(bad.status).toBe(400);
    const invalid = await api(t.app, 'POST', '/api/v1/events', { token: staff.token, body: { name: 'x' } });
    expect(invalid.status).toBe(422);
  });

  it('lets only facilitators create events', async () => {
    const res = await api(t.app, 'POST', '/api/v1/events', {
      token: buyer.token,
      body: {
        name: 'Acara Pembeli',
        venue: 'Subang',
        timezone: 'Asia/Jakarta',
        days: [{ date: '2026-12-01', windows: [{ start: '09:00', end: '10:00' }] }],
        slot_minutes: 20,
        tables: 2,
      },
    });
    expect(res.status).toBe(403);
  });

  it('answers 404 for an unknown or malformed event id', async () => {
    expect((await api(t.app, 'GET', '/api/v1/events/not-a-uuid', { token: buyer.token })).status).toBe(404);
    expect(
      (await api(t.app, 'GET', '/api/v1/events/00000000-0000-4000-8000-000000000000', { token: buyer.token }))
        .status,
    ).toBe(404);
  });
});

describe('participants API', () => {
  it('registers an own organisation as pending, with its unavailable slots', async () => {
    const { event, slots } = await createEvent(t, staff.token);
    const p = await register(t, buyer.token, event.id, {
      organization_id: buyer.orgId!,
      name: 'Hendra Wijaya',
      unavailable_slots: [slots[1]!.id],
    });
    expect(p).toMatchObject({
      status: 'pending',
      organization_id: buyer.orgId,
      organization_kind: 'buyer',
      name: 'Hendra Wijaya',
      unavailable_slots: [slots[1]!.id],
    });
  });

  it('registers anyone approved when a facilitator does it', async () => {
    const { event } = await createEvent(t, staff.token);
    const p = await register(t, staff.token, event.id, {
      organization_id: supplier.orgId!,
      name: 'Asep Saepudin',
    });
    expect(p.status).toBe('approved');
  });

  it("answers 404 when a member registers someone else's organisation", async () => {
    const { event } = await createEvent(t, staff.token);
    const res = await api(t.app, 'POST', `/api/v1/events/${event.id}/participants`, {
      token: outsider.token,
      body: { organization_id: buyer.orgId, name: 'Menyamar' },
    });
    expect(res.status).toBe(404);
  });

  it('refuses slots of another event (422) and a second registration of the same name (409)', async () => {
    const { event } = await createEvent(t, staff.token);
    const other = await createEvent(t, staff.token);
    const wrong = await api(t.app, 'POST', `/api/v1/events/${event.id}/participants`, {
      token: buyer.token,
      body: { organization_id: buyer.orgId, name: 'Hendra', unavailable_slots: [other.slots[0]!.id] },
    });
    expect(wrong.status).toBe(422);
    await register(t, buyer.token, event.id, { organization_id: buyer.orgId!, name: 'Hendra' });
    const again = await api(t.app, 'POST', `/api/v1/events/${event.id}/participants`, {
      token: buyer.token,
      body: { organization_id: buyer.orgId, name: 'hendra' },
    });
    expect(again.status).toBe(409);
  });

  it('refuses registration by members once registration has closed', async () => {
    const { event } = await createEvent(t, staff.token, { registration_closes_at: '2026-11-19T00:00:00Z' });
    const res = await api(t.app, 'POST', `/api/v1/events/${event.id}/participants`, {
      token: buyer.token,
      body: { organization_id: buyer.orgId, name: 'Terlambat' },
    });
    const body = await expectJson<{ error: { message: string } }>(res, 409);
    expect(body.error.message).toMatch(/pendaftaran/i);
  });
});

describe('requests API', () => {
  it('creates a request (201) that only the other side or a facilitator can answer', async () => {
    const { event } = await createEvent(t, staff.token);
    const a = await register(t, staff.token, event.id, { organization_id: buyer.orgId!, name: 'Hendra' });
    const b = await register(t, staff.token, event.id, { organization_id: supplier.orgId!, name: 'Asep' });
    const r = await expectJson<{ id: string; status: string; from: string; to: string; priority: number }>(
      await request(t, buyer.token, event.id, { from: a.id, to: b.id, priority: 3, message: 'Butuh poros' }),
      201,
    );
    expect(r).toMatchObject({ from: a.id, to: b.id, priority: 3, status: 'pending', message: 'Butuh poros' });
    expect(
      (await api(t.app, 'POST', `/api/v1/requests/${r.id}/accept`, { token: buyer.token, body: {} })).status,
    ).toBe(403);
    expect(
      (await api(t.app, 'POST', `/api/v1/requests/${r.id}/accept`, { token: outsider.token, body: {} }))
        .status,
    ).toBe(404);
    const accepted = await expectJson<{ status: string }>(
      await api(t.app, 'POST', `/api/v1/requests/${r.id}/accept`, { token: supplier.token, body: {} }),
      200,
    );
    expect(accepted.status).toBe('accepted');
  });

  it("answers 404 when asking on behalf of someone else's participant", async () => {
    const { event } = await createEvent(t, staff.token);
    const a = await register(t, staff.token, event.id, { organization_id: buyer.orgId!, name: 'Hendra' });
    const b = await register(t, staff.token, event.id, { organization_id: supplier.orgId!, name: 'Asep' });
    const res = await request(t, outsider.token, event.id, { from: a.id, to: b.id, priority: 1 });
    expect(res.status).toBe(404);
  });

  it('refuses requests involving participants not yet approved', async () => {
    const { event } = await createEvent(t, staff.token);
    const a = await register(t, buyer.token, event.id, { organization_id: buyer.orgId!, name: 'Hendra' });
    const b = await register(t, staff.token, event.id, { organization_id: supplier.orgId!, name: 'Asep' });
    const res = await request(t, buyer.token, event.id, { from: a.id, to: b.id, priority: 2 });
    expect(res.status).toBe(409);
  });
});
