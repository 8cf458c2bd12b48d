import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcomesRemindHandler } from '../../src/outcomes/reminder-jobs.js';
import type { RemindJob } from '../../src/outcomes/reminders.js';
import { answerAdhoc, proposeAdhoc } from '../../src/scheduling/adhoc.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  BEFORE_EVENT,
  buildWorld,
  expectJson,
  loggedIn,
  putOutcome,
  type World,
} from './outcomes-fixtures.js';

let t: TestApp;
let now = BEFORE_EVENT;
let w: World;
/** The morning after the event (1 December 2026, WITA): outcomes come in. */
const NEXT_DAY = new Date('2026-12-02T01:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  w = await buildWorld(t, (d) => {
    now = d;
  });
  now = NEXT_DAY;
}, 60_000);
afterAll(() => t.close());

interface ReminderRow {
  id: string;
  kind: string;
  meetingId: string | null;
  eventId: string | null;
  dueAt: Date;
  jobId: string | null;
  status: string;
  recipients: number | null;
}

const reminders = () =>
  t.db.sql<ReminderRow[]>`
    select id, kind, meeting_id, event_id, due_at, job_id, status, recipients from outcome_reminders order by due_at, kind`;

const handler = () =>
  outcomesRemindHandler({ sql: t.db.sql, jobs: t.deps.jobs, logger: t.deps.logger, clock: () => now });

/** Makes the given reminders' jobs due now in pg-boss (the database clock is real), then drains. */
async function fire(ids: string[]): Promise<number> {
  const rows = await t.db.sql<
    { jobId: string }[]
  >`select job_id from outcome_reminders where id = any(${ids}::uuid[])`;
  await t.db
    .sql`update pgboss.job set start_after = now() - interval '1 second' where id = any(${rows.map((r) => r.jobId)}::uuid[])`;
  return t.deps.jobs!.drain<RemindJob>('outcomes.remind', handler());
}

const notificationsOf = (userId: string) =>
  t.db.sql<{ kind: string; title: string; body: string; link: string }[]>`
    select kind, title, body, link from notifications where user_id = ${userId} order by created_at`;

