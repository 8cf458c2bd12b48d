import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';

let t: TestApp;
type U = Awaited<ReturnType<typeof makeUser>>;
let staff: U;
let buyer: U;
let supplier: U;
let other: U;
let NOW = new Date('2026-11-20T02:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  staff = await makeUser(t.db.sql, {
    name: 'Baiq Nurul',
    platformRole: 'facilitator',
    org: { name: 'Disperin NTB', kind: 'facilitator' },
  });
  buyer = await makeUser(t.db.sql, {
    name: 'Hendra Wijaya',
    org: { name: 'PT Smelter Tembaga', kind: 'buyer' },
  });
  supplier = await makeUser(t.db.sql, {
    name: 'Asep Saepudin',
    org: { name: 'CV Sinar Logam', kind: 'supplier' },
  });
  other = await makeUser(t.db.sql, { name: 'Dedi', org: { name: 'CV Lain', kind: 'supplier' } });
});
afterAll(() => t.close());

async function loggedIn(u: U): Promise<TestClient> {
  const c = t.client();
  await c.login(u.email, u.password);
  return c;
}

const EVENT_FORM = {
  name: 'Temu Usaha Sumbawa Barat',
  venue: 'Graha Fitrah, Taliwang',
  timezone: 'Asia/Makassar',
  organizer_id: '',
  estate_id: '',
  'days.0.date': '2026-12-01',
  'days.0.windows': '09.00-10.00',
  'days.1.date': '',
  'days.1.windows': '',
  slot_minutes: '20',
  break_minutes: '0',
  tables: 'Meja A\nMeja B',
  registration_opens_at: '',
  registration_closes_at: '',
  request_deadline: '2026-11-30T17:00',
  request_quota: '5',
};

const idFrom = (location: string | null, re: RegExp) => {
  const m = re.exec(location ?? '');
  if (!m) throw new Error(`no id in ${location}`);
  return m[1]!;
};

