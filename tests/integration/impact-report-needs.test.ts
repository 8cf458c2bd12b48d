import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcomesRemindHandler } from '../../src/outcomes/reminder-jobs.js';
import type { RemindJob } from '../../src/outcomes/reminders.js';
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

const tokenIn = (text: string) => /\/s\/([A-Za-z0-9_-]{43})/.exec(text)![1]!;

/** Fires the event's 3-month survey and returns each party's link token by e-mail address. */
async function fireSurvey(): Promise<Map<string, string>> {
  const [r] = await t.db.sql<{ jobId: string }[]>`
    select job_id from outcome_reminders where kind = 'survey_3m' and event_id = ${w.eventId}`;
  await t.db
    .sql`update pgboss.job set start_after = now() - interval '1 second' where id = ${r!.jobId}::uuid`;
  await t.deps.jobs!.drain<RemindJob>(
    'outcomes.remind',
    outcomesRemindHandler({ sql: t.db.sql, jobs: t.deps.jobs, logger: t.deps.logger, clock: () => now }),
  );
  const mails = await t.db.sql<{ data: { to: string; text: string } }[]>`
    select data from pgboss.job where name = 'mail.send' and data->>'text' like '%/s/%'`;
  return new Map(mails.map((m) => [m.data.to, tokenIn(m.data.text)]));
}

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  w = await buildWorld(t, (d) => {
    now = d;
  });
  now = new Date('2026-12-02T01:00:00Z');
  await expectJson(
    await putOutcome(t, w.supplier.token, w.meetingId, { status: 'follow_up', follow_up_on: '2026-12-15' }),
    200,
  );
  now = new Date('2027-03-01T01:00:00Z');
  const tokens = await fireSurvey();
  const answer = (email: string, body: Record<string, string | string[]>) =>
    t.client().post(`/s/${tokens.get(email)}`, body);
  expect(
    (
      await answer(w.supplier.email, {
        stage: 'trial',
        obstacles: 'Modal kerja <b>kurang</b> untuk bahan baku',
        help: ['financing', 'certification'],
        help_note: 'Butuh SNI untuk flange',
      })
    ).status,
  ).toBe(303);
  expect((await answer(w.buyer.email, { stage: 'trial', help: ['certification'] })).status).toBe(303);
}, 90_000);
afterAll(() => t.close());

describe('survey obstacles and help wanted on the event report', () => {
  it('counts answers per kind of help and names who asked', async () => {
    const c = await loggedIn(t, w.staff);
    const html = await (await c.get(`/reports?event=${w.eventId}`)).text();
    const table = html.slice(
      html.indexOf('id="report-help"'),
      html.indexOf('</table>', html.indexOf('id="report-help"')),
    );
    expect(table).toMatch(/Sertifikasi \(SNI, halal, TKDN\)<\/th><td class="num">2<\/td>/);
    expect(table).toMatch(/Pembiayaan<\/th><td class="num">1<\/td>/);
    expect(table.indexOf('Sertifikasi')).toBeLessThan(table.indexOf('Pembiayaan'));
    expect(table).not.toContain('financing');
    const [org] = await t.db.sql<{ name: string }[]>`
      select o.name from organizations o join meeting_facts f on f.supplier_org_id = o.id where f.meeting_id = ${w.meetingId}`;
    expect(table).toContain(org!.name);
  });

  it('lists the obstacles with the answering organisation, escaped', async () => {
    const c = await loggedIn(t, w.staff);
    const html = await (await c.get(`/reports?event=${w.eventId}`)).text();
    const list = html.slice(html.indexOf('id="report-obstacles"'));
    expect(list).toContain('Modal kerja &lt;b&gt;kurang&lt;/b&gt; untuk bahan baku');
    expect(list).toContain('Butuh SNI untuk flange');
    expect(html).toContain('Kendala yang disebut (1 jawaban terbaru)');
  });
});
