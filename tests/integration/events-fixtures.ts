import { expect } from 'vitest';
import { api, type TestApp } from '../helpers/app.js';
import { makeUserWithToken } from '../helpers/factories.js';

export type Member = Awaited<ReturnType<typeof makeUserWithToken>>;

/** JSON of a response, asserting its status first (the body is in the failure message). */
export async function expectJson<T = Record<string, unknown>>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return (text ? JSON.parse(text) : null) as T;
}

export interface EventJson {
  id: string;
  tables: { id: string; name: string }[];
  [key: string]: unknown;
}

export interface SlotJson {
  id: string;
  starts_at: string;
  ends_at: string;
}

export async function makeFacilitator(t: TestApp, name = 'Baiq') {
  return makeUserWithToken(t.db.sql, {
    name,
    platformRole: 'facilitator',
    org: { name: `Disperin ${name}`, kind: 'facilitator' },
  });
}

export async function makeOrgUser(t: TestApp, org: string, kind: 'buyer' | 'supplier', name = org) {
  return makeUserWithToken(t.db.sql, { name, org: { name: org, kind } });
}

/** A one-day WITA event, 09:00–10:00 in 20-minute slots (3 slots), unless overridden. */
export async function createEvent(
  t: TestApp,
  token: string,
  overrides: Record<string, unknown> = {},
): Promise<{ event: EventJson; slots: SlotJson[] }> {
  const event = await expectJson<EventJson>(
    await api(t.app, 'POST', '/api/v1/events', {
      token,
      body: {
        name: 'Temu Usaha Smelter Sumbawa',
        venue: 'Gedung Graha Bhakti, Taliwang',
        timezone: 'Asia/Makassar',
        days: [{ date: '2026-12-01', windows: [{ start: '09:00', end: '10:00' }] }],
        slot_minutes: 20,
        break_minutes: 0,
        tables: 2,
        ...overrides,
      },
    }),
    201,
  );
  const { slots } = await expectJson<{ slots: SlotJson[] }>(
    await api(t.app, 'GET', `/api/v1/events/${event.id}/slots`, { token }),
    200,
  );
  return { event, slots };
}

export async function register(
  t: TestApp,
  token: string,
  eventId: string,
  body: { organization_id: string; name: string; unavailable_slots?: string[]; user_id?: string },
): Promise<{ id: string; status: string }> {
  return expectJson(await api(t.app, 'POST', `/api/v1/events/${eventId}/participants`, { token, body }), 201);
}

export async function request(
  t: TestApp,
  token: string,
  eventId: string,
  body: { from: string; to: string; priority: number; message?: string },
): Promise<Response> {
  return api(t.app, 'POST', `/api/v1/events/${eventId}/requests`, { token, body });
}

/** An accepted request between two fresh participants (registered by the facilitator). */
export async function acceptedPair(
  t: TestApp,
  staffToken: string,
  eventId: string,
  orgs: { buyer: string; supplier: string },
  priority = 2,
): Promise<{ requestId: string; a: string; b: string }> {
  const a = await register(t, staffToken, eventId, {
    organization_id: orgs.buyer,
    name: `Wakil ${Math.random()}`,
  });
  const b = await register(t, staffToken, eventId, {
    organization_id: orgs.supplier,
    name: `Wakil ${Math.random()}`,
  });
  const r = await expectJson<{ id: string }>(
    await request(t, staffToken, eventId, { from: a.id, to: b.id, priority }),
    201,
  );
  await expectJson(
    await api(t.app, 'POST', `/api/v1/requests/${r.id}/accept`, { token: staffToken, body: {} }),
    200,
  );
  return { requestId: r.id, a: a.id, b: b.id };
}
