import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../src/db/client.js';
import { type Jobs, startJobs } from '../../src/jobs/queue.js';
import { createLogger } from '../../src/logger.js';
import { seedDemoOutcomes } from '../../src/seed/demo-outcomes.js';
import { sendSurveyLinks } from '../../src/surveys/invite.js';
import { DEMO_USERS, logIn } from './helpers/auth.js';
import { launchBrowser, newContext, type PageProblems, screenshot, watchPage } from './helpers/browser.js';
import { measureWidth } from './helpers/crawl.js';
import { type RunningServer, startServer } from './helpers/server.js';
import { stopAfterFirstFailure } from './helpers/steps.js';

const SUBANG = 'Forum Temu Bisnis IKM Logam dan Mesin Subang (demo)';
const SUPPLIER_ORG = 'CV Sinar Logam Presisi';

let server: RunningServer;
let browser: Browser;
let sql: Sql;
let jobs: Jobs;

/** The server's own database, for the harness steps a person cannot do in a browser (firing a reminder). */
function connect(dataDir: string): { sql: Sql; url: string } {
  const creds = JSON.parse(fs.readFileSync(path.join(dataDir, 'pg-credentials.json'), 'utf8')) as {
    user: string;
    password: string;
  };
  const port = fs
    .readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')
    .split('\n')[3]!
    .trim();
  const url = `postgres://${creds.user}:${encodeURIComponent(creds.password)}@127.0.0.1:${port}/pasok`;
  const db = postgres(url, { max: 2, transform: postgres.camel, onnotice: () => {} }) as unknown as Sql;
  return { sql: db, url };
}

beforeAll(async () => {
  server = await startServer();
  const db = connect(server.dataDir);
  sql = db.sql;
  await seedDemoOutcomes(sql);
  jobs = await startJobs(db.url, createLogger('silent'), { workers: false });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await jobs?.stop();
  await (sql as unknown as { end(): Promise<void> } | undefined)?.end();
  await server?.stop();
});

async function tab(opts: Parameters<typeof newContext>[2] = {}) {
  const context: BrowserContext = await newContext(browser, server.url, opts);
  const page: Page = await context.newPage();
  const problems: PageProblems = watchPage(page);
  return { context, page, problems };
}

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const scrollsSideways = async (page: Page) =>
  (await measureWidth(page, PHONE.viewport.width)).scrollWidth > 360;

/** A held meeting of the demo supplier, and the supplier's user: what the survey asks about. */
async function demoMeeting() {
  const [m] = await sql<{ meetingId: string; eventId: string; buyerName: string }[]>`
    select f.meeting_id, f.event_id, ob.name as buyer_name
    from meeting_facts f join events e on e.id = f.event_id
    join organizations os on os.id = f.supplier_org_id join organizations ob on ob.id = f.buyer_org_id
    where e.name = ${SUBANG} and os.name = ${SUPPLIER_ORG} and f.status = 'scheduled' and f.held
    order by f.starts_at limit 1`;
  const [u] = await sql<{ id: string }[]>`select id from users where email = ${DEMO_USERS.supplier.email}`;
  return { ...m!, userId: u!.id };
}

