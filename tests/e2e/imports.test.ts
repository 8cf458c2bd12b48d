import ExcelJS from 'exceljs';
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

/** The office's own spreadsheet: one column the app cannot guess, and two bad rows. */
async function officeList(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('IKM Binaan');
  ws.addRow(['DAFTAR IKM BINAAN DISPERIN NTB']);
  ws.addRow([
    'No',
    'Nama IKM',
    'NIB',
    'Kab/Kota',
    'Provinsi',
    'Komoditas Unggulan',
    'Proses',
    'Tenaga Kerja',
  ]);
  ws.addRow([
    1,
    'UD Las Barokah Lombok',
    '5201 0000 1234 1',
    'Kota Mataram',
    'NTB',
    'Pagar, kanopi',
    'las argon',
    5,
  ]);
  ws.addRow([
    2,
    'CV Bengkel Taliwang',
    '5207000012342',
    'Sumbawa Barat',
    'NTB',
    'Suku cadang',
    'bubut, frais',
    8,
  ]);
  ws.addRow([3, 'Pande Besi Sade', '', 'Lombok Tengah', 'NTB', 'Parang, cangkul', 'tempa', 3]);
  ws.addRow([4, 'CV Cor Praya', '5202000012344', 'Kab. Lombok Tengah', '', 'Tutup manhole', 'cor logam', 12]);
  ws.addRow([5, 'CV NIB Keliru', '12345', 'Kota Mataram', '', '', 'las', 2]);
  ws.addRow([6, 'UD Negeri Dongeng', '5201000012346', 'Kab. Atlantis', '', '', 'las', 2]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const count = (page: Page, outcome: string) => page.locator(`[data-count="${outcome}"]`).textContent();

describe('a facilitator imports the office list, fixes a column, commits and re-imports', () => {
  stopAfterFirstFailure();
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;
  let file: Buffer;

  beforeAll(async () => {
    context = await newContext(browser, server.url);
    page = await context.newPage();
    problems = watchPage(page);
    file = await officeList();
  });
  afterAll(async () => {
    await context?.close();
  });

  async function uploadList() {
    await page.goto('/imports');
    await heading(page, 'Impor daftar IKM').waitFor();
    await page.getByLabel('File XLSX atau CSV').setInputFiles({
      name: 'ikm-binaan-ntb.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
    await page.getByRole('button', { name: 'Unggah', exact: true }).click();
    await heading(page, 'ikm-binaan-ntb.xlsx').waitFor();
  }

  it('uploads the spreadsheet and sees the columns it recognised', async () => {
    await logIn(page, DEMO_USERS.facilitator.email);
    await uploadList();
    expect(await page.getByLabel('Kolom B: Nama IKM').inputValue()).toBe('legal_name');
    expect(await page.getByLabel('Kolom D: Kab/Kota').inputValue()).toBe('regency');
    expect(await page.getByLabel('Kolom F: Komoditas Unggulan').inputValue()).toBe('ignore');
    expect(problems.take()).toEqual([]);
  });

  it('maps the unrecognised column and sees the row errors in the preview', async () => {
    await page.getByLabel('Kolom F: Komoditas Unggulan').selectOption('products');
    await page.getByRole('button', { name: 'Simpan pencocokan dan perbarui pratinjau' }).click();
    await page.getByText('Pencocokan kolom disimpan.').waitFor();
    expect(await page.getByLabel('Kolom F: Komoditas Unggulan').inputValue()).toBe('products');
    expect(await page.locator('#preview-counts').textContent()).toContain(
      '6 baris data: 4 siap diimpor (0 di antaranya dengan catatan), 2 akan ditolak.',
    );
    const rejected = page.locator('#preview-rows tr.preview-error');
    expect(await rejected.count()).toBe(2);
    expect(await rejected.nth(0).textContent()).toContain('NIB "12345" tidak valid');
    expect(await rejected.nth(1).textContent()).toContain('Kabupaten/kota "Kab. Atlantis" tidak dikenal.');
    await screenshot(page, 'import-preview');
    expect(problems.take()).toEqual([]);
  });

  it('commits and watches the result arrive', async () => {
    await page.getByRole('button', { name: 'Impor 4 baris' }).click();
    await page.getByRole('heading', { name: 'Hasil impor' }).waitFor();
    expect(await count(page, 'created')).toBe('4');
    expect(await count(page, 'rejected')).toBe('2');
    expect(await count(page, 'unchanged')).toBe('0');
    expect(await page.locator('#row-outcomes').textContent()).toContain('UD Las Barokah Lombok');
    await screenshot(page, 'import-result');
    expect(problems.take()).toEqual([]);
  });

  it('re-imports the same file with the remembered mapping and creates no duplicates', async () => {
    await uploadList();
    expect(await page.getByLabel('Kolom F: Komoditas Unggulan').inputValue()).toBe('products');
    await page.getByRole('button', { name: 'Impor 4 baris' }).click();
    await page.getByRole('heading', { name: 'Hasil impor' }).waitFor();
    expect(await count(page, 'created')).toBe('0');
    expect(await count(page, 'unchanged')).toBe('4');
    expect(await count(page, 'rejected')).toBe('2');
    expect(problems.take()).toEqual([]);
  });

  it('makes a claim link for one of the new suppliers', async () => {
    await page.getByRole('button', { name: 'Buat tautan klaim untuk CV Bengkel Taliwang' }).click();
    const link = page.locator('#claim-link code');
    await link.waitFor();
    expect(await link.textContent()).toMatch(/\/imports\/claim\/[A-Za-z0-9_-]{20,}$/);
    expect(problems.take()).toEqual([]);
  });
});
