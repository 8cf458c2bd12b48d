import fs from 'node:fs';
import ICAL from 'ical.js';
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

const BUYER_ORG = 'PT Otoparts Smartpolitan (demo)';
const SUPPLIER_ORG = 'CV Sinar Logam Presisi';
const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
/** Form fields by name: labels wrap their inputs, so label text alone can be ambiguous. */
const field = (page: Page, name: string) => page.locator(`form [name="${name}"]`);
const flash = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });

/** A date two months ahead, so the event is upcoming whatever day the suite runs. */
const eventDate = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);

async function tab(): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await newContext(browser, server.url, { acceptDownloads: true });
  const page = await context.newPage();
  return { context, page, problems: watchPage(page) };
}

describe('a temu usaha from event to agenda', () => {
  stopAfterFirstFailure();
  let staff: Awaited<ReturnType<typeof tab>>;
  let buyer: Awaited<ReturnType<typeof tab>>;
  let supplier: Awaited<ReturnType<typeof tab>>;
  let eventUrl: string;
  let movedTo: string;

  beforeAll(async () => {
    staff = await tab();
    buyer = await tab();
    supplier = await tab();
    await logIn(staff.page, DEMO_USERS.facilitator.email);
    await logIn(buyer.page, DEMO_USERS.buyer.email);
    await logIn(supplier.page, DEMO_USERS.supplier.email);
  });
  afterAll(async () => {
    for (const x of [staff, buyer, supplier]) await x?.context.close();
  });

  it('lets the facilitator create an event from the navigation', async () => {
    const { page, problems } = staff;
    await page.getByRole('navigation').getByRole('link', { name: 'Temu usaha', exact: true }).click();
    await heading(page, 'Temu usaha').waitFor();
    await page.getByRole('link', { name: 'Buat acara' }).click();
    await field(page, 'name').fill('Temu Usaha Otomotif Subang');
    await field(page, 'venue').fill('Gedung Smartpolitan, Subang');
    await field(page, 'timezone').selectOption('Asia/Jakarta');
    await field(page, 'days.0.date').fill(eventDate);
    await field(page, 'days.0.windows').fill('09.00-10.00');
    await field(page, 'slot_minutes').fill('20');
    await field(page, 'tables').fill('3');
    await page.getByRole('button', { name: 'Simpan acara' }).click();
    await heading(page, 'Temu Usaha Otomotif Subang').waitFor();
    await flash(page, 'Acara dibuat.').waitFor();
    expect(await page.locator('#event').textContent()).toContain('3 slot × 3 meja');
    eventUrl = new URL(page.url()).pathname;
    expect(problems.take()).toEqual([]);
  });

  it('registers the buyer and the IKM as approved participants', async () => {
    const { page, problems } = staff;
    for (const [org, name] of [
      [`${BUYER_ORG} · Investor / tenant kawasan`, 'Hendra Wijaya'],
      [`${SUPPLIER_ORG} · IKM (pemasok)`, 'Asep Saepudin'],
    ] as const) {
      await page.goto(`${eventUrl}/register`);
      await field(page, 'organization_id').selectOption({ label: org });
      await field(page, 'name').fill(name);
      await page.getByRole('button', { name: 'Daftarkan perwakilan' }).click();
      await flash(page, 'Pendaftaran terkirim.').waitFor();
      expect(await page.locator('#participant .badge').first().textContent()).toBe('Disetujui');
    }
    expect(problems.take()).toEqual([]);
  });

  it('lets the buyer find the IKM in the catalogue and ask for a meeting', async () => {
    const { page, problems } = buyer;
    await page.goto(`${eventUrl}/participants`);
    await field(page, 'q').fill('Sinar');
    await page.locator('#participant-results').filter({ hasText: '1 peserta' }).waitFor();
    await page.getByRole('link', { name: 'Minta pertemuan dengan Asep Saepudin' }).click();
    await heading(page, 'Minta pertemuan').waitFor();
    await page.getByLabel('Wajib bertemu').check();
    await field(page, 'message').fill('Kami mencari pemasok poros dan bushing.');
    await page.getByRole('button', { name: 'Kirim permintaan' }).click();
    await flash(page, 'Permintaan terkirim.').waitFor();
    expect(problems.take()).toEqual([]);
  });

  it('lets the IKM accept the request on its own page', async () => {
    const { page, problems } = supplier;
    await page.goto(eventUrl);
    await page.getByRole('link', { name: `Asep Saepudin · ${SUPPLIER_ORG}` }).click();
    await page.getByText('Kami mencari pemasok poros dan bushing.').waitFor();
    await page.getByRole('button', { name: 'Terima' }).click();
    await flash(page, 'Permintaan diterima.').waitFor();
    expect(await page.locator('#participant').textContent()).toContain('Diterima');
    expect(problems.take()).toEqual([]);
  });

  it('runs the scheduler, previews the result and publishes it', async () => {
    const { page, problems } = staff;
    await page.goto(`${eventUrl}/grid`);
    await page.getByRole('button', { name: 'Jalankan penjadwal' }).click();
    await heading(page, 'Pratinjau hasil penjadwal').waitFor();
    expect(await page.locator('#run-preview').textContent()).toContain(
      '1 terjadwal, 0 tidak muat, total prioritas 3',
    );
    await page.getByRole('button', { name: 'Terbitkan jadwal' }).click();
    await flash(page, 'Jadwal diterbitkan.').waitFor();
    expect(await page.locator('#schedule-grid .meeting').count()).toBe(1);
    expect(problems.take()).toEqual([]);
  });

  it('moves the meeting to another slot in the grid with htmx', async () => {
    const { page, problems } = staff;
    // A marker on the window survives only if htmx swaps the grid instead of loading a new page.
    await page.evaluate(() => Object.assign(globalThis, { stayedOnPage: true }));
    await page.getByRole('link', { name: 'Pilih pertemuan Hendra Wijaya – Asep Saepudin' }).click();
    await page.locator('.selection-banner').waitFor();
    const target = page
      .locator('table.schedule tbody tr')
      .last()
      .getByRole('button', { name: 'Pindah ke sini' })
      .last();
    movedTo = (await page.locator('table.schedule tbody tr').last().locator('th').textContent()) ?? '';
    await target.click();
    await page
      .locator('#schedule-grid')
      .getByRole('status')
      .filter({ hasText: 'Jadwal diperbarui.' })
      .waitFor();
    const row = page.locator('table.schedule tbody tr').last();
    expect(await row.locator('.meeting').count()).toBe(1);
    expect(await page.evaluate(() => 'stayedOnPage' in globalThis)).toBe(true);
    expect(new URL(page.url()).pathname).toBe(`${eventUrl}/grid`);
    await screenshot(page, 'events-grid');
    expect(problems.take()).toEqual([]);
  });

  it('lets the buyer download its agenda as .ics with the moved time', async () => {
    const { page, problems } = buyer;
    await page.goto(eventUrl);
    await page.getByRole('link', { name: `Hendra Wijaya · ${BUYER_ORG}` }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Unduh kalender (.ics)' }).click(),
    ]);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    const root = new ICAL.Component(ICAL.parse(text));
    for (const zone of root.getAllSubcomponents('vtimezone'))
      ICAL.TimezoneService.register(new ICAL.Timezone(zone));
    const events = root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(1);
    const start = events[0]!.startDate.toJSDate();
    // The last slot is 09:40–10:00 WIB (02:40Z), where the meeting was moved.
    expect(movedTo).toContain('09.40');
    expect(start.toISOString()).toBe(`${eventDate}T02:40:00.000Z`);
    expect(events[0]!.sequence).toBe(1);
    expect(events[0]!.summary).toContain(SUPPLIER_ORG);
    expect(problems.take()).toEqual([]);
  });

  // This event is two months ahead, so check-in is not open yet: the phone shows the 409 refusal
  // (a check-in that succeeds on the day is covered by event-day.test.ts with an event today).
  it('refuses on a phone to record attendance weeks before the meeting, saying when check-in opens', async () => {
    const context = await newContext(browser, server.url, { viewport: { width: 390, height: 844 } });
    try {
      const page = await context.newPage();
      const problems = watchPage(page);
      await logIn(page, DEMO_USERS.facilitator.email);
      await page.goto(`${eventUrl}/sheets`);
      await page.getByRole('link', { name: 'Absensi' }).last().click();
      await heading(page, /^Absensi Meja 3$/).waitFor();
      const response = page.waitForResponse((r) => r.request().method() === 'POST');
      await page.getByRole('button', { name: 'Keduanya hadir' }).click();
      expect((await response).status()).toBe(409);
      await page
        .getByText(/Check-in belum dibuka\. Check-in dibuka/)
        .first()
        .waitFor();
      await screenshot(page, 'events-check-in-phone');
      expect(problems.take({ allow: [/status of 409/] })).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
