import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactPath } from '../../src/http/redact-path.js';
import { outcomesRemindHandler } from '../../src/outcomes/reminder-jobs.js';
import type { RemindJob } from '../../src/outcomes/reminders.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { BEFORE_EVENT, buildWorld, expectJson, putOutcome, type World } from './outcomes-fixtures.js';

let t: TestApp;
let now = BEFORE_EVENT;
let w: World;
const SURVEY_DAY = new Date('2027-03-01T01:00:00Z');

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
  // The buyer reads English: the survey mail must come in English.
  await t.db.sql`update users set locale = 'en' where id = ${w.buyer.user.id}`;
}, 60_000);
afterAll(() => t.close());

const handler = () =>
  outcomesRemindHandler({ sql: t.db.sql, jobs: t.deps.jobs, logger: t.deps.logger, clock: () => now });

async function fireSurvey(): Promise<string> {
  const [r] = await t.db.sql<{ id: string; jobId: string }[]>`
    select id, job_id from outcome_reminders where kind = 'survey_3m' and event_id = ${w.eventId}`;
  await t.db
    .sql`update pgboss.job set start_after = now() - interval '1 second' where id = ${r!.jobId}::uuid`;
  await t.deps.jobs!.drain<RemindJob>('outcomes.remind', handler());
  return r!.id;
}

const surveyMails = (email: string) =>
  t.db.sql<{ data: { subject: string; text: string; html: string } }[]>`
    select data from pgboss.job where name = 'mail.send' and data->>'to' = ${email} and data->>'text' like '%/s/%'`;

const tokenIn = (text: string) => /\/s\/([A-Za-z0-9_-]{43})/.exec(text)![1]!;

let supplierToken = '';
let buyerToken = '';

describe('surveys answered by a one-time link', () => {
  it('sends each party one mail with a link per meeting, in their own language, with a WhatsApp share link', async () => {
    now = SURVEY_DAY;
    await fireSurvey();
    const [sm] = await surveyMails(w.supplier.email);
    const [bm] = await surveyMails(w.buyer.email);
    expect(sm!.data.subject).toBe('[Pasok] Survei 3 bulan: bagaimana kelanjutannya?');
    expect(bm!.data.subject).toBe('[Pasok] 3-month survey: how is it going?');
    expect(sm!.data.text).toContain('https://wa.me/?text=');
    expect(decodeURIComponent(sm!.data.text)).toContain('mohon isi survei singkat');
    expect(sm!.data.html).toContain('<a href="http://pasok.test/s/');
    supplierToken = tokenIn(sm!.data.text);
    buyerToken = tokenIn(bm!.data.text);
    // The other supplier missed its meeting: no link.
    expect(await surveyMails(w.other.email)).toHaveLength(0);
    const rows = await t.db.sql<{ side: string; tokenHash: Buffer }[]>`
      select side, token_hash from survey_invitations where meeting_id = ${w.meetingId} order by side`;
    expect(rows.map((r) => r.side)).toEqual(['buyer', 'supplier']);
    // Only the hash is stored.
    const all = JSON.stringify(await t.db.sql`select * from survey_invitations`);
    expect(all).not.toContain(supplierToken);
  });

  it('sends a reminder once: running it again creates no link and no mail', async () => {
    const id = await fireSurvey();
    await t.db.sql`update outcome_reminders set status = 'scheduled' where id = ${id}`;
    const [r] = await t.db.sql<{ jobId: string }[]>`select job_id from outcome_reminders where id = ${id}`;
    await handler()({ reminderId: id, origin: 'http://pasok.test' });
    expect(r!.jobId).toBeTruthy();
    expect(await surveyMails(w.supplier.email)).toHaveLength(1);
    const [n] = await t.db.sql<{ n: number }[]>`select count(*)::int as n from survey_invitations`;
    expect(n!.n).toBe(2);
  });

  it('shows the questionnaire without login, and refuses unknown or malformed tokens with 404', async () => {
    const c = t.client();
    const page = await c.get(`/s/${supplierToken}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('PT Smelter Tembaga');
    expect(html).toContain('name="stage"');
    expect(html).toContain('for="f-value_idr"');
    expect((await c.get(`/s/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await c.get('/s/short')).status).toBe(404);
    expect((await c.post(`/s/${'B'.repeat(43)}`, { stage: 'contract' })).status).toBe(404);
  });

  it('re-renders the form with field errors (422) when the stage is missing', async () => {
    const res = await t.client().post(`/s/${supplierToken}`, { value_idr: 'abc', help: ['training'] });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('field-error');
    expect(html).toMatch(/value="training"[^>]*checked/);
  });

  it('turns an answer into an outcome version, stores the extra answers and moves the pipeline', async () => {
    const before = await t.db.sql`select id from outcome_versions where meeting_id = ${w.meetingId}`;
    const res = await t.client().post(`/s/${supplierToken}`, {
      stage: 'contract',
      value_idr: '250 jt',
      volume: '20 ton/bulan',
      repeat_orders: '2',
      obstacles: 'Modal kerja',
      help: ['financing', 'certification'],
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/s/done');
    const [v] = await t.db.sql<
      {
        version: number;
        side: string;
        channel: string;
        survey: string;
        status: string;
        valueIdr: string;
        volume: string;
      }[]
    >`select version, side, channel, survey, status, value_idr::text, volume from outcome_versions
      where meeting_id = ${w.meetingId} order by version desc limit 1`;
    expect(v).toEqual({
      version: before.length + 1,
      side: 'supplier',
      channel: 'survey',
      survey: '3m',
      status: 'deal',
      valueIdr: '250000000',
      volume: '20 ton/bulan',
    });
    const [a] = await t.db.sql<{ stage: string; repeatOrders: number; helpWanted: string[] }[]>`
      select stage, repeat_orders, help_wanted from survey_answers`;
    expect(a).toEqual({ stage: 'contract', repeatOrders: 2, helpWanted: ['financing', 'certification'] });
    const [item] = await t.db.sql<
      { stage: string }[]
    >`select stage from followup_items where meeting_id = ${w.meetingId}`;
    expect(item!.stage).toBe('contract');
  });

  it('refuses a reused link with 410', async () => {
    const c = t.client();
    expect((await c.get(`/s/${supplierToken}`)).status).toBe(410);
    expect((await c.post(`/s/${supplierToken}`, { stage: 'repeat' })).status).toBe(410);
    const [n] = await t.db.sql<{ n: number }[]>`select count(*)::int as n from survey_answers`;
    expect(n!.n).toBe(1);
  });

  it('refuses an expired link with 410', async () => {
    now = new Date(SURVEY_DAY.getTime() + 31 * 86_400_000);
    const c = t.client();
    const res = await c.get(`/s/${buyerToken}`);
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('kedaluwarsa');
    expect((await c.post(`/s/${buyerToken}`, { stage: 'contract' })).status).toBe(410);
    now = SURVEY_DAY;
  });

  it('keeps the token out of logged paths', () => {
    expect(redactPath(`/s/${buyerToken}`)).toBe('/s/[redacted]');
    expect(redactPath(`/s/${buyerToken}`, ['/s/:token'])).toBe('/s/[redacted]');
  });
});
