import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../src/db/client.js';
import { seedDemoOutcomes } from '../../src/seed/demo-outcomes.js';
import { DEMO_USERS, logIn } from './helpers/auth.js';
import { launchBrowser, newContext, type PageProblems, screenshot, watchPage } from './helpers/browser.js';
import { type RunningServer, startServer } from './helpers/server.js';
import { stopAfterFirstFailure } from './helpers/steps.js';

let server: RunningServer;
let browser: Browser;
let subangEventId: string;

const SUBANG = 'Forum Temu Bisnis IKM Logam dan Mesin Subang (demo)';
const BUYER_ORG = 'PT Otoparts Smartpolitan (demo)';
const SUPPLIER_ORG = 'CV Sinar Logam Presisi';

/**
 * The demo outcomes (past events) are part of the demo seed once it is wired in; seeding them
 * here as well is a no-op then (idempotent), and makes this test independent of that wiring.
 */
async function seedOutcomes(dataDir: string): Promise<void> {
  const creds = JSON.parse(fs.readFileSync(path.join(dataDir, 'pg-credentials.json'), 'utf8')) as {
    user: string;
    password: string;
  };
  const port = fs
    .readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')
    .split('\n')[3]!
    .trim();
  const sql = postgres(
    `postgres://${creds.user}:${encodeURIComponent(creds.password)}@127.0.0.1:${port}/pasok`,
    {
      max: 2,
      transform: postgres.camel,
      onnotice: () => {},
    },
  ) as unknown as Sql;
  try {
    await seedDemoOutcomes(sql);
    const [row] = await sql<{ id: string }[]>`select id from events where name = ${SUBANG}`;
    subangEventId = row!.id;
  } finally {
    await (sql as unknown as { end(): Promise<void> }).end();
  }
}

beforeAll(async () => {
  server = await startServer();
  await seedOutcomes(server.dataDir);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function tab(): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await newContext(browser, server.url, { acceptDownloads: true });
  const page = await context.newPage();
  return { context, page, problems: watchPage(page) };
}

const flash = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });
const dealsFigure = async (page: Page) => (await page.locator('#fig-deals dd').textContent())!.trim();

/** From the party's outcome list to the form of the demo pair's meeting at the Subang forum. */
async function openDemoMeeting(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Hasil pertemuan', exact: true }).click();
  const row = page
    .locator('#outcome-meetings tr')
    .filter({ hasText: SUBANG })
    .filter({ hasText: SUPPLIER_ORG })
    .filter({ hasText: BUYER_ORG });
  await row.getByRole('link', { name: 'Buka' }).click();
  await page.getByRole('heading', { level: 1, name: 'Hasil pertemuan' }).waitFor();
}

