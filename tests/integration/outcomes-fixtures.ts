import { api, ORIGIN, type TestApp, type TestClient } from '../helpers/app.js';
import {
  createEvent,
  expectJson,
  type Member,
  makeFacilitator,
  makeOrgUser,
  register,
  request,
} from './events-fixtures.js';

export type { Member };
export { expectJson };

/** The event of these tests: 1 December 2026, 09:00–10:00 WITA (three 20-minute slots, two tables). */
export const EVENT_DAY = '2026-12-01';
export const BEFORE_EVENT = new Date('2026-11-20T02:00:00Z');
/** 11:00 WITA on the event day: every meeting has taken place. */
export const AFTER_MEETINGS = new Date('2026-12-01T03:00:00Z');

export interface World {
  staff: Member;
  buyer: Member;
  supplier: Member;
  other: Member;
  eventId: string;
  /** Buyer asked the supplier; checked in as held. */
  meetingId: string;
  /** The other supplier asked the buyer ("a" is the supplier); checked in as that supplier's no-show. */
  reverseMeetingId: string;
}

/**
 * Two meetings at one event, placed and checked in through the events and scheduling API, the way
 * a facilitator would. The clock must be movable: the event is set up before it happens, and
 * check-in happens after. `setNow` moves the test app's clock.
 */
export async function buildWorld(t: TestApp, setNow: (d: Date) => void): Promise<World> {
  setNow(BEFORE_EVENT);
  const staff = await makeFacilitator(t);
  const buyer = await makeOrgUser(t, 'PT Smelter Tembaga', 'buyer', 'Hendra');
  const supplier = await makeOrgUser(t, 'CV Sinar Logam', 'supplier', 'Asep');
  const other = await makeOrgUser(t, 'CV Cor Lombok', 'supplier', 'Budi');
  const { event, slots } = await createEvent(t, staff.token, {
    days: [{ date: EVENT_DAY, windows: [{ start: '09:00', end: '10:00' }] }],
  });
  const pb = await register(t, staff.token, event.id, {
    organization_id: buyer.orgId!,
    name: 'Hendra',
    user_id: buyer.user.id,
  });
  const ps = await register(t, staff.token, event.id, {
    organization_id: supplier.orgId!,
    name: 'Asep',
    user_id: supplier.user.id,
  });
  const po = await register(t, staff.token, event.id, {
    organization_id: other.orgId!,
    name: 'Budi',
    user_id: other.user.id,
  });
  const place = async (from: string, to: string, slot: number, table: number) => {
    const r = await expectJson<{ id: string }>(
      await request(t, staff.token, event.id, { from, to, priority: 2 }),
      201,
    );
    await expectJson(
      await api(t.app, 'POST', `/api/v1/requests/${r.id}/accept`, { token: staff.token, body: {} }),
      200,
    );
    const m = await expectJson<{ id: string }>(
      await api(t.app, 'POST', `/api/v1/events/${event.id}/meetings`, {
        token: staff.token,
        body: { request_id: r.id, slot_id: slots[slot]!.id, table_id: event.tables[table]!.id },
      }),
      201,
    );
    return m.id;
  };
  const meetingId = await place(pb.id, ps.id, 0, 0);
  const reverseMeetingId = await place(po.id, pb.id, 1, 0);
  setNow(AFTER_MEETINGS);
  for (const [id, attendance] of [
    [meetingId, 'held'],
    [reverseMeetingId, 'no_show_a'],
  ] as const)
    await expectJson(
      await api(t.app, 'PATCH', `/api/v1/meetings/${id}`, { token: staff.token, body: { attendance } }),
      200,
    );
  return { staff, buyer, supplier, other, eventId: event.id, meetingId, reverseMeetingId };
}

/** PUT /api/v1/meetings/:id/outcome. */
export function putOutcome(t: TestApp, token: string, meetingId: string, body: unknown): Promise<Response> {
  return api(t.app, 'PUT', `/api/v1/meetings/${meetingId}/outcome`, { token, body });
}

/** A logged-in browser-like client. */
export async function loggedIn(t: TestApp, m: Member): Promise<TestClient> {
  const c = t.client();
  const res = await c.login(m.email, m.password);
  if (res.status !== 303) throw new Error(`login failed: ${res.status}`);
  return c;
}

/** A multipart form post (with a file) the way a same-origin browser sends it. */
export async function postMultipart(
  t: TestApp,
  c: TestClient,
  path: string,
  fields: Record<string, string>,
  file?: { name: string; type: string; bytes: Uint8Array },
): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('mou_file', new File([file.bytes], file.name, { type: file.type }));
  const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return t.app.request(path, {
    method: 'POST',
    body: form,
    headers: { cookie, origin: ORIGIN, 'x-forwarded-for': c.ip },
  });
}

/** Smallest valid PDF header (file-type recognises it by its magic bytes). */
export const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
