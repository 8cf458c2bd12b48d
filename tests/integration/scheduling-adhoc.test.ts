import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';

let t: TestApp;
type U = Awaited<ReturnType<typeof makeUser>>;
let buyer: U;
let supplier: U;
let third: U;
let stranger: U;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-11-20T02:00:00Z') });
  buyer = await makeUser(t.db.sql, { name: 'Hendra', org: { name: 'PT Otoparts', kind: 'buyer' } });
  supplier = await makeUser(t.db.sql, { name: 'Asep', org: { name: 'CV Bubut', kind: 'supplier' } });
  third = await makeUser(t.db.sql, { name: 'Rina', org: { name: 'CV Cor Logam', kind: 'supplier' } });
  stranger = await makeUser(t.db.sql, { name: 'Budi', org: { name: 'CV Asing', kind: 'supplier' } });
});
afterAll(() => t.close());

async function loggedIn(u: U): Promise<TestClient> {
  const c = t.client();
  await c.login(u.email, u.password);
  return c;
}

const proposal = (from: U, to: U, start: string, extra: Record<string, string> = {}) => ({
  from_org: from.orgId!,
  to_org: to.orgId!,
  date: '2026-12-05',
  start,
  minutes: '60',
  timezone: 'Asia/Jakarta',
  place: 'Kantor PT Otoparts, Subang',
  online_url: '',
  message: '',
  ...extra,
});

async function latestMeeting(): Promise<string> {
  const [row] = await t.db.sql<{ id: string }[]>`
    select id from meetings where kind = 'adhoc' order by created_at desc, id limit 1`;
  return row!.id;
}

describe('ad-hoc meetings', () => {
  it('needs a place or an online link, and a time in the future', async () => {
    const b = await loggedIn(buyer);
    const noPlace = await b.post('/meetings', proposal(buyer, supplier, '10:00', { place: '' }));
    expect(noPlace.status).toBe(422);
    expect(await noPlace.text()).toContain('Isi tempat atau tautan daring.');
    const past = await b.post('/meetings', proposal(buyer, supplier, '10:00', { date: '2026-11-01' }));
    expect(past.status).toBe(422);
  });

  it('is proposed by one side and accepted by the other, which then holds both people', async () => {
    const b = await loggedIn(buyer);
    expect((await b.post('/meetings', proposal(buyer, supplier, '10:00'))).status).toBe(303);
    const id = await latestMeeting();
    expect((await b.post(`/meetings/${id}/accept`)).status).toBe(403);
    const s = await loggedIn(supplier);
    expect(await (await s.get('/meetings')).text()).toContain('Kantor PT Otoparts, Subang');
    expect((await s.post(`/meetings/${id}/accept`)).status).toBe(303);
    const rows = await t.db.sql<{ userId: string }[]>`
      select user_id from meeting_attendees where meeting_id = ${id} order by side`;
    expect(rows.map((r) => r.userId)).toEqual([buyer.user.id, supplier.user.id]);
  });

  it('refuses, by exclusion constraint, a second meeting that overlaps the same person (409)', async () => {
    const third_ = await loggedIn(third);
    // 10:30–11:30 WIB overlaps Hendra's 10:00–11:00.
    expect((await third_.post('/meetings', proposal(third, buyer, '10:30'))).status).toBe(303);
    const id = await latestMeeting();
    const b = await loggedIn(buyer);
    const res = await b.post(`/meetings/${id}/accept`);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('Salah satu peserta sudah punya pertemuan lain pada jam tersebut.');
    const [m] = await t.db.sql<{ status: string }[]>`select status from meetings where id = ${id}`;
    expect(m!.status).toBe('proposed');
  });

  it('accepts a back-to-back meeting that only touches the other one', async () => {
    const third_ = await loggedIn(third);
    expect((await third_.post('/meetings', proposal(third, buyer, '11:00'))).status).toBe(303);
    const id = await latestMeeting();
    expect((await (await loggedIn(buyer)).post(`/meetings/${id}/accept`)).status).toBe(303);
  });

  it('frees the time when a meeting is cancelled', async () => {
    // Meetings pair a buyer with a supplier, so the clash comes from a second buyer.
    const buyer2 = await makeUser(t.db.sql, { name: 'Wati', org: { name: 'PT Dua', kind: 'buyer' } });
    await (await loggedIn(buyer2)).post('/meetings', proposal(buyer2, supplier, '09:30'));
    const clash = await latestMeeting();
    const [first] = await t.db.sql<{ id: string }[]>`
      select id from meetings where kind = 'adhoc' and status = 'scheduled' and counterpart_user_id = ${supplier.user.id}`;
    const s = await loggedIn(supplier);
    expect((await s.post(`/meetings/${clash}/accept`)).status).toBe(409);
    expect((await s.post(`/meetings/${first!.id}/cancel`)).status).toBe(303);
    expect((await s.post(`/meetings/${clash}/accept`)).status).toBe(303);
  });

  it('hides meetings from organisations that are not a party (404)', async () => {
    const id = await latestMeeting();
    const x = await loggedIn(stranger);
    expect((await x.post(`/meetings/${id}/cancel`)).status).toBe(404);
    expect(await (await x.get('/meetings')).text()).not.toContain('Kantor PT Otoparts');
  });
});
