import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailMessage } from '../../src/mail/mailer.js';
import { buildEventInstance } from '../../src/scheduling/instance-builder.js';
import { eventsNotifyHandler, type ScheduleNotice } from '../../src/scheduling/notify.js';
import { parseInstance, validateSolution } from '../../src/scheduling/solver/index.js';
import { api, createTestApp, type TestApp } from '../helpers/app.js';
import { makeUserWithToken } from '../helpers/factories.js';
import { createEvent, expectJson, type Member, makeFacilitator, register } from './events-fixtures.js';

let t: TestApp;
let staff: Member;
let buyers: Member[];
let suppliers: Member[];
const NOW = new Date('2026-11-20T02:00:00Z');
/** Bodyless API mutations need a non-form content type to pass the CSRF middleware. */
const JSON_TYPE = { 'content-type': 'application/json' };

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  staff = await makeFacilitator(t);
  buyers = [];
  suppliers = [];
  for (let i = 0; i < 3; i++) {
    buyers.push(
      await makeUserWithToken(t.db.sql, {
        name: `Pembeli ${i}`,
        org: { name: `PT Pembeli ${i}`, kind: 'buyer' },
      }),
    );
    suppliers.push(
      await makeUserWithToken(t.db.sql, {
        name: `Pemasok ${i}`,
        org: { name: `CV Pemasok ${i}`, kind: 'supplier' },
      }),
    );
  }
  await t.db.sql`update users set locale = 'en' where id = ${suppliers[0]!.user.id}`;
});
afterAll(() => t.close());

interface MeetingJson {
  id: string;
  request_id: string;
  slot_id: string;
  table_id: string;
  locked: boolean;
  sequence: number;
  participants: { id: string }[];
}

let day = 0;

/**
 * Three buyers × three suppliers, every pair accepted; participants are the users themselves.
 * Each event is on its own day: the same people cannot be in two places at once.
 */
async function fullEvent(overrides: Record<string, unknown> = {}) {
  day += 1;
  const date = `2026-12-${String(day).padStart(2, '0')}`;
  const { event, slots } = await createEvent(t, staff.token, {
    days: [{ date, windows: [{ start: '09:00', end: '10:00' }] }],
    ...overrides,
  });
  const bs = [];
  const ss = [];
  for (const b of buyers)
    bs.push(
      await register(t, staff.token, event.id, {
        organization_id: b.orgId!,
        name: b.user.name,
        user_id: b.user.id,
      }),
    );
  for (const s of suppliers)
    ss.push(
      await register(t, staff.token, event.id, {
        organization_id: s.orgId!,
        name: s.user.name,
        user_id: s.user.id,
      }),
    );
  for (const [i, b] of bs.entries())
    for (const [j, s] of ss.entries()) {
      const r = await expectJson<{ id: string }>(
        await api(t.app, 'POST', `/api/v1/events/${event.id}/requests`, {
          token: buyers[i]!.token,
          body: { from: b.id, to: s.id, priority: ((i + j) % 3) + 1 },
        }),
        201,
      );
      await expectJson(
        await api(t.app, 'POST', `/api/v1/requests/${r.id}/accept`, { token: suppliers[j]!.token, body: {} }),
        200,
      );
    }
  return { event, slots, bs, ss };
}

const meetingsOf = async (eventId: string, token = staff.token) =>
  (
    await expectJson<{ meetings: MeetingJson[] }>(
      await api(t.app, 'GET', `/api/v1/events/${eventId}/meetings`, { token }),
      200,
    )
  ).meetings;

const schedule = async (eventId: string) =>
  expectJson<{ id: string; scheduled: number; unscheduled: number; objective: number }>(
    await api(t.app, 'POST', `/api/v1/events/${eventId}/schedule`, { token: staff.token, body: {} }),
    201,
  );

function parseIcs(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const zone of root.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  return root.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      tzid: v.getFirstProperty('dtstart')!.getParameter('tzid'),
      sequence: e.sequence,
      status: v.getFirstPropertyValue('status'),
      summary: e.summary,
    };
  });
}

