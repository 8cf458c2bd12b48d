import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailMessage } from '../../src/mail/mailer.js';
import { type ChangeNoticeJob, changeNoticeHandler } from '../../src/scheduling/change-notices.js';
import { api, createTestApp, type TestApp } from '../helpers/app.js';
import { makeUserWithToken } from '../helpers/factories.js';
import {
  createEvent,
  type EventJson,
  expectJson,
  type Member,
  makeFacilitator,
  register,
} from './events-fixtures.js';

let t: TestApp;
let staff: Member;
let buyer: Member;
let supplier: Member;
const START = new Date('2026-11-20T02:00:00Z');
let clock = START;
const at = (minutes: number, seconds = 0) => new Date(START.getTime() + minutes * 60_000 + seconds * 1000);

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  staff = await makeFacilitator(t);
  buyer = await makeUserWithToken(t.db.sql, {
    name: 'Pembeli Satu',
    org: { name: 'PT Smelter', kind: 'buyer' },
  });
  supplier = await makeUserWithToken(t.db.sql, {
    name: 'Pemasok Satu',
    org: { name: 'CV Bubut Taliwang', kind: 'supplier' },
  });
  await t.db.sql`update users set locale = 'en' where id = ${supplier.user.id}`;
});
afterAll(() => t.close());

interface MeetingJson {
  id: string;
  table_id: string;
}

/** One accepted request, scheduled and published, at an event with two tables. */
async function publishedEvent(): Promise<{ event: EventJson; meeting: MeetingJson }> {
  const { event } = await createEvent(t, staff.token, { tables: 2 });
  const b = await register(t, staff.token, event.id, {
    organization_id: buyer.orgId!,
    name: buyer.user.name,
    user_id: buyer.user.id,
  });
  const s = await register(t, staff.token, event.id, {
    organization_id: supplier.orgId!,
    name: supplier.user.name,
    user_id: supplier.user.id,
  });
  const r = await expectJson<{ id: string }>(
    await api(t.app, 'POST', `/api/v1/events/${event.id}/requests`, {
      token: buyer.token,
      body: { from: b.id, to: s.id, priority: 2 },
    }),
    201,
  );
  await expectJson(
    await api(t.app, 'POST', `/api/v1/requests/${r.id}/accept`, { token: supplier.token, body: {} }),
    200,
  );
  await expectJson(
    await api(t.app, 'POST', `/api/v1/events/${event.id}/schedule`, { token: staff.token, body: {} }),
    201,
  );
  const { meetings } = await expectJson<{ meetings: MeetingJson[] }>(
    await api(t.app, 'GET', `/api/v1/events/${event.id}/meetings`, { token: staff.token }),
    200,
  );
  return { event, meeting: meetings[0]! };
}

/** Moves the meeting to the other table of its slot. */
async function move(event: EventJson, meeting: MeetingJson, now: Date): Promise<void> {
  clock = now;
  const other = event.tables.find((x) => x.id !== meeting.table_id)!;
  const moved = await expectJson<MeetingJson>(
    await api(t.app, 'PATCH', `/api/v1/meetings/${meeting.id}`, {
      token: staff.token,
      body: { table_id: other.id },
    }),
    200,
  );
  meeting.table_id = moved.table_id;
}

/** Runs the notice worker at `now`, then collects the mails it queued. */
async function runWorker(now: Date): Promise<MailMessage[]> {
  clock = now;
  const jobs = t.deps.jobs!;
  const handler = changeNoticeHandler({ sql: t.db.sql, jobs, logger: t.deps.logger, clock: () => clock });
  await handler({ participantId: 'sweep', origin: 'http://pasok.test' });
  await jobs.drain<ChangeNoticeJob>('events.changes', (j) => handler(j));
  const mails: MailMessage[] = [];
  await jobs.drain<MailMessage>('mail.send', async (m) => {
    mails.push(m);
  });
  return mails;
}

describe('batched schedule change notices', () => {
  it('sends one notice listing ten moves made within three minutes, then a second for a later move', async () => {
    const { event, meeting } = await publishedEvent();
    await runWorker(START); // the publish mails are not what this test is about
    for (let i = 0; i < 10; i++) await move(event, meeting, at(0, i * 18));
    expect(await runWorker(at(3))).toEqual([]);
    expect(await runWorker(at(9, 59))).toEqual([]);

    const first = await runWorker(at(10, 1));
    const toSupplier = first.filter((m) => m.to === supplier.email);
    const toBuyer = first.filter((m) => m.to === buyer.email);
    expect(toSupplier).toHaveLength(1);
    expect(toBuyer).toHaveLength(1);
    expect(toSupplier[0]!.subject).toBe('[Pasok] Changes to your agenda for Temu Usaha Smelter Sumbawa');
    expect(toSupplier[0]!.text).toContain('10 changes since the last notice');
    expect(toSupplier[0]!.text.match(/Meeting with Pembeli Satu \(PT Smelter\) moved/g)).toHaveLength(10);
    expect(toSupplier[0]!.text).toMatch(/Table 1 → .*Table 2/);
    expect(toBuyer[0]!.subject).toBe('[Pasok] Perubahan agenda Temu Usaha Smelter Sumbawa');
    expect(toBuyer[0]!.text).toContain('10 perubahan');
    expect(toBuyer[0]!.text).toMatch(/WITA, Meja \d → .*WITA, Meja \d/);
    expect(toSupplier[0]!.attachments![0]!.contentType).toMatch(/^text\/calendar/);
    expect(toSupplier[0]!.attachments![0]!.content).toContain('BEGIN:VEVENT');
    expect(await runWorker(at(10, 30))).toEqual([]);

    await move(event, meeting, at(14));
    expect(await runWorker(at(20))).toEqual([]);
    const second = await runWorker(at(24, 1));
    expect(second.filter((m) => m.to === supplier.email)).toHaveLength(1);
    expect(second.find((m) => m.to === supplier.email)!.text).toContain('1 changes since');
    expect(await runWorker(at(40))).toEqual([]);
  });

  it('refuses a second notice inside the quiet window at the database', async () => {
    const { event } = await publishedEvent();
    const [p] = await t.db.sql<{ id: string }[]>`
      select id from event_participants where event_id = ${event.id} limit 1`;
    const insert = (from: Date) =>
      t.db.sql`insert into schedule_notices (event_id, participant_id, covers, change_count)
        values (${event.id}, ${p!.id}, tstzrange(${from}, ${new Date(from.getTime() + 600_000)}), 1)`;
    await insert(at(100));
    await expect(insert(at(105))).rejects.toMatchObject({ code: '23P01' });
    await insert(at(110));
  });

  it('tells of a cancelled meeting with its old time and table', async () => {
    const { meeting } = await publishedEvent();
    clock = at(200);
    const res = await api(t.app, 'DELETE', `/api/v1/meetings/${meeting.id}`, {
      token: staff.token,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(204);
    const mails = await runWorker(at(211));
    const mail = mails.find((m) => m.to === supplier.email)!;
    expect(mail.text).toMatch(/× Meeting with Pembeli Satu \(PT Smelter\) cancelled: .*WITA, Table \d/);
  });
});
