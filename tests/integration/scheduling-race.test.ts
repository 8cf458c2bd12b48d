import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type TestApp } from '../helpers/app.js';
import { makeUserWithToken } from '../helpers/factories.js';
import { acceptedPair, createEvent, expectJson, type Member, makeFacilitator } from './events-fixtures.js';

let t: TestApp;
let staff: Member;
const orgs: { buyer: string; supplier: string }[] = [];

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-11-20T02:00:00Z') });
  staff = await makeFacilitator(t);
  for (let i = 0; i < 60; i++) {
    const b = await makeUserWithToken(t.db.sql, { org: { name: `PT Pembeli ${i}`, kind: 'buyer' } });
    const s = await makeUserWithToken(t.db.sql, { org: { name: `CV Pemasok ${i}`, kind: 'supplier' } });
    orgs.push({ buyer: b.orgId!, supplier: s.orgId! });
  }
});
afterAll(() => t.close());

const place = (token: string, eventId: string, body: Record<string, unknown>) =>
  api(t.app, 'POST', `/api/v1/events/${eventId}/meetings`, { token, body });

describe('double-booking under concurrency', () => {
  it('lets exactly one of 60 concurrent placements into the same table and slot win; the rest get 409', async () => {
    const { event, slots } = await createEvent(t, staff.token, { tables: 2 });
    const requests = await Promise.all(orgs.map((o) => acceptedPair(t, staff.token, event.id, o)));
    const target = { slot_id: slots[0]!.id, table_id: event.tables[0]!.id };
    const responses = await Promise.all(
      requests.map((r) => place(staff.token, event.id, { request_id: r.requestId, ...target })),
    );
    const wins = responses.filter((r) => r.status === 201);
    const losses = responses.filter((r) => r.status === 409);
    expect(wins).toHaveLength(1);
    expect(losses).toHaveLength(requests.length - 1);
    const reasons = new Set(
      await Promise.all(
        losses.map(async (r) => ((await r.json()) as { error: { message: string } }).error.message),
      ),
    );
    expect([...reasons]).toEqual(['Meja ini sudah terpakai pada slot tersebut.']);
    const [{ n }] = (await t.db.sql`
      select count(*)::int as n from meetings where event_id = ${event.id} and status = 'scheduled'`) as unknown as [
      { n: number },
    ];
    expect(n).toBe(1);
  });

  it('lets exactly one of 50 concurrent placements of the same participant into one slot win, on any table', async () => {
    const { event, slots } = await createEvent(t, staff.token, { tables: 50 });
    const hub = await makeUserWithToken(t.db.sql, { org: { name: 'PT Pusat', kind: 'buyer' } });
    const hubParticipant = await expectJson<{ id: string }>(
      await api(t.app, 'POST', `/api/v1/events/${event.id}/participants`, {
        token: staff.token,
        body: { organization_id: hub.orgId, name: 'Pusat' },
      }),
      201,
    );
    const requestIds: string[] = [];
    for (const o of orgs.slice(0, 50)) {
      const s = await expectJson<{ id: string }>(
        await api(t.app, 'POST', `/api/v1/events/${event.id}/participants`, {
          token: staff.token,
          body: { organization_id: o.supplier, name: `Wakil ${o.supplier.slice(0, 6)}` },
        }),
        201,
      );
      const r = await expectJson<{ id: string }>(
        await api(t.app, 'POST', `/api/v1/events/${event.id}/requests`, {
          token: staff.token,
          body: { from: hubParticipant.id, to: s.id, priority: 2 },
        }),
        201,
      );
      await expectJson(
        await api(t.app, 'POST', `/api/v1/requests/${r.id}/accept`, { token: staff.token, body: {} }),
        200,
      );
      requestIds.push(r.id);
    }
    const responses = await Promise.all(
      requestIds.map((id, i) =>
        place(staff.token, event.id, {
          request_id: id,
          slot_id: slots[1]!.id,
          table_id: event.tables[i]!.id,
        }),
      ),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    const losses = responses.filter((r) => r.status === 409);
    expect(losses).toHaveLength(49);
    const body = (await losses[0]!.json()) as { error: { message: string } };
    expect(body.error.message).toBe('Salah satu peserta sudah punya pertemuan pada slot tersebut.');
  });

  it('refuses a placement in a slot a participant marked unavailable, and a request placed twice', async () => {
    const { event, slots } = await createEvent(t, staff.token);
    const r = await acceptedPair(t, staff.token, event.id, orgs[0]!);
    await t.db.sql`insert into event_unavailability (event_id, participant_id, slot_id)
      values (${event.id}, ${r.a}, ${slots[0]!.id})`;
    const blocked = await place(staff.token, event.id, {
      request_id: r.requestId,
      slot_id: slots[0]!.id,
      table_id: event.tables[0]!.id,
    });
    expect(blocked.status).toBe(409);
    await expectJson(
      await place(staff.token, event.id, {
        request_id: r.requestId,
        slot_id: slots[1]!.id,
        table_id: event.tables[0]!.id,
      }),
      201,
    );
    const twice = await place(staff.token, event.id, {
      request_id: r.requestId,
      slot_id: slots[2]!.id,
      table_id: event.tables[1]!.id,
    });
    const body = await expectJson<{ error: { message: string } }>(twice, 409);
    expect(body.error.message).toBe('Permintaan ini sudah terjadwal.');
  });

  it('keeps the database itself from double-booking, even for a raw insert that skips the service', async () => {
    const { event, slots } = await createEvent(t, staff.token);
    const r1 = await acceptedPair(t, staff.token, event.id, orgs[1]!);
    const r2 = await acceptedPair(t, staff.token, event.id, orgs[2]!);
    const insert = (requestId: string, table: string) => t.db.sql`
      insert into meetings (kind, event_id, request_id, slot_id, table_id, status, starts_at, ends_at, timezone)
      values ('event', ${event.id}, ${requestId}, ${slots[0]!.id}, ${table}, 'scheduled',
        ${slots[0]!.starts_at}, ${slots[0]!.ends_at}, 'Asia/Makassar')`;
    await insert(r1.requestId, event.tables[0]!.id);
    await expect(insert(r2.requestId, event.tables[0]!.id)).rejects.toMatchObject({ code: '23505' });
  });
});