describe('a meeting outcome from both sides to the report', () => {
  stopAfterFirstFailure();
  let staff: Awaited<ReturnType<typeof tab>>;
  let buyer: Awaited<ReturnType<typeof tab>>;
  let supplier: Awaited<ReturnType<typeof tab>>;
  let meetingUrl: string;
  let dealsBefore: string;

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

  it('shows the facilitator the report before anything is recorded', async () => {
    const { page, problems } = staff;
    await page.getByRole('navigation').getByRole('link', { name: 'Laporan', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Laporan dampak temu usaha' }).waitFor();
    await page.locator('form.report-filters select[name="event"]').selectOption(subangEventId);
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL(/event=/);
    dealsBefore = await dealsFigure(page);
    expect(await page.locator('.print-meta').textContent()).toContain('Periode:');
    expect(problems.take()).toEqual([]);
  });

  it('lets the buyer report a deal in Indonesian number format', async () => {
    const { page, problems } = buyer;
    await openDemoMeeting(page);
    meetingUrl = new URL(page.url()).pathname;
    await page.getByLabel('Transaksi', { exact: true }).check();
    await page.locator('#outcome-form [name="value_idr"]').fill('1,25 M');
    await page.locator('#outcome-form [name="products"]').fill('Komponen bubut CNC presisi');
    await page.getByRole('button', { name: 'Simpan laporan' }).click();
    await flash(page, 'Laporan hasil disimpan sebagai versi baru.').waitFor();
    expect(await page.locator('#report-buyer').textContent()).toContain('Rp 1.250.000.000');
    expect(problems.take()).toEqual([]);
  });

  it('lets the supplier report its own version without seeing the buyer’s', async () => {
    const { page, problems } = supplier;
    await openDemoMeeting(page);
    expect(new URL(page.url()).pathname).toBe(meetingUrl);
    expect(await page.locator('#report-buyer').count()).toBe(0);
    await page.getByLabel('Transaksi', { exact: true }).check();
    await page.locator('#outcome-form [name="value_idr"]').fill('1.300.000.000');
    await page.locator('#outcome-form [name="volume"]').fill('500 pcs/bulan');
    await page.getByRole('button', { name: 'Simpan laporan' }).click();
    await flash(page, 'Laporan hasil disimpan sebagai versi baru.').waitFor();
    expect(await page.locator('#report-supplier').textContent()).toContain('Rp 1.300.000.000');
    expect(problems.take()).toEqual([]);
  });

  it('lets the facilitator reconcile both reports into the official record', async () => {
    const { page, problems } = staff;
    await page.goto('/outcomes?queue=1');
    await page.locator(`a[href="${meetingUrl}"]`).first().click();
    expect(await page.locator('#report-buyer').textContent()).toContain('Rp 1.250.000.000');
    expect(await page.locator('#report-supplier').textContent()).toContain('Rp 1.300.000.000');
    await page.getByRole('button', { name: 'Jadikan rekaman resmi (laporan IKM)' }).click();
    await flash(page, 'Rekaman resmi diperbarui.').waitFor();
    const official = (await page.locator('#official-record').textContent())!;
    expect(official).toContain('Rp 1.300.000.000');
    expect(official).toContain('Dicatat oleh fasilitator');
    const trail = (await page.locator('#outcome-history').textContent())!;
    expect(trail).toContain('Dilaporkan oleh pembeli');
    expect(trail).toContain('Dilaporkan oleh IKM');
    await screenshot(page, 'outcome-reconciled');
    expect(problems.take()).toEqual([]);
  });

  it('counts the deal in the report', async () => {
    const { page, problems } = staff;
    await page.goto(`/reports?event=${subangEventId}`);
    const [before, after] = [dealsBefore, await dealsFigure(page)].map((s) =>
      Number(s.split('/')[0]!.trim()),
    );
    expect(after).toBe(before! + 1);
    await screenshot(page, 'report-subang');
    expect(problems.take()).toEqual([]);
  });

  it('prints on A4 with the office and period and without the page furniture', async () => {
    const { page, problems } = staff;
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('body > header').isVisible()).toBe(false);
    expect(await page.locator('form.report-filters').isVisible()).toBe(false);
    const meta = page.locator('.print-meta');
    expect(await meta.isVisible()).toBe(true);
    expect(await meta.textContent()).toContain('Periode:');
    expect(await page.locator('#report-funnel svg').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    fs.writeFileSync(
      path.join(path.dirname(await screenshot(page, 'report-print')), 'report-print.pdf'),
      pdf,
    );
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'screen' });
    expect(problems.take()).toEqual([]);
  });

  it('downloads the report as XLSX with the meeting and its official outcome', async () => {
    const { page, problems } = staff;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Unduh XLSX' }).click(),
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Ringkasan', 'Pertemuan']);
    const sheet = wb.getWorksheet('Pertemuan')!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const col = (name: string) => header.indexOf(name);
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push(row.values as unknown[]);
    });
    const ours = rows.filter((r) => r[col('IKM')] === SUPPLIER_ORG && r[col('Pembeli')] === BUYER_ORG);
    expect(ours).toHaveLength(1);
    expect(ours[0]![col('Hasil')]).toBe('Transaksi');
    expect(ours[0]![col('Nilai (Rp)')]).toBe(1_300_000_000);
    const totals = wb.getWorksheet('Ringkasan')!;
    const figures = new Map<string, unknown>();
    totals.eachRow((row) => figures.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(String(figures.get('Transaksi'))).toBe(String(Number(dealsBefore.split('/')[0]!.trim()) + 1));
    expect(problems.take()).toEqual([]);
  });
});