describe('follow-up reminders and surveys', () => {
  it('schedules the follow-up at 09:00 local time and the surveys at +3 and +6 months', async () => {
    await expectJson(
      await putOutcome(t, w.supplier.token, w.meetingId, { status: 'follow_up', follow_up_on: '2026-12-15' }),
      200,
    );
    const rows = await reminders();
    expect(rows.map((r) => [r.kind, r.meetingId ?? r.eventId, r.dueAt.toISOString()])).toEqual([
      ['follow_up', w.meetingId, '2026-12-15T01:00:00.000Z'],
      ['survey_3m', w.eventId, '2027-03-01T01:00:00.000Z'],
      ['survey_6m', w.eventId, '2027-06-01T01:00:00.000Z'],
    ]);
    const jobs = await t.db.sql<{ id: string; name: string; startAfter: Date; data: RemindJob }[]>`
      select id, name, start_after, data from pgboss.job where id = any(${rows.map((r) => r.jobId!)}::uuid[])`;
    expect(jobs).toHaveLength(3);
    for (const r of rows) {
      const job = jobs.find((j) => j.id === r.jobId)!;
      expect(job.name).toBe('outcomes.remind');
      expect(job.startAfter.toISOString()).toBe(r.dueAt.toISOString());
      expect(job.data).toEqual({ reminderId: r.id, origin: 'http://pasok.test' });
    }
  });

  it('does not schedule the same reminder twice', async () => {
    await expectJson(
      await putOutcome(t, w.buyer.token, w.meetingId, { status: 'follow_up', follow_up_on: '2026-12-15' }),
      200,
    );
    expect(await reminders()).toHaveLength(3);
  });

  it('reminds both parties on the follow-up day, in-app and by email', async () => {
    const [followUp] = (await reminders()).filter((r) => r.kind === 'follow_up');
    now = new Date('2026-12-15T01:00:00Z');
    expect(await fire([followUp!.id])).toBe(1);
    for (const u of [w.buyer, w.supplier]) {
      const [n] = await notificationsOf(u.user.id);
      expect(n).toMatchObject({
        kind: 'outcome.follow_up',
        title: 'Hari ini jadwal tindak lanjut',
        link: `/outcomes/meetings/${w.meetingId}`,
      });
      const mails = await t.db
        .sql`select id from pgboss.job where name = 'mail.send' and data->>'to' = ${u.email}`;
      expect(mails).toHaveLength(1);
    }
    expect(await notificationsOf(w.other.user.id)).toHaveLength(0);
    const [after] = (await reminders()).filter((r) => r.kind === 'follow_up');
    expect(after).toMatchObject({ status: 'sent', recipients: 2 });
  });

  it('skips a follow-up reminder once the outcome has moved on', async () => {
    await expectJson(
      await putOutcome(t, w.supplier.token, w.meetingId, { status: 'follow_up', follow_up_on: '2026-12-20' }),
      200,
    );
    await expectJson(
      await putOutcome(t, w.supplier.token, w.meetingId, { status: 'deal', value_idr: '800 jt' }),
      200,
    );
    await expectJson(
      await putOutcome(t, w.buyer.token, w.meetingId, { status: 'deal', value_idr: '800 jt' }),
      200,
    );
    const pending = (await reminders()).find((r) => r.kind === 'follow_up' && r.status === 'scheduled')!;
    expect(pending.dueAt.toISOString()).toBe('2026-12-20T01:00:00.000Z');
    const before = (await notificationsOf(w.supplier.user.id)).length;
    await fire([pending.id]);
    expect((await notificationsOf(w.supplier.user.id)).length).toBe(before);
    expect((await reminders()).find((r) => r.id === pending.id)).toMatchObject({ status: 'skipped' });
  });

  it('sends the 3-month survey once per person, and a survey answer becomes a new version', async () => {
    const survey = (await reminders()).find((r) => r.kind === 'survey_3m')!;
    now = new Date('2027-03-01T01:00:00Z');
    await fire([survey.id]);
    const [n] = (await notificationsOf(w.supplier.user.id)).filter((x) => x.kind === 'outcome.survey');
    expect(n).toMatchObject({
      title: 'Survei 3 bulan: bagaimana kelanjutannya?',
      link: `/outcomes?event=${w.eventId}&survey=3m`,
    });
    expect(n!.body).toContain('1 pertemuan');
    // The other supplier missed its meeting: nothing to ask about.
    expect((await notificationsOf(w.other.user.id)).filter((x) => x.kind === 'outcome.survey')).toHaveLength(
      0,
    );

    const c = await loggedIn(t, w.supplier);
    const list = await (await c.get(n!.link)).text();
    expect(list).toContain(`/outcomes/meetings/${w.meetingId}?survey=3m`);
    const form = await (await c.get(`/outcomes/meetings/${w.meetingId}?survey=3m`)).text();
    expect(form).toContain('name="survey" value="3m"');
    const before = await t.db.sql`select id from outcome_versions where meeting_id = ${w.meetingId}`;
    const res = await c.post(`/outcomes/meetings/${w.meetingId}`, {
      status: 'mou',
      value_idr: '2,4 M',
      survey: '3m',
    });
    expect(res.status).toBe(303);
    const [latest] = await t.db.sql<{ version: number; channel: string; survey: string; status: string }[]>`
      select version, channel, survey, status from outcome_versions where meeting_id = ${w.meetingId} order by version desc limit 1`;
    expect(latest).toEqual({ version: before.length + 1, channel: 'survey', survey: '3m', status: 'mou' });
    const page = await (await c.get(`/outcomes/meetings/${w.meetingId}`)).text();
    expect(page).toContain('jawaban survei 3 bulan');
  });
});

describe('ad-hoc meetings', () => {
  it('takes outcomes for meetings outside events, with surveys per meeting', async () => {
    now = new Date('2026-11-25T01:00:00Z');
    const actor = { userId: w.buyer.user.id, platformRole: null };
    const id = await proposeAdhoc(
      t.db.sql,
      actor,
      {
        from_org: w.buyer.orgId!,
        to_org: w.supplier.orgId!,
        date: '2026-11-30',
        start: '10:00',
        minutes: 60,
        timezone: 'Asia/Jakarta',
        place: 'Kantor PT Smelter Tembaga',
        online_url: null,
        message: null,
      },
      now,
    );
    await answerAdhoc(t.db.sql, { userId: w.supplier.user.id, platformRole: null }, id, 'scheduled', now);
    now = new Date('2026-12-01T01:00:00Z');
    const v = await expectJson<{ side: string; version: number }>(
      await putOutcome(t, w.supplier.token, id, { status: 'deal', value_idr: 45_000_000 }),
      200,
    );
    expect(v).toMatchObject({ side: 'supplier', version: 1 });
    const rows = (await reminders()).filter((r) => r.meetingId === id);
    // 30 November + 3 months is clamped to the end of February.
    expect(rows.map((r) => [r.kind, r.dueAt.toISOString()])).toEqual([
      ['survey_3m', '2027-02-28T02:00:00.000Z'],
      ['survey_6m', '2027-05-30T02:00:00.000Z'],
    ]);
  });
});