describe('event pages', () => {
  let eventId: string;
  let buyerPid: string;
  let supplierPid: string;
  let requestId: string;
  let meetingId: string;

  it('re-renders the event form with field errors and typed values when windows overlap (422)', async () => {
    const c = await loggedIn(staff);
    const res = await c.post('/events/new', { ...EVENT_FORM, 'days.0.windows': '09.00-11.00, 10.00-12.00' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Sesi pada hari yang sama tidak boleh tumpang tindih.');
    expect(html).toContain('value="09.00-11.00, 10.00-12.00"');
    expect(html).toContain('for="f-days.0.windows"');
  });

  it('lets a facilitator create an event from the form and shows it in the event zone', async () => {
    const c = await loggedIn(staff);
    const res = await c.post('/events/new', EVENT_FORM);
    expect(res.status).toBe(303);
    eventId = idFrom(res.headers.get('location'), /^\/events\/([0-9a-f-]{36})$/);
    const html = await (await c.get(`/events/${eventId}`)).text();
    expect(html).toContain('Temu Usaha Sumbawa Barat');
    expect(html).toContain('09.00 WITA');
    expect(html).toContain('3 slot × 2 meja, 20 menit per slot');
    const [row] = await t.db.sql<
      { requestDeadline: Date }[]
    >`select request_deadline from events where id = ${eventId}`;
    expect(row!.requestDeadline.toISOString()).toBe('2026-11-30T09:00:00.000Z');
  });

  it('adds a day row without saving and keeps what was typed', async () => {
    const c = await loggedIn(staff);
    const res = await c.post('/events/new', {
      ...EVENT_FORM,
      name: 'Belum disimpan',
      rows: '3',
      add_day: '1',
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('value="Belum disimpan"');
    expect(html).toContain('name="days.3.date"');
    const [{ n }] = (await t.db
      .sql`select count(*)::int as n from events where name = 'Belum disimpan'`) as unknown as [
      { n: number },
    ];
    expect(n).toBe(0);
  });

  it('refuses the event form to non-facilitators', async () => {
    const c = await loggedIn(buyer);
    expect((await c.get('/events/new')).status).toBe(403);
  });

  it('lets members register their own representatives, pending approval by a facilitator', async () => {
    const b = await loggedIn(buyer);
    const res = await b.post(`/events/${eventId}/register`, {
      organization_id: buyer.orgId!,
      name: 'Hendra Wijaya',
      represent_self: 'on',
    });
    expect(res.status).toBe(303);
    buyerPid = idFrom(res.headers.get('location'), /participants\/([0-9a-f-]{36})$/);
    const s = await loggedIn(supplier);
    const res2 = await s.post(`/events/${eventId}/register`, {
      organization_id: supplier.orgId!,
      name: 'Asep',
    });
    supplierPid = idFrom(res2.headers.get('location'), /participants\/([0-9a-f-]{36})$/);
    const f = await loggedIn(staff);
    const list = await (await f.get(`/events/${eventId}/participants?status=pending`)).text();
    expect(list).toContain('Menunggu persetujuan');
    for (const pid of [buyerPid, supplierPid])
      expect((await f.post(`/events/${eventId}/participants/${pid}/approve`)).status).toBe(303);
  });

  it('filters the catalogue by kind and name, and hides pending participants from members', async () => {
    const c = await loggedIn(buyer);
    const suppliers = await (await c.get(`/events/${eventId}/participants?kind=supplier`)).text();
    expect(suppliers).toContain('CV Sinar Logam');
    expect(suppliers).not.toContain('PT Smelter Tembaga</td>');
    const named = await (await c.get(`/events/${eventId}/participants?q=sinar`)).text();
    expect(named).toContain('1 peserta');
  });

  it('sends a request from the form, and the other side accepts it from its page', async () => {
    const b = await loggedIn(buyer);
    const res = await b.post(`/events/${eventId}/requests`, {
      from: buyerPid,
      to: supplierPid,
      priority: '3',
      message: 'Kami butuh poros baja',
    });
    expect(res.status).toBe(303);
    const s = await loggedIn(supplier);
    const page = await (await s.get(`/events/${eventId}/participants/${supplierPid}`)).text();
    expect(page).toContain('Kami butuh poros baja');
    requestId = /\/requests\/([0-9a-f-]{36})\/accept/.exec(page)![1]!;
    expect((await s.post(`/events/${eventId}/requests/${requestId}/accept`)).status).toBe(303);
  });

  it("hides a participant's page and agenda from other organisations (404)", async () => {
    const o = await loggedIn(other);
    expect((await o.get(`/events/${eventId}/participants/${buyerPid}`)).status).toBe(404);
    expect((await o.get(`/events/${eventId}/participants/${buyerPid}/agenda`)).status).toBe(404);
    expect((await o.get(`/events/${eventId}/participants/${buyerPid}/agenda.ics`)).status).toBe(404);
  });

  it('runs the scheduler to a preview and publishes it from the form', async () => {
    const f = await loggedIn(staff);
    const run = await f.post(`/events/${eventId}/schedule/run`);
    expect(run.status).toBe(303);
    const preview = await f.get(run.headers.get('location')!);
    const html = await preview.text();
    expect(html).toContain('Baru (1)');
    expect(html).toContain('1 terjadwal, 0 tidak muat, total prioritas 3');
    const publish = /action="([^"]+\/publish)"/.exec(html)![1]!;
    expect((await f.post(publish)).status).toBe(303);
    const [m] = await t.db.sql<{ id: string }[]>`select id from meetings where request_id = ${requestId}`;
    meetingId = m!.id;
  });

  it('shows the grid only to facilitators', async () => {
    const b = await loggedIn(buyer);
    expect((await b.get(`/events/${eventId}/grid`)).status).toBe(403);
    expect((await b.post(`/events/${eventId}/grid/lock`, { meeting_id: meetingId })).status).toBe(403);
  });

  it('moves a meeting with htmx and answers with the grid fragment only', async () => {
    const f = await loggedIn(staff);
    const grid = await (await f.get(`/events/${eventId}/grid?select=${meetingId}`)).text();
    expect(grid).toContain('id="schedule-grid"');
    const forms = [...grid.matchAll(/<form method="post" action="[^"]*\/grid\/move"[\s\S]*?<\/form>/g)].map(
      (m) => m[0],
    );
    expect(forms.length).toBeGreaterThan(0);
    const [slotId, tableId] = ['slot_id', 'table_id'].map(
      (n) => new RegExp(`name="${n}" value="([^"]+)"`).exec(forms.at(-1)!)![1]!,
    );
    const res = await f.post(
      `/events/${eventId}/grid/move`,
      { meeting_id: meetingId, slot_id: slotId!, table_id: tableId! },
      { 'hx-request': 'true' },
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('<html');
    expect(html).toContain('id="schedule-grid"');
    expect(html).toContain('Jadwal diperbarui.');
    const [m] = await t.db.sql<{ slotId: string; tableId: string; sequence: number }[]>`
      select slot_id, table_id, sequence from meetings where id = ${meetingId}`;
    expect(m).toMatchObject({ slotId, tableId, sequence: 1 });
  });

  it('explains a refused move: 409 page without JavaScript, 422 grid fragment with htmx', async () => {
    const f = await loggedIn(staff);
    const [slot] = await t.db.sql<{ id: string }[]>`
      select id from event_slots where event_id = ${eventId} order by position limit 1`;
    await t.db.sql`insert into event_unavailability (event_id, participant_id, slot_id)
      values (${eventId}, ${supplierPid}, ${slot!.id})`;
    const [table] = await t.db.sql<
      { id: string }[]
    >`select id from event_tables where event_id = ${eventId} limit 1`;
    const body = { meeting_id: meetingId, slot_id: slot!.id, table_id: table!.id };
    const plain = await f.post(`/events/${eventId}/grid/move`, body);
    expect(plain.status).toBe(409);
    expect(await plain.text()).toContain('Salah satu peserta menandai slot ini tidak tersedia.');
    const hx = await f.post(`/events/${eventId}/grid/move`, body, { 'hx-request': 'true' });
    expect(hx.status).toBe(422);
    expect(await hx.text()).toContain('role="alert"');
  });

  it('locks and unlocks a meeting from the grid without JavaScript', async () => {
    const f = await loggedIn(staff);
    const res = await f.post(`/events/${eventId}/grid/lock`, { meeting_id: meetingId });
    expect(res.status).toBe(303);
    const [m] = await t.db.sql<{ locked: boolean }[]>`select locked from meetings where id = ${meetingId}`;
    expect(m!.locked).toBe(true);
    expect((await f.post(`/events/${eventId}/grid/unlock`, { meeting_id: meetingId })).status).toBe(303);
  });

  it("shows the participant's own printable agenda", async () => {
    const b = await loggedIn(buyer);
    const res = await b.get(`/events/${eventId}/participants/${buyerPid}/agenda`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Agenda Hendra Wijaya (PT Smelter Tembaga)');
    expect(html).toContain('CV Sinar Logam');
    expect(html).toMatch(/WITA/);
  });

  it('records attendance from the check-in page', async () => {
    const f = await loggedIn(staff);
    const [m] = await t.db.sql<{ tableId: string }[]>`select table_id from meetings where id = ${meetingId}`;
    const page = await f.get(`/events/${eventId}/tables/${m!.tableId}/check-in`);
    expect(await page.text()).toContain('Asep tidak hadir');
    const body = { meeting_id: meetingId, attendance: 'no_show_b' };
    const early = await f.post(`/events/${eventId}/tables/${m!.tableId}/check-in`, body);
    expect(early.status).toBe(409);
    expect(await early.text()).toContain('Check-in belum dibuka');
    const before = NOW;
    const [placed] = await t.db.sql<
      { startsAt: Date }[]
    >`select starts_at from meetings where id = ${meetingId}`;
    NOW = placed!.startsAt;
    const res = await f.post(`/events/${eventId}/tables/${m!.tableId}/check-in`, body).finally(() => {
      NOW = before;
    });
    expect(res.status).toBe(303);
    const [after] = await t.db.sql<
      { attendance: string }[]
    >`select attendance from meetings where id = ${meetingId}`;
    expect(after!.attendance).toBe('no_show_b');
  });

  it('edits an event, but refuses to change its rundown while meetings are scheduled (409)', async () => {
    const f = await loggedIn(staff);
    const form = await (await f.get(`/events/${eventId}/edit`)).text();
    expect(form).toContain('value="09:00-10:00"');
    expect(form).toContain('value="2026-11-30T17:00"');
    const renamed = await f.post(`/events/${eventId}/edit`, {
      ...EVENT_FORM,
      name: 'Temu Usaha Sumbawa Barat 2026',
    });
    expect(renamed.status).toBe(303);
    const moved = await f.post(`/events/${eventId}/edit`, { ...EVENT_FORM, 'days.0.windows': '13.00-14.00' });
    expect(moved.status).toBe(409);
    expect(await moved.text()).toContain('tidak bisa diubah selama masih ada pertemuan terjadwal');
  });

  it('exports the schedule as CSV and XLSX in the event zone', async () => {
    const f = await loggedIn(staff);
    const csv = await f.get(`/events/${eventId}/export.csv`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await csv.text();
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Tanggal,Mulai,Selesai,Zona,Meja,Organisasi A,Perwakilan A,Organisasi B,Perwakilan B,Prioritas,Terkunci,Kehadiran',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      /^2026-12-01,\d\d:\d\d,\d\d:\d\d,WITA,Meja [AB],PT Smelter Tembaga,Hendra Wijaya,CV Sinar Logam,Asep,Wajib bertemu,/,
    );
    const xlsx = await f.get(`/events/${eventId}/export.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).getCell(6).value).toBe('PT Smelter Tembaga');
  });
});
