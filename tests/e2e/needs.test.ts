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

const SUPPLIER_ORG = 'CV Sinar Logam Presisi';
const TITLE = 'Poros dan flens stainless untuk pompa';
const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const field = (page: Page, name: string) => page.locator(`form [name="${name}"]`);
const flash = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });
/** A deadline a month ahead, so the need is open whatever day the suite runs. */
const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

async function tab(): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await newContext(browser, server.url);
  const page = await context.newPage();
  return { context, page, problems: watchPage(page) };
}

describe('a sourcing need from posting to shortlist', () => {
  stopAfterFirstFailure();
  let buyer: Awaited<ReturnType<typeof tab>>;
  let supplier: Awaited<ReturnType<typeof tab>>;
  let needUrl: string;

  beforeAll(async () => {
    buyer = await tab();
    supplier = await tab();
    await logIn(buyer.page, DEMO_USERS.buyer.email);
    await logIn(supplier.page, DEMO_USERS.supplier.email);
  });
  afterAll(async () => {
    for (const x of [buyer, supplier]) await x?.context.close();
  });

  it('lets the buyer post a need, with errors shown as fields change', async () => {
    const { page, problems } = buyer;
    await page.getByRole('navigation').getByRole('link', { name: 'Kebutuhan', exact: true }).click();
    await heading(page, 'Kebutuhan pasokan').waitFor();
    await page.getByRole('link', { name: 'Pasang kebutuhan' }).click();
    await heading(page, 'Pasang kebutuhan').waitFor();
    await field(page, 'title_id').fill(TITLE);
    await field(page, 'description_id').fill(
      'Kami membutuhkan jasa bubut dan frais poros serta flens pompa dari baja tahan karat.',
    );
    await page.locator('input[name="processes"][value="turning"]').check();
    await page.locator('input[name="processes"][value="milling"]').check();
    await page.locator('input[name="materials"][value="stainless-steel"]').check();
    await field(page, 'target_price_idr').fill('banyak');
    await field(page, 'target_price_idr').blur();
    await page.locator('#err-target_price_idr', { hasText: 'Tulis nominal rupiah' }).waitFor();
    await field(page, 'target_price_idr').fill('150 jt');
    await field(page, 'target_price_idr').blur();
    await page.locator('#err-target_price_idr:empty').waitFor({ state: 'attached' });
    await field(page, 'estate').selectOption('smartpolitan-subang');
    await field(page, 'max_distance_km').fill('100');
    await field(page, 'response_deadline').fill(deadline);
    await page.getByRole('button', { name: 'Simpan sebagai draf' }).click();
    await heading(page, new RegExp(TITLE)).waitFor();
    await flash(page, 'Kebutuhan disimpan.').waitFor();
    expect(await page.locator('.need-facts').textContent()).toContain('Rp 150.000.000');
    needUrl = new URL(page.url()).pathname;
    expect(problems.take()).toEqual([]);
  });

  it('opens the need and shows the demo IKM among the explained matches', async () => {
    const { page, problems } = buyer;
    await page.getByRole('button', { name: 'Buka untuk pemasok' }).click();
    await flash(page, 'Kebutuhan dibuka.').waitFor();
    const match = page.locator('#matches li', { hasText: SUPPLIER_ORG });
    await match.waitFor();
    expect(await match.textContent()).toContain('Menguasai 2 dari 2 proses');
    await screenshot(page, 'needs-matches');
    expect(problems.take()).toEqual([]);
  });

  it('shows the need in the IKM inbox, where the IKM expresses interest', async () => {
    const { page, problems } = supplier;
    await page.getByRole('navigation').getByRole('link', { name: 'Kebutuhan', exact: true }).click();
    await page.getByRole('link', { name: 'Kotak masuk kebutuhan' }).click();
    await heading(page, 'Kotak masuk kebutuhan').waitFor();
    const item = page.locator('ul.inbox li', { hasText: TITLE });
    await item.waitFor();
    expect(await item.textContent()).toContain('Menguasai 2 dari 2 proses');
    await item.getByRole('link', { name: 'Tanggapi' }).click();
    await heading(page, new RegExp(TITLE)).waitFor();
    await field(page, 'message').fill(
      'Kami punya bubut CNC dan frais CNC, siap kirim contoh dalam 2 minggu.',
    );
    await field(page, 'indicative_price_idr').fill('Rp 140.000.000');
    await page.getByRole('button', { name: 'Nyatakan minat' }).click();
    await flash(page, 'Minat Anda sudah dikirim ke pembeli.').waitFor();
    await page.getByText('Anda sudah menyatakan minat.').waitFor();
    expect(problems.take()).toEqual([]);
  });

  it('lets the buyer shortlist the interested IKM and compare the shortlist', async () => {
    const { page, problems } = buyer;
    await page.goto(needUrl);
    const response = page.locator('#responses li', { hasText: SUPPLIER_ORG });
    await response.waitFor();
    expect(await response.textContent()).toContain('Rp 140.000.000');
    await response.getByRole('button', { name: 'Masukkan daftar pendek' }).click();
    await flash(page, 'Pemasok masuk daftar pendek.').waitFor();
    await page.locator('#responses li', { hasText: 'Daftar pendek' }).waitFor();
    await page.getByRole('link', { name: 'Bandingkan daftar pendek' }).click();
    await heading(page, 'Perbandingan daftar pendek').waitFor();
    await page.getByRole('columnheader', { name: SUPPLIER_ORG }).waitFor();
    expect(await page.locator('table.compare').textContent()).toContain('Rp 140.000.000');
    await screenshot(page, 'needs-compare');
    expect(problems.take()).toEqual([]);
  });
});