describe('schedule, publish and agendas', () => {
  it('schedules every accepted request into valid meetings and publishes them', async () => {
    const { event } = await fullEvent({ tables: 3 });
    const { instance } = await buildEventInstance(t.db.sql, event.id);
    const run = await schedule(event.id);
    // 9 requests, 3 slots, 3 tables: each buyer meets each supplier once, a perfect schedule.
    expect(run).toMatchObject({ scheduled: 9, unscheduled: 0, objective: 18 });
    const meetings = await meetingsOf(event.id);
    expect(meetings).toHaveLength(9);
    const solution = {
      meetings: meetings.map((m) => ({ request: m.request_id, slot: m.slot_id, table: m.table_id })),
      unscheduled: [],
      objective: 18,
    };
    expect(validateSolution(parseInstance(instance), solution)).toEqual([]);
    const [row] = await t.db.sql<
      { publishedAt: Date | null }[]
    >`select published_at from events where id = ${event.id}`;
    expect(row!.publishedAt).toEqual(NOW);
    const surveys = await t.db.sql<{ kind: string }[]>`
      select kind from outcome_reminders where event_id = ${event.id} order by kind`;
    expect(surveys.map((r) => r.kind)).toEqual(['survey_3m', 'survey_6m']);
  });

  it('keeps locked meetings where they are when the scheduler runs again', async () => {
    const { event } = await fullEvent({ tables: 4 });
    await schedule(event.id);
    const before = await meetingsOf(event.id);
    const chosen = before[0]!;
    // The fourth table is never needed (three meetings per slot); put one meeting there and lock it.
    const spare = event.tables[3]!;
    expect(before.some((m) => m.table_id === spare.id)).toBe(false);
    await expectJson(
      await api(t.app, 'PATCH', `/api/v1/meetings/${chosen.id}`, {
        token: staff.token,
        body: { table_id: spare.id, locked: true },
      }),
      200,
    );
    const run = await schedule(event.id);
    expect(run.scheduled).toBe(9);
    const after = await meetingsOf(event.id);
    expect(after.find((m) => m.id === chosen.id)).toMatchObject({
      slot_id: chosen.slot_id,
      table_id: spare.id,
      locked: true,
    });
  });

  it('locks a meeting over the API without counting it as a move (no SEQUENCE bump)', async () => {
    const { event } = await fullEvent({ tables: 3 });
    await schedule(event.id);
    const [m] = await meetingsOf(event.id);
    const seq = async () =>
      (await t.db.sql<{ sequence: number }[]>`select sequence from meetings where id = ${m!.id}`)[0]!
        .sequence;
    const before = await seq();
    const res = await api(t.app, 'PATCH', `/api/v1/meetings/${m!.id}`, {
      token: staff.token,
      body: { locked: true },
    });
    expect(res.status).toBe(200);
    expect(await seq()).toBe(before);
  });

  it('refuses to run when locks contradict unavailability, naming the problem (409)', async () => {
    const { event } = await fullEvent({ tables: 3 });
    await schedule(event.id);
    const [m] = await meetingsOf(event.id);
    await api(t.app, 'PATCH', `/api/v1/meetings/${m!.id}`, { token: staff.token, body: { locked: true } });
    await t.db.sql`insert into event_unavailability (event_id, participant_id, slot_id)
      values (${event.id}, ${m!.participants[0]!.id}, ${m!.slot_id})`;
    const res = await api(t.app, 'POST', `/api/v1/events/${event.id}/schedule`, {
      token: staff.token,
      body: {},
    });
    const body = await expectJson<{ error: { message: string; fields: { locks: string } } }>(res, 409);
    expect(body.error.message).toMatch(/terkunci/);
    expect(body.error.fields.locks).toContain('unavailable');
  });

  it('serves an agenda .ics whose times are right in WITA, and bumps SEQUENCE and cancels on change', async () => {
    const { event, slots, bs } = await fullEvent({ tables: 4 });
    await schedule(event.id);
    const me = bs[0]!;
    const url = `/api/v1/events/${event.id}/participants/${me.id}/agenda.ics`;
    const first = await api(t.app, 'GET', url, { token: buyers[0]!.token });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await first.text();
    expect(text).toContain('\r\n');
    expect(text).toContain('BEGIN:VTIMEZONE');
    const events = parseIcs(text);
    expect(events).toHaveLength(3);
    expect(
      events.every((e) => e.tzid === 'Asia/Makassar' && e.status === 'CONFIRMED' && e.sequence === 0),
    ).toBe(true);
    // 09:00 WITA is 01:00 UTC.
    expect(events.map((e) => e.start).toSorted()[0]).toBe(`2026-12-0${day}T01:00:00.000Z`);
    expect(events.map((e) => e.start).toSorted()).toEqual(
      slots.map((s) => new Date(s.starts_at).toISOString()),
    );

    const all = await meetingsOf(event.id);
    const mine = all.filter((m) => m.participants.some((p) => p.id === me.id));
    const [x, y] = mine;
    const taken = new Set(all.filter((m) => m.slot_id === x!.slot_id).map((m) => m.table_id));
    const free = event.tables.find((tb) => !taken.has(tb.id))!;
    const moved = await expectJson<MeetingJson>(
      await api(t.app, 'PATCH', `/api/v1/meetings/${x!.id}`, {
        token: staff.token,
        body: { table_id: free.id },
      }),
      200,
    );
    expect(moved).toMatchObject({ table_id: free.id, slot_id: x!.slot_id, sequence: 1 });
    const removed = await api(t.app, 'DELETE', `/api/v1/meetings/${y!.id}`, {
      token: staff.token,
      headers: JSON_TYPE,
    });
    expect(removed.status).toBe(204);
    const after = parseIcs(await (await api(t.app, 'GET', url, { token: buyers[0]!.token })).text());
    expect(after.find((e) => e.uid === `meeting-${x!.id}@pasok`)).toMatchObject({
      sequence: 1,
      status: 'CONFIRMED',
    });
    const cancelled = after.find((e) => e.uid === `meeting-${y!.id}@pasok`)!;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', sequence: 1 });
    expect(cancelled.start).toBe(events.find((e) => e.uid === cancelled.uid)!.start);
  });

  it("answers 404 for another participant's agenda and 403 when a non-facilitator edits the schedule", async () => {
    const { event, bs } = await fullEvent({ tables: 3 });
    await schedule(event.id);
    const theirs = `/api/v1/events/${event.id}/participants/${bs[1]!.id}/agenda.ics`;
    expect((await api(t.app, 'GET', theirs, { token: buyers[0]!.token })).status).toBe(404);
    expect((await api(t.app, 'GET', theirs, { token: suppliers[0]!.token })).status).toBe(404);
    expect((await api(t.app, 'GET', theirs, { token: staff.token })).status).toBe(200);
    const [m] = await meetingsOf(event.id);
    expect(
      (
        await api(t.app, 'PATCH', `/api/v1/meetings/${m!.id}`, {
          token: buyers[0]!.token,
          body: { locked: true },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await api(t.app, 'DELETE', `/api/v1/meetings/${m!.id}`, {
          token: buyers[0]!.token,
          headers: JSON_TYPE,
        })
      ).status,
    ).toBe(403);
    expect(
      (await api(t.app, 'POST', `/api/v1/events/${event.id}/schedule`, { token: buyers[0]!.token, body: {} }))
        .status,
    ).toBe(403);
    const own = await meetingsOf(event.id, buyers[0]!.token);
    expect(own).toHaveLength(3);
    expect(own.every((x) => x.participants.some((p) => p.id === bs[0]!.id))).toBe(true);
  });

  it('emails each participant its agenda as .ics in its own language on publish', async () => {
    const { event } = await fullEvent({ tables: 3 });
    await schedule(event.id);
    const jobs = t.deps.jobs!;
    const notices: ScheduleNotice[] = [];
    const handler = eventsNotifyHandler({ sql: t.db.sql, jobs, logger: t.deps.logger, clock: () => NOW });
    await jobs.drain<ScheduleNotice>('events.notify', async (n) => {
      if (n.eventId !== event.id) return;
      notices.push(n);
      await handler(n);
    });
    const mine = notices.filter((n) => n.eventId === event.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.reason).toBe('published');
    expect(mine[0]!.participantIds).toHaveLength(6);
    const mails: MailMessage[] = [];
    await jobs.drain<MailMessage>('mail.send', async (m) => {
      mails.push(m);
    });
    const toSupplier = mails.filter((m) => m.to === suppliers[0]!.email);
    const toBuyer = mails.filter((m) => m.to === buyers[1]!.email);
    expect(toSupplier.at(-1)!.subject).toBe('[Pasok] Your agenda for Temu Usaha Smelter Sumbawa');
    expect(toBuyer.at(-1)!.subject).toBe('[Pasok] Agenda temu usaha Temu Usaha Smelter Sumbawa');
    const attachment = toSupplier.at(-1)!.attachments![0]!;
    expect(attachment.contentType).toMatch(/^text\/calendar/);
    const parsed = parseIcs(attachment.content);
    expect(parsed).toHaveLength(3);
    expect(parsed[0]!.summary).toMatch(/^Business meeting: /);
  });
});
