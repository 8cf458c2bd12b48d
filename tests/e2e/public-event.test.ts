import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, logIn } from './helpers/auth.js';
import { launchBrowser, newContext, type PageProblems, screenshot, watchPage } from './helpers/browser.js';
import { type RunningServer, startServer } from './helpers/server.js';
import { stopAfterFirstFailure } from './helpers/steps.js';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const field = (page: Page, name: string) => page.locator(`form [name="${name}"]`);
const eventDate = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);

async function tab(): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await newContext(browser, server.url, {});
  const page = await context.newPage();
  return { context, page, problems: watchPage(page) };
}

describe('a public event page brings in a new IKM', () => {
  stopAfterFirstFailure();
  const id = randomUUID().slice(0, 8);
  const slug = `temu-usaha-e2e-${id}`;
  let staff: Awaited<ReturnType<typeof tab>>;
  let visitor: Awaited<ReturnType<typeof tab>>;
  let eventUrl: string;

  beforeAll(async () => {
    staff = await tab();
    visitor = await tab();
    await visitor.page.setViewportSize({ width: 360, height: 740 });
    await logIn(staff.page, DEMO_USERS.facilitator.email);
  });
  afterAll(async () => {
    for (const x of [staff, visitor]) await x?.context.close();
  });

  it('lets the facilitator create an event and open its public page under a chosen address', async () => {
    const { page, problems } = staff;
    await page.goto('/events/new');
    await field(page, 'name').fill(`Temu Usaha Terbuka ${id}`);
    await field(page, 'venue').fill('Hotel Lombok Raya, Mataram');
    await field(page, 'timezone').selectOption('Asia/Makassar');
    await field(page, 'days.0.date').fill(eventDate);
    await field(page, 'days.0.windows').fill('09.00-12.00');
    await field(page, 'slot_minutes').fill('20');
    await field(page, 'tables').fill('3');
    await page.getByRole('button', { name: 'Simpan acara' }).click();
    await heading(page, `Temu Usaha Terbuka ${id}`).waitFor();
    eventUrl = new URL(page.url()).pathname;
    await page.goto(`${eventUrl}/public-page`);
    await field(page, 'slug').fill(slug);
    await page.getByLabel('Tampilkan halaman publik dan buka pendaftaran mandiri').check();
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('link', { name: `/e/${slug}` }).waitFor();
    expect(problems.take()).toEqual([]);
  });

  it('shows the page to an anonymous visitor on a phone, with dates in WITA and no sideways scroll', async () => {
    const { page, problems } = visitor;
    await page.goto(`/e/${slug}`);
    await heading(page, `Temu Usaha Terbuka ${id}`).waitFor();
    const text = (await page.locator('#public-event').textContent()) ?? '';
    expect(text).toContain('Hotel Lombok Raya, Mataram');
    expect(text).toMatch(/09\.00–12\.00 WITA/);
    const width = await page
      .locator('html')
      .evaluate((html) => (html as { scrollWidth: number }).scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    const ics = await page.request.get(`/e/${slug}.ics`);
    expect(ics.status()).toBe(200);
    expect(await ics.text()).toContain('BEGIN:VEVENT');
    expect(problems.take()).toEqual([]);
  });

  it('registers the visitor with a new account and organisation', async () => {
    const { page, problems } = visitor;
    await field(page, 'name').fill(`Dewi Lestari ${id}`);
    await field(page, 'email').fill(`dewi-${id}@e2e.test`);
    await field(page, 'password').fill('kapal layar merah jingga');
    await field(page, 'password_confirm').fill('kapal layar merah jingga');
    await field(page, 'org_name').fill(`UD Bubut Dewi ${id}`);
    await field(page, 'org_kind').selectOption('supplier');
    await page.getByRole('button', { name: 'Buat akun dan daftar' }).click();
    await page.getByText('Pendaftaran Anda menunggu persetujuan fasilitator').waitFor();
    await screenshot(page, 'public-event-registered');
    expect(problems.take()).toEqual([]);
  });

  it('puts the registration in the facilitator approval queue', async () => {
    const { page, problems } = staff;
    await page.goto(`${eventUrl}/participants`);
    const row = page.locator('tr', { hasText: `Dewi Lestari ${id}` });
    await row.waitFor();
    expect(await row.textContent()).toContain(`UD Bubut Dewi ${id}`);
    expect(problems.take()).toEqual([]);
  });
});
