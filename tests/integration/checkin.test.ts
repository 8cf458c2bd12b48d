import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetUrl } from '../../src/http/assets.js';
import { api, createTestApp, type TestApp } from '../helpers/app.js';
import { buildDay, type DayWorld, makeOutsider, minutes, SLOT0 } from './checkin-fixtures.js';
import { expectJson } from './events-fixtures.js';

let t: TestApp;
let now = new Date('2026-11-20T02:00:00Z');
let w: DayWorld;

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  w = await buildDay(t);
});
afterAll(() => t.close());

async function credentials(pid: string) {
  const [row] = await t.db.sql<{ checkinToken: string; checkinCode: string }[]>`
    select checkin_token, checkin_code from event_participants where id = ${pid}`;
  return row!;
}

async function checkIns(meetingId: string) {
  return t.db.sql<{ participantId: string; method: string; checkedInAt: Date; checkedInBy: string }[]>`
    select participant_id, method, checked_in_at, checked_in_by from meeting_checkins where meeting_id = ${meetingId}`;
}

describe('check-in window (WITA event)', () => {
  it('refuses the table check-in 16 minutes before the start with 409 checkin_window, in the page and the API', async () => {
    now = minutes(SLOT0, -16);
    const page = await w.staffClient.post(`/events/${w.eventId}/tables/${w.tables[0]!.id}/check-in`, {
      meeting_id: w.meetingId,
      attendance: 'held',
    });
    expect(page.status).toBe(409);
    expect(await page.text()).toContain('Check-in belum dibuka. Check-in dibuka 08.45 WITA');
    const res = await api(t.app, 'PATCH', `/api/v1/meetings/${w.meetingId}`, {
      token: w.staff.token,
      body: { attendance: 'held' },
      headers: { 'accept-language': 'en' },
    });
    const body = await expectJson<{ error: { code: string; message: string } }>(res, 409);
    expect(body.error.code).toBe('checkin_window');
    expect(body.error.message).toMatch(/Check-in (belum dibuka|is not open yet)/);
  });

  it('explains the refusal in English for an English reader', async () => {
    now = minutes(SLOT0, -16);
    await w.staffClient.post('/lang', { lang: 'en' });
    const page = await w.staffClient.post(`/events/${w.eventId}/tables/${w.tables[0]!.id}/check-in`, {
      meeting_id: w.meetingId,
      attendance: 'held',
    });
    expect(page.status).toBe(409);
    expect(await page.text()).toContain('Check-in is not open yet. It opens at 08.45 WITA');
    await w.staffClient.post('/lang', { lang: 'id' });
  });

  it('refuses the next day in the event zone, and accepts the last minute of the event day', async () => {
    now = new Date('2026-12-01T16:00:00Z'); // 00:00 WITA on 2 December
    const late = await api(t.app, 'PATCH', `/api/v1/meetings/${w.meetingId}`, {
      token: w.staff.token,
      body: { attendance: 'held' },
    });
    const body = await expectJson<{ error: { code: string; message: string } }>(late, 409);
    expect(body.error.code).toBe('checkin_window');
    expect(body.error.message).toContain('01/12/2026');
    now = new Date('2026-12-01T15:59:00Z');
    await expectJson(
      await api(t.app, 'PATCH', `/api/v1/meetings/${w.meetingId}`, {
        token: w.staff.token,
        body: { attendance: null },
      }),
      200,
    );
  });

  it('refuses a QR check-in 16 minutes early and accepts it 14 minutes early, recording who and when', async () => {
    const { checkinToken } = await credentials(w.buyerPid);
    now = minutes(SLOT0, -16);
    const early = await w.staffClient.post(`/events/${w.eventId}/check-in/confirm`, {
      participant_id: w.buyerPid,
      meeting_id: w.meetingId,
      method: 'qr',
    });
    expect(early.status).toBe(409);
    expect(await checkIns(w.meetingId)).toHaveLength(0);

    now = minutes(SLOT0, -14);
    const scanned = await w.staffClient.get(`/events/${w.eventId}/check-in/t/${checkinToken}`);
    expect(scanned.status).toBe(200);
    const html = await scanned.text();
    expect(html).toContain('Hendra');
    expect(html).toContain('Bertemu Asep (CV Sinar Logam)');
    expect(html).toContain('09.00–09.20 WITA');
    const ok = await w.staffClient.post(`/events/${w.eventId}/check-in/confirm`, {
      participant_id: w.buyerPid,
      meeting_id: w.meetingId,
      method: 'qr',
    });
    expect(ok.status).toBe(303);
    const rows = await checkIns(w.meetingId);
    expect(rows).toEqual([
      {
        participantId: w.buyerPid,
        method: 'qr',
        checkedInAt: minutes(SLOT0, -14),
        checkedInBy: w.staff.user.id,
      },
    ]);
    const [p] = await t.db.sql<{ checkedInAt: Date; checkedInBy: string }[]>`
      select checked_in_at, checked_in_by from event_participants where id = ${w.buyerPid}`;
    expect(p).toEqual({ checkedInAt: minutes(SLOT0, -14), checkedInBy: w.staff.user.id });
    const audit = await t.db
      .sql`select action from audit_log where entity_id = ${w.meetingId} and action = 'check_in'`;
    expect(audit).toHaveLength(1);
    const [m] = await t.db.sql<
      { attendance: string | null }[]
    >`select attendance from meetings where id = ${w.meetingId}`;
    expect(m!.attendance).toBeNull();
  });
});