describe('a +3-month survey answered on a phone from the link in its mail', () => {
  stopAfterFirstFailure();
  let link = '';

  it('sends the survey mail through the reminder service', async () => {
    const m = await demoMeeting();
    const [r] = await sql<{ id: string }[]>`
      insert into outcome_reminders (kind, event_id, due_at, status)
      values ('survey_3m', ${m.eventId}, now(), 'sent') returning id`;
    const n = await sendSurveyLinks(sql, jobs, {
      reminderId: r!.id,
      wave: '3m',
      userId: m.userId,
      locale: 'id',
      meetings: [{ meetingId: m.meetingId, side: 'supplier', counterpart: m.buyerName }],
      eventName: SUBANG,
      origin: server.url,
      now: new Date(),
    });
    expect(n).toBe(1);
  });

  it('lets the admin read the mail in the outbox and find the link', async () => {
    const { page, problems, context } = await tab();
    await logIn(page, DEMO_USERS.admin.email);
    const subject = 'Survei 3 bulan';
    for (let i = 0; i < 40; i++) {
      await page.goto('/admin/mail');
      if ((await page.getByRole('link', { name: new RegExp(subject) }).count()) > 0) break;
      await page.waitForTimeout(500);
    }
    await page
      .getByRole('link', { name: new RegExp(subject) })
      .first()
      .click();
    await page.locator('#mail-message').waitFor();
    const body = (await page.locator('.mail-body').textContent())!;
    expect(body).not.toContain('Content-Transfer-Encoding');
    link = /https?:\/\/[^\s]+\/s\/[A-Za-z0-9_-]{43}/.exec(body)![0];
    expect(await page.getByRole('link', { name: /mentah/ }).count()).toBe(1);
    expect(problems.take()).toEqual([]);
    await context.close();
  });

  it('opens the questionnaire on a 360 px phone without logging in, and answers it', async () => {
    const { page, problems, context } = await tab(PHONE);
    await page.goto(link);
    await page.locator('#survey-form').waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await page.getByLabel('Pesanan percobaan').check();
    await page.getByLabel('Nilai transaksi yang sudah terealisasi (Rp)').fill('1,2 M');
    await page.getByLabel('Berapa kali pesanan ulang?').fill('2');
    await page.getByLabel('Kendala yang dihadapi', { exact: true }).fill('Bahan baku baja terlambat');
    await page.locator('#f-help-certification').check();
    await screenshot(page, 'survey-phone');
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    await page.getByRole('heading', { level: 1, name: 'Terima kasih' }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    expect(problems.take()).toEqual([]);

    const reuse = await page.goto(link);
    expect(reuse!.status()).toBe(410);
    expect(await page.textContent('body')).toContain('Survei ini sudah dijawab.');
    expect(await scrollsSideways(page)).toBe(false);
    problems.take();
    await context.close();
  });
});

describe('the follow-up pipeline board', () => {
  stopAfterFirstFailure();
  let meetingId = '';
  let eventId = '';

  it('shows the facilitator the board of the Subang forum', async () => {
    const [m] = await sql<{ meetingId: string; eventId: string }[]>`
      select f.meeting_id, f.event_id from meeting_facts f
      join events e on e.id = f.event_id join organizations os on os.id = f.supplier_org_id
      left join followup_items i on i.meeting_id = f.meeting_id
      where os.name = ${SUPPLIER_ORG} and f.status = 'scheduled' and f.held
        and (i.meeting_id is not null or f.outcome_status in ('follow_up', 'deal', 'mou'))
        and coalesce(i.stage, 'contacted') <> 'contract'
      order by (e.name = ${SUBANG}) desc, f.starts_at limit 1`;
    expect(m).toBeTruthy();
    ({ meetingId, eventId } = m!);
    const { page, problems, context } = await tab();
    await logIn(page, DEMO_USERS.facilitator.email);
    await page.goto(`/pipeline?event=${eventId}`);
    await page.getByRole('heading', { level: 1, name: 'Papan tindak lanjut' }).waitFor();
    expect(await page.locator(`#card-${meetingId}`).count()).toBe(1);
    expect(await page.locator(`#col-contract #card-${meetingId}`).count()).toBe(0);
    expect(problems.take()).toEqual([]);
    await context.close();
  });

  it('lets the supplier move its own item without JavaScript', async () => {
    const { page, problems, context } = await tab({ javaScriptEnabled: false });
    await logIn(page, DEMO_USERS.supplier.email);
    await page.goto(`/pipeline/meetings/${meetingId}`);
    await page.locator(`#move-${meetingId}`).selectOption('contract');
    await page.getByRole('button', { name: 'Pindahkan', exact: true }).click();
    await page.waitForURL((u) => u.pathname === `/pipeline/meetings/${meetingId}`);
    expect(await page.locator(`#move-${meetingId}`).inputValue()).toBe('contract');
    expect(problems.take()).toEqual([]);
    await context.close();
  });

  it('shows the item in the new column of the facilitator’s board', async () => {
    const { page, problems, context } = await tab();
    await logIn(page, DEMO_USERS.facilitator.email);
    await page.goto(`/pipeline?event=${eventId}`);
    await page.locator(`#col-contract #card-${meetingId}`).waitFor();
    await screenshot(page, 'pipeline-board');
    expect(problems.take()).toEqual([]);
    await context.close();
  });
});
