import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type TestApp } from '../helpers/app.js';
import { buildDay, type DayWorld, minutes, SLOT0 } from './checkin-fixtures.js';
import { expectJson, makeOrgUser, register, request } from './events-fixtures.js';

let t: TestApp;
let now = minutes(SLOT0, -10);
let w: DayWorld;

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  w = await buildDay(t);
});
afterAll(() => t.close());

const walkIn = (body: Record<string, string>) => w.staffClient.post(`/events/${w.eventId}/walk-ins`, body);
const pidFrom = (res: Response) => /walk-ins\/([0-9a-f-]{36})$/.exec(res.headers.get('location') ?? '')![1]!;

async function meetingsAt(slotId: string) {
  return t.db.sql<{ id: string; tableId: string; status: string }[]>`
    select id, table_id, status from meetings where slot_id = ${slotId} and status = 'scheduled'`;
}

describe('walk-ins', () => {
  let made: string;

  it('re-renders the form with field errors (422) for a bad WhatsApp number, without JavaScript', async () => {
    const res = await walkIn({
      name: 'Made',
      organization_name: 'CV Las Mataram',
      kind: 'supplier',
      whatsapp: '12ab',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Tulis nomor WhatsApp Indonesia');
    expect(html).toContain('value="CV Las Mataram"');
  });

  it('registers a walk-in without a user account, creating the organisation, and links it the next time', async () => {
    const res = await walkIn({
      name: 'Made Wirawan',
      organization_name: 'CV Las Mataram',
      kind: 'supplier',
      whatsapp: '0812-3456-7890',
    });
    expect(res.status).toBe(303);
    made = pidFrom(res);
    const [p] = await t.db.sql<
      { userId: string | null; status: string; walkIn: boolean; whatsapp: string; kind: string }[]
    >`
      select p.user_id, p.status, p.walk_in, p.whatsapp, o.kind from event_participants p
      join organizations o on o.id = p.organization_id where p.id = ${made}`;
    expect(p).toEqual({
      userId: null,
      status: 'approved',
      walkIn: true,
      whatsapp: '+6281234567890',
      kind: 'supplier',
    });
    const again = await walkIn({
      name: 'Ketut',
      organization_name: 'cv las mataram',
      kind: 'supplier',
      whatsapp: '+62 813 1111 2222',
    });
    expect(again.status).toBe(303);
    const orgs = await t.db.sql`select id from organizations where lower(name) = 'cv las mataram'`;
    expect(orgs).toHaveLength(1);
    expect(await (await w.staffClient.get(`/events/${w.eventId}/walk-ins`)).text()).toContain('Made Wirawan');
  });

  it('offers the suggested buyer with free table-slots and places the walk-in with one tap', async () => {
    const page = await (await w.staffClient.get(`/events/${w.eventId}/walk-ins/${made}`)).text();
    expect(page).toContain('Hendra');
    // Hendra sits at slot 0 already, so the first free spot offered is 09.20.
    expect(page).toContain('09.20–09.40 WITA');
    expect(page).not.toContain('09.00–09.20 WITA');
    const res = await w.staffClient.post(`/events/${w.eventId}/walk-ins/${made}/place`, {
      counterpart_id: w.buyerPid,
      slot_id: w.slots[1]!.id,
      table_id: w.tables[0]!.id,
    });
    expect(res.status).toBe(303);
    expect(await meetingsAt(w.slots[1]!.id)).toHaveLength(1);
  });

  it('refuses to double-book the buyer in that slot (409) and changes nothing', async () => {
    const other = await walkIn({
      name: 'Wayan',
      organization_name: 'UD Besi Bali',
      kind: 'supplier',
      whatsapp: '081299998888',
    });
    const res = await w.staffClient.post(`/events/${w.eventId}/walk-ins/${pidFrom(other)}/place`, {
      counterpart_id: w.buyerPid,
      slot_id: w.slots[1]!.id,
      table_id: w.tables[1]!.id,
    });
    expect(res.status).toBe(409);
    expect(await meetingsAt(w.slots[1]!.id)).toHaveLength(1);
  });

  it('refuses non-staff', async () => {
    expect((await w.buyerClient.get(`/events/${w.eventId}/walk-ins`)).status).toBe(403);
    const res = await w.buyerClient.post(`/events/${w.eventId}/walk-ins`, {
      name: 'Iseng',
      organization_name: 'CV Iseng',
      kind: 'supplier',
      whatsapp: '081200001111',
    });
    expect(res.status).toBe(403);
  });
});

describe('no-show refill', () => {
  let komang: string;
  let waitingRequest: string;

  it("lists the present party's waiting requests and free walk-ins once the meeting is a no-show", async () => {
    const k = await walkIn({
      name: 'Komang',
      organization_name: 'CV Cor Bali',
      kind: 'supplier',
      whatsapp: '081377776666',
    });
    komang = pidFrom(k);
    const budi = await makeOrgUser(t, 'CV Budi Teknik', 'supplier', 'Budi');
    const b = await register(t, w.staff.token, w.eventId, { organization_id: budi.orgId!, name: 'Budi' });
    const r = await expectJson<{ id: string }>(
      await request(t, w.staff.token, w.eventId, { from: w.buyerPid, to: b.id, priority: 3 }),
      201,
    );
    await expectJson(
      await api(t.app, 'POST', `/api/v1/requests/${r.id}/accept`, { token: w.staff.token, body: {} }),
      200,
    );
    waitingRequest = r.id;

    now = minutes(SLOT0, 2);
    const early = await w.staffClient.get(`/events/${w.eventId}/meetings/${w.meetingId}/refill`);
    expect(early.status).toBe(409);
    const marked = await w.staffClient.post(`/events/${w.eventId}/tables/${w.tables[0]!.id}/check-in`, {
      meeting_id: w.meetingId,
      attendance: 'no_show_b',
    });
    expect(marked.status).toBe(303);
    const table = await (
      await w.staffClient.get(`/events/${w.eventId}/tables/${w.tables[0]!.id}/check-in`)
    ).text();
    expect(table).toContain(`/meetings/${w.meetingId}/refill`);
    const page = await (
      await w.staffClient.get(`/events/${w.eventId}/meetings/${w.meetingId}/refill`)
    ).text();
    expect(page).toContain('Hendra hadir');
    expect(page).toContain(`name="request_id" value="${waitingRequest}"`);
    expect(page).toContain(`name="participant_id" value="${komang}"`);
    // Made already meets Hendra at 09.20 but is free now; still a candidate. Hendra himself is not.
    expect(page).not.toContain(`value="${w.buyerPid}"`);
  });

  it('fills the freed table-slot with one tap; a simultaneous second tap gets 409', async () => {
    const url = `/events/${w.eventId}/meetings/${w.meetingId}/refill`;
    const [x, y] = await Promise.all([
      w.staffClient.post(url, { participant_id: komang }),
      w.staffClient.post(url, { request_id: waitingRequest }),
    ]);
    expect([x.status, y.status].sort()).toEqual([303, 409]);
    const seated = await t.db.sql<{ aId: string; bId: string; tableId: string }[]>`
      select r.from_participant_id as a_id, r.to_participant_id as b_id, m.table_id from meetings m
      join meeting_requests r on r.id = m.request_id
      where m.slot_id = ${w.slots[0]!.id} and m.status = 'scheduled'`;
    expect(seated).toHaveLength(1);
    expect(seated[0]!.tableId).toBe(w.tables[0]!.id);
    const ids = [seated[0]!.aId, seated[0]!.bId];
    expect(ids).toContain(w.buyerPid);
    const [old] = await t.db.sql<{ status: string; attendance: string }[]>`
      select status, attendance from meetings where id = ${w.meetingId}`;
    expect(old).toEqual({ status: 'cancelled', attendance: 'no_show_b' });
  });
});