describe('typed-code check-in', () => {
  it('finds the participant by code without JavaScript, and the one tap makes the meeting held', async () => {
    now = minutes(SLOT0, 2);
    const { checkinCode } = await credentials(w.supplierPid);
    expect(checkinCode).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    const scan = await w.staffClient.get(`/events/${w.eventId}/check-in`);
    expect(await scan.text()).toContain('action="/events/');
    const typed = `${checkinCode.slice(0, 3).toLowerCase()} ${checkinCode.slice(3)}`;
    const found = await w.staffClient.post(`/events/${w.eventId}/check-in/lookup`, { code: typed });
    expect(found.status).toBe(200);
    const html = await found.text();
    expect(html).toContain('<!DOCTYPE html>');
    expect(html).toContain('Asep');
    expect(html).toContain(`name="participant_id" value="${w.supplierPid}"`);
    const done = await w.staffClient.post(`/events/${w.eventId}/check-in/confirm`, {
      participant_id: w.supplierPid,
      meeting_id: w.meetingId,
      method: 'code',
    });
    expect(done.status).toBe(303);
    const [m] = await t.db.sql<{ attendance: string; attendanceBy: string }[]>`
      select attendance, attendance_by from meetings where id = ${w.meetingId}`;
    expect(m).toEqual({ attendance: 'held', attendanceBy: w.staff.user.id });
  });

  it('answers htmx with the fragment only, and an unknown code with a 422 field error', async () => {
    const { checkinCode } = await credentials(w.buyerPid);
    const hx = await w.staffClient.post(
      `/events/${w.eventId}/check-in/lookup`,
      { code: checkinCode },
      { 'hx-request': 'true' },
    );
    expect(hx.status).toBe(200);
    const html = await hx.text();
    expect(html).not.toContain('<!DOCTYPE html>');
    expect(html).toContain('Sudah check-in untuk pertemuan ini.');
    const bad = await w.staffClient.post(
      `/events/${w.eventId}/check-in/lookup`,
      { code: 'ZZZZZZ' },
      { 'hx-request': 'true' },
    );
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Kode ini tidak dikenal di acara ini.');
  });

  it('refuses participants and other users the check-in desk, and a regenerated badge retires the old QR', async () => {
    const outsider = await makeOutsider(t);
    const c = t.client();
    await c.login(outsider.email, outsider.password);
    expect((await c.get(`/events/${w.eventId}/check-in`)).status).toBe(403);
    expect(
      (await w.buyerClient.post(`/events/${w.eventId}/check-in/lookup`, { code: 'AAAAAA' })).status,
    ).toBe(403);
    const old = await credentials(w.buyerPid);
    const res = await w.staffClient.post(`/events/${w.eventId}/participants/${w.buyerPid}/checkin-code`);
    expect(res.status).toBe(303);
    const fresh = await credentials(w.buyerPid);
    expect(fresh.checkinToken).not.toBe(old.checkinToken);
    expect((await w.staffClient.get(`/events/${w.eventId}/check-in/t/${old.checkinToken}`)).status).toBe(404);
  });
});

describe('badges and agenda QR', () => {
  it("draws the QR on the participant's agenda and badge, and all badges for staff", async () => {
    const { checkinCode } = await credentials(w.buyerPid);
    const agenda = await w.buyerClient.get(`/events/${w.eventId}/participants/${w.buyerPid}/agenda`);
    const html = await agenda.text();
    expect(html).toContain('<svg');
    expect(html).toContain(checkinCode);
    expect(html).toContain(assetUrl('sw-register.js'));
    expect(assetUrl('sw-register.js')).toMatch(/^\/assets\/sw-register\.[0-9a-f]{10}\.js$/);
    expect(html).not.toContain('jsQR');
    const badge = await w.buyerClient.get(`/events/${w.eventId}/participants/${w.buyerPid}/badge`);
    expect(badge.status).toBe(200);
    expect((await w.buyerClient.get(`/events/${w.eventId}/participants/${w.supplierPid}/badge`)).status).toBe(
      404,
    );
    expect((await w.buyerClient.get(`/events/${w.eventId}/badges`)).status).toBe(403);
    const all = await (await w.staffClient.get(`/events/${w.eventId}/badges`)).text();
    expect(all.match(/class="name-badge"/g)).toHaveLength(2);
    expect(all).toContain((await credentials(w.supplierPid)).checkinCode);
    const scan = await (await w.staffClient.get(`/events/${w.eventId}/check-in`)).text();
    expect(scan).toContain('data-jsqr="/event-day/jsQR.js"');
  });

  it('serves the service worker with a site-wide scope and the manifest', async () => {
    const sw = await t.app.request('/sw.js');
    expect(sw.status).toBe(200);
    expect(sw.headers.get('service-worker-allowed')).toBe('/');
    expect(await sw.text()).toContain('caches.delete(CACHE)');
    const manifest = await t.app.request('/manifest.webmanifest');
    expect(manifest.headers.get('content-type')).toContain('application/manifest+json');
    expect((await t.app.request('/event-day/jsQR.js')).status).toBe(200);
    const moved = await t.app.request('/event-day/event-day.css');
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe(assetUrl('event-day.css'));
    const css = await t.app.request(assetUrl('event-day.css'));
    expect(css.headers.get('cache-control')).toContain('immutable');
  });
});
