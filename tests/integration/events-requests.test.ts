import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type TestApp } from '../helpers/app.js';
import { makeUserWithToken } from '../helpers/factories.js';
import {
  createEvent,
  expectJson,
  type Member,
  makeFacilitator,
  makeOrgUser,
  register,
  request,
} from './events-fixtures.js';

let t: TestApp;
let now = new Date('2026-11-20T02:00:00Z');
let staff: Member;
let buyer: Member;
let supplier: Member;

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  staff = await makeFacilitator(t);
  buyer = await makeOrgUser(t, 'PT Otoparts Smartpolitan', 'buyer', 'Hendra');
  supplier = await makeOrgUser(t, 'CV Bubut Jaya', 'supplier', 'Asep');
});
afterAll(() => t.close());

interface RequestJson {
  id: string;
  status: string;
  priority: number;
  mutual: boolean;
  merged: boolean;
  message: string;
}

describe('meeting requests', () => {
  it('merges mutual requests into one accepted request with the higher priority', async () => {
    const { event } = await createEvent(t, staff.token);
    const a = await register(t, staff.token, event.id, { organization_id: buyer.orgId!, name: 'Hendra' });
    const b = await register(t, staff.token, event.id, { organization_id: supplier.orgId!, name: 'Asep' });
    const first = await expectJson<RequestJson>(
      await request(t, buyer.token, event.id, { from: a.id, to: b.id, priority: 1, message: 'Poros baja' }),
      201,
    );
    const second = await expectJson<RequestJson>(
      await request(t, supplier.token, event.id, { from: b.id, to: a.id, priority: 3, message: 'Kami siap' }),
      200,
    );
    expect(second).toMatchObject({
      id: first.id,
      status: 'accepted',
      priority: 3,
      mutual: true,
      merged: true,
    });
    expect(second.message).toBe('Poros baja\n\nKami siap');
  });

  it('merges simultaneous mutual requests race-free: one request, accepted, whatever the order', async () => {
    const { event } = await createEvent(t, staff.token);
    const pairs = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => ({
        a: await register(t, staff.token, event.id, { organization_id: buyer.orgId!, name: `Pembeli ${i}` }),
        b: await register(t, staff.token, event.id, { organization_id: supplier.orgId!, name: `IKM ${i}` }),
      })),
    );
    const responses = await Promise.all(
      pairs.flatMap(({ a, b }) => [
        request(t, buyer.token, event.id, { from: a.id, to: b.id, priority: 2 }),
        request(t, supplier.token, event.id, { from: b.id, to: a.id, priority: 3 }),
      ]),
    );
    const statuses = responses.map((r) => r.status).toSorted();
    expect(statuses).toEqual([...Array(10).fill(200), ...Array(10).fill(201)]);
    const rows = await t.db.sql<{ status: string; priority: number; mutual: boolean }[]>`
      select status, priority, mutual from meeting_requests where event_id = ${event.id}`;
    expect(rows).toHaveLength(10);
    expect(rows.every((r) => r.status === 'accepted' && r.priority === 3 && r.mutual)).toBe(true);
  });

  it('refuses a second request in the same direction (409)', async () => {
    const { event } = await createEvent(t, staff.token);
    const a = await register(t, staff.token, event.id, { organization_id: buyer.orgId!, name: 'Hendra' });
    const b = await register(t, staff.token, event.id, { organization_id: supplier.orgId!, name: 'Asep' });
    await expectJson(await request(t, buyer.token, event.id, { from: a.id, to: b.id, priority: 2 }), 201);
    const again = await request(t, buyer.token, event.id, { from: a.id, to: b.id, priority: 3 });
    const body = await expectJson<{ error: { message: string } }>(again, 409);
    expect(body.error.message).toBe('Permintaan pertemuan dengan peserta ini sudah ada.');
  });

  it('enforces the quota exactly under concurrent requests from one participant', async () => {
    const { event } = await createEvent(t, staff.token, { request_quota: 3 });
    const a = await register(t, staff.token, event.id, { organization_id: buyer.orgId!, name: 'Hendra' });
    const targets = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const org = await makeUserWithToken(t.db.sql, { org: { name: `CV Target ${i}`, kind: 'supplier' } });
        return register(t, staff.token, event.id, { organization_id: org.orgId!, name: `IKM ${i}` });
      }),
    );
    const responses = await Promise.all(
      targets.map((b) => request(t, buyer.token, event.id, { from: a.id, to: b.id, priority: 1 })),
    );
    const created = responses.filter((r) => r.status === 201);
    const refused = responses.filter((r) => r.status === 409);
    expect(created).toHaveLength(3);
    expect(refused).toHaveLength(9);
    const body = (await refused[0]!.json()) as { error: { message: string } };
    expect(body.error.message).toBe('Kuota permintaan pertemuan peserta ini sudah habis.');
  });

  it('frees quota when a request is declined, and lets facilitators exceed it on behalf of anyone', async () => {
    const { event } = await createEvent(t, staff.token, { request_quota: 1 });
    const a = await register(t, staff.token, event.id, { organization_id: buyer.orgId!, name: 'Hendra' });
    const b = await register(t, staff.token, event.id, { organization_id: supplier.orgId!, name: 'Asep' });
    const other = await makeUserWithToken(t.db.sql, { org: { name: 'CV Kedua', kind: 'supplier' } });
    const c = await register(t, staff.token, event.id, { organization_id: other.orgId!, name: 'Dedi' });
    const r1 = await expectJson<RequestJson>(
      await request(t, buyer.token, event.id, { from: a.id, to: b.id, priority: 2 }),
      201,
    );
    expect((await request(t, buyer.token, event.id, { from: a.id, to: c.id, priority: 2 })).status).toBe(409);
    await expectJson(
      await api(t.app, 'POST', `/api/v1/requests/${r1.id}/decline`, { token: supplier.token, body: {} }),
      200,
    );
    await expectJson(await request(t, buyer.token, event.id, { from: a.id, to: c.id, priority: 2 }), 201);
    const third = await makeUserWithToken(t.db.sql, { org: { name: 'CV Ketiga', kind: 'supplier' } });
    const d = await register(t, staff.token, event.id, { organization_id: third.orgId!, name: 'Eko' });
    await expectJson(await request(t, staff.token, event.id, { from: a.id, to: d.id, priority: 3 }), 201);
  });

  it('lets pending requests expire at the deadline: shown as expired, no longer answerable', async () => {
    now = new Date('2026-11-20T02:00:00Z');
    const { event } = await createEvent(t, staff.token, { request_deadline: '2026-11-25T10:00:00+08:00' });
    const a = await register(t, staff.token, event.id, { organization_id: buyer.orgId!, name: 'Hendra' });
    const b = await register(t, staff.token, event.id, { organization_id: supplier.orgId!, name: 'Asep' });
    const r = await expectJson<RequestJson>(
      await request(t, buyer.token, event.id, { from: a.id, to: b.id, priority: 2 }),
      201,
    );
    expect(r.status).toBe('pending');
    now = new Date('2026-11-25T02:00:00Z'); // exactly 10:00 WITA
    try {
      const late = await api(t.app, 'POST', `/api/v1/requests/${r.id}/accept`, {
        token: supplier.token,
        body: {},
      });
      const body = await expectJson<{ error: { message: string } }>(late, 409);
      expect(body.error.message).toBe('Permintaan ini sudah kedaluwarsa.');
      const fresh = await request(t, supplier.token, event.id, { from: b.id, to: a.id, priority: 1 });
      expect(fresh.status).toBe(409);
      const [row] = await t.db.sql<
        { status: string }[]
      >`select status from meeting_requests where id = ${r.id}`;
      expect(row!.status).toBe('pending');
      const byStaff = await expectJson<RequestJson>(
        await api(t.app, 'POST', `/api/v1/requests/${r.id}/accept`, { token: staff.token, body: {} }),
        200,
      );
      expect(byStaff.status).toBe('accepted');
    } finally {
      now = new Date('2026-11-20T02:00:00Z');
    }
  });

  it('does not let a participant meet its own organisation', async () => {
    const { event } = await createEvent(t, staff.token);
    const a = await register(t, staff.token, event.id, { organization_id: buyer.orgId!, name: 'Hendra' });
    const a2 = await register(t, staff.token, event.id, { organization_id: buyer.orgId!, name: 'Rina' });
    expect((await request(t, buyer.token, event.id, { from: a.id, to: a2.id, priority: 2 })).status).toBe(
      422,
    );
  });
});
