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

/** The demo supplier user's organisation (src/seed/demo.ts); generated IKM names can share its words. */
const SUPPLIER = /CV Sinar Logam Presisi/;
const SUPPLIER_ORG = 'CV Sinar Logam Presisi';
const TITLE = 'Bushing kuningan untuk rol konveyor';
const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const field = (page: Page, name: string) => page.locator(`form [name="${name}"]`);
const flash = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });
const isoDaysAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
/** A deadline a month ahead, so the need is open and quotable whatever day the suite runs. */
const deadline = isoDaysAhead(30);

async function tab(): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await newContext(browser, server.url);
  const page = await context.newPage();
  return { context, page, problems: watchPage(page) };
}

describe('a buyer invites a supplier from search, gets a quote and awards it', () => {
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

  it('lets the buyer open an invited-only need', async () => {
    const { page, problems } = buyer;
    await page.goto('/needs/new');
    await heading(page, 'Pasang kebutuhan').waitFor();
    await field(page, 'title_id').fill(TITLE);
    await field(page, 'description_id').fill(
      'Bushing kuningan hasil bubut untuk 100 rol konveyor pabrik kami.',
    );
    await page.locator('input[name="processes"][value="turning"]').check();
    await field(page, 'quantity').fill('100');
    await field(page, 'unit').selectOption('pcs');
    await field(page, 'estate').selectOption('smartpolitan-subang');
    await field(page, 'response_deadline').fill(deadline);
    await page.getByLabel('Hanya pemasok yang diundang').check();
    await page.getByRole('button', { name: 'Simpan sebagai draf' }).click();
    await heading(page, new RegExp(TITLE)).waitFor();
    await flash(page, 'Kebutuhan disimpan.').waitFor();
    needUrl = new URL(page.url()).pathname;
    await page.getByRole('button', { name: 'Buka untuk pemasok' }).click();
    await flash(page, 'Kebutuhan dibuka.').waitFor();
    expect(problems.take()).toEqual([]);
  });

  it('lets the buyer find the supplier in search, shortlist it and invite it from its card', async () => {
    const { page, problems } = buyer;
    await page.getByRole('navigation').getByRole('link', { name: 'Pemasok', exact: true }).click();
    await heading(page, 'Cari pemasok').waitFor();
    await page.getByLabel('Kata kunci').fill('Sinar Logam Presisi');
    await page.waitForURL((u) => u.searchParams.get('q') === 'Sinar Logam Presisi');
    const card = page.locator('#supplier-results article.supplier-card').filter({
      has: page.getByRole('heading', { name: SUPPLIER }),
    });
    await card.first().waitFor();
    expect(await card.count()).toBe(1);
    const actions = card.locator('details.buyer-actions');
    await actions.locator('summary', { hasText: 'Tindakan untuk' }).click();
    const status = actions.getByRole('status');

    const shortlist = actions
      .locator('form')
      .filter({ has: page.getByRole('button', { name: 'Masukkan daftar pendek' }) });
    await shortlist.getByLabel('Kebutuhan').selectOption({ label: TITLE });
    await shortlist.getByRole('button', { name: 'Masukkan daftar pendek' }).click();
    await status.filter({ hasText: 'Pemasok masuk daftar pendek.' }).waitFor();

    const invite = actions
      .locator('form')
      .filter({ has: page.getByRole('button', { name: 'Undang ke kebutuhan' }) });
    await invite.getByLabel('Kebutuhan').selectOption({ label: TITLE });
    await invite.getByRole('button', { name: 'Undang ke kebutuhan' }).click();
    await status.filter({ hasText: 'Undangan terkirim ke pemasok.' }).waitFor();
    await screenshot(page, 'buyer-search-actions');

    // The shortlist took a supplier that never expressed interest.
    await page.goto(needUrl);
    await page.getByRole('link', { name: 'Bandingkan daftar pendek' }).click();
    await heading(page, 'Perbandingan daftar pendek').waitFor();
    await page.getByRole('columnheader', { name: SUPPLIER }).waitFor();
    expect(problems.take()).toEqual([]);
  });

  it('tells the supplier, who finds the invitation in notifications and the inbox', async () => {
    const { page, problems } = supplier;
    await page.goto('/');
    await page
      .getByRole('link', { name: /^Notifikasi/ })
      .first()
      .click();
    await heading(page, 'Notifikasi').waitFor();
    const notice = page.locator('ul.notifications li').filter({ hasText: TITLE });
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/mengundang/);
    await notice.getByRole('button', { name: /mengundang/ }).click();
    await heading(page, new RegExp(TITLE)).waitFor();
    expect(new URL(page.url()).pathname).toBe(needUrl);

    await page.goto('/needs');
    await page.getByRole('link', { name: 'Kotak masuk kebutuhan' }).click();
    await heading(page, 'Kotak masuk kebutuhan').waitFor();
    const item = page.locator('ul.inbox li').filter({ hasText: TITLE });
    await item.waitFor();
    expect(await item.textContent()).toContain('Diundang');
    expect(problems.take()).toEqual([]);
  });

  it('lets the supplier submit a quote on the need’s quotes page', async () => {
    const { page, problems } = supplier;
    await page.goto(needUrl);
    await page.getByRole('link', { name: 'Gambar teknis & penawaran' }).click();
    await heading(page, 'Gambar teknis & penawaran').waitFor();
    const form = page.locator('form#quote-form');
    await form.getByLabel('Harga satuan').fill('Rp 250.000');
    await form.getByLabel('Pesanan minimum').fill('50');
    await form.getByLabel('Waktu pengerjaan (hari)').fill('21');
    await form.getByLabel('Berlaku sampai').fill(isoDaysAhead(60));
    await form.getByLabel('Catatan').fill('Harga termasuk ongkos kirim ke Subang.');
    await form.getByRole('button', { name: 'Kirim penawaran' }).click();
    await flash(page, 'Penawaran tersimpan.').waitFor();
    const card = page.locator('article.quote-card').filter({ hasText: SUPPLIER });
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Rp 250.000');
    expect(text).toContain('21 hari');
    expect(problems.take()).toEqual([]);
  });

  it('lets the buyer compare the quotes and award the supplier’s', async () => {
    const { page, problems } = buyer;
    await page.goto('/');
    await page
      .getByRole('link', { name: /^Notifikasi/ })
      .first()
      .click();
    const notice = page.locator('ul.notifications li').filter({ hasText: TITLE });
    await notice.getByRole('button', { name: /mengirim penawaran/ }).click();
    await heading(page, 'Gambar teknis & penawaran').waitFor();
    const card = page.locator('article.quote-card').filter({ hasText: SUPPLIER });
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Rp 250.000');
    // Unit price × the need's quantity (100).
    expect(text).toContain('Rp 25.000.000');
    expect(text).toContain('21 hari');
    await screenshot(page, 'buyer-quotes');
    await card.getByRole('button', { name: /^Pilih CV Sinar Logam Presisi sebagai pemenang$/ }).click();
    await flash(page, 'Pemenang dipilih; kebutuhan ditutup.').waitFor();
    await flash(page, /Dimenangkan oleh CV Sinar Logam Presisi senilai Rp 25\.000\.000/).waitFor();
    await card.getByText('Pemenang', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: /sebagai pemenang/ }).count()).toBe(0);
    expect(problems.take()).toEqual([]);
  });

  it('shows the need as closed with the winner, and tells the winner', async () => {
    const { page, problems } = buyer;
    await page.goto(needUrl);
    await heading(page, new RegExp(TITLE)).waitFor();
    expect(await heading(page, new RegExp(TITLE)).textContent()).toContain('Ditutup: dapat pemasok');
    expect(await page.getByRole('button', { name: 'Buka untuk pemasok' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Gambar teknis & penawaran' }).click();
    await flash(page, `Dimenangkan oleh ${SUPPLIER_ORG} senilai`).waitFor();
    await screenshot(page, 'buyer-awarded');
    expect(problems.take()).toEqual([]);

    const s = supplier;
    await s.page.goto('/');
    await s.page
      .getByRole('link', { name: /^Notifikasi/ })
      .first()
      .click();
    const won = s.page.locator('ul.notifications li').filter({ hasText: TITLE });
    await won.getByRole('button', { name: /Penawaran Anda untuk .* menang/ }).waitFor();
    expect(await won.filter({ hasText: /Penawaran Anda untuk .* menang/ }).textContent()).toContain(
      'Rp 25.000.000',
    );
    // The supplier can no longer quote on the closed need.
    await s.page.goto(`${needUrl}/quotes`);
    await heading(s.page, 'Gambar teknis & penawaran').waitFor();
    expect(await s.page.locator('form#quote-form').count()).toBe(0);
    expect(s.problems.take()).toEqual([]);
  });
});
