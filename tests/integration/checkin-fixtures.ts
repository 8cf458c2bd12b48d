import { api, type TestApp, type TestClient } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import {
  createEvent,
  expectJson,
  makeFacilitator,
  makeOrgUser,
  register,
  request,
} from './events-fixtures.js';

/** The event day: 2026-12-01, 09:00–10:00 WITA (UTC+8), 20-minute slots, two tables. */
export const EVENT_DAY = '2026-12-01';
/** Slot 0 starts 09:00 WITA = 01:00 UTC. */
export const SLOT0 = new Date('2026-12-01T01:00:00Z');
export const minutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

export interface DayWorld {
  staff: Awaited<ReturnType<typeof makeFacilitator>>;
  staffClient: TestClient;
  buyerClient: TestClient;
  eventId: string;
  slots: { id: string; starts_at: string }[];
  tables: { id: string; name: string }[];
  buyerPid: string;
  supplierPid: string;
  meetingId: string;
}

/** A buyer and a supplier with one meeting at slot 0, table 0, placed through the API. */
export async function buildDay(t: TestApp): Promise<DayWorld> {
  const staff = await makeFacilitator(t);
  const buyer = await makeOrgUser(t, 'PT Smelter Tembaga', 'buyer', 'Hendra');
  const supplier = await makeOrgUser(t, 'CV Sinar Logam', 'supplier', 'Asep');
  const { event, slots } = await createEvent(t, staff.token, {
    days: [{ date: EVENT_DAY, windows: [{ start: '09:00', end: '10:00' }] }],
  });
  const b = await register(t, staff.token, event.id, {
    organization_id: buyer.orgId!,
    name: 'Hendra',
    user_id: buyer.user.id,
  });
  const s = await register(t, staff.token, event.id, { organization_id: supplier.orgId!, name: 'Asep' });
  const r = await expectJson<{ id: string }>(
    await request(t, staff.token, event.id, { from: b.id, to: s.id, priority: 2 }),
    201,
  );
  await expectJson(
    await api(t.app, 'POST', `/api/v1/requests/${r.id}/accept`, { token: staff.token, body: {} }),
    200,
  );
  const m = await expectJson<{ id: string }>(
    await api(t.app, 'POST', `/api/v1/events/${event.id}/meetings`, {
      token: staff.token,
      body: { request_id: r.id, slot_id: slots[0]!.id, table_id: event.tables[0]!.id },
    }),
    201,
  );
  const staffClient = t.client();
  await staffClient.login(staff.email, staff.password);
  const buyerClient = t.client();
  await buyerClient.login(buyer.email, buyer.password);
  return {
    staff,
    staffClient,
    buyerClient,
    eventId: event.id,
    slots,
    tables: event.tables,
    buyerPid: b.id,
    supplierPid: s.id,
    meetingId: m.id,
  };
}

/** A second facilitator's organisation-less user, for refusal checks. */
export const makeOutsider = (t: TestApp) =>
  makeUser(t.db.sql, { name: 'Dedi', org: { name: 'CV Lain', kind: 'supplier' } });
