import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, launchBrowser, newContext, type PageProblems, watchPage } from './helpers/browser.js';
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

const query = (page: Page) => new URL(page.url()).searchParams;
const resultCount = async (page: Page) =>
  Number(((await page.locator('#supplier-results .result-count').textContent()) ?? '').replace(/\D/g, ''));
const results = (page: Page) => page.locator('#supplier-results');

describe('an investor searches suppliers near an estate', () => {
  stopAfterFirstFailure();
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;
  let all = 0;
  let turning = 0;
  let within60 = 0;

  beforeAll(async () => {
    context = await newContext(browser, server.url);
    page = await context.newPage();
    problems = watchPage(page);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('opens the search page from the navigation and sees every verified supplier', async () => {
    await page.goto('/');
    await page.getByRole('navigation').getByRole('link', { name: 'Pemasok', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Cari pemasok' }).waitFor();
    all = await resultCount(page);
    expect(all).toBeGreaterThan(100);
    expect(all).toBeLessThan(331);
    expect(problems.take()).toEqual([]);
  });

  it('types a word and the results follow, with the word marked', async () => {
    await page.getByLabel('Kata kunci').fill('bubut');
    await page.waitForURL((u) => u.searchParams.get('q') === 'bubut');
    await results(page).locator('mark').first().waitFor();
    const n = await resultCount(page);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(all);
    expect(problems.take()).toEqual([]);
  });

  it('ticks a process facet and the counts stay disjunctive', async () => {
    await results(page).locator('summary', { hasText: 'Proses' }).click();
    const box = results(page).locator('input[name="processes"][value="turning"]');
    const label = await results(page)
      .locator('label')
      .filter({ has: page.locator('input[name="processes"][value="turning"]') })
      .textContent();
    const before = Number(/\(([\d.]+)\)/.exec(label ?? '')?.[1]?.replace(/\./g, ''));
    await box.check();
    await page.waitForURL((u) => (u.searchParams.get('processes') ?? '').includes('turning'));
    await expect.poll(() => resultCount(page)).toBe(before);
    turning = before;
    await expect(results(page).locator('input[name="processes"][value="turning"]').isChecked()).resolves.toBe(
      true,
    );
    // Other processes still show counts (what ticking them too would add), not zero.
    expect(await results(page).locator('input[name="processes"]:not(:checked)').count()).toBeGreaterThan(0);
    expect(problems.take()).toEqual([]);
  });

  it('chooses an estate and a radius, and every hit shows its distance', async () => {
    await page.getByLabel('Kawasan industri').selectOption('smartpolitan-subang');
    await page.waitForURL((u) => u.searchParams.get('estate') === 'smartpolitan-subang');
    await page.getByLabel('Radius (km)').fill('60');
    await page.getByLabel('Radius (km)').press('Tab');
    await page.waitForURL((u) => u.searchParams.get('radius_km') === '60');
    await expect.poll(() => resultCount(page)).toBeLessThan(turning);
    within60 = await resultCount(page);
    expect(within60).toBeGreaterThan(0);
    const meta = await results(page).locator('article.supplier-card header p').allTextContents();
    expect(meta.length).toBeGreaterThan(0);
    for (const m of meta) expect(m).toMatch(/\d+(,\d)? km/);
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    // Not the shared screenshot helper: its default hides the caret with inline styles, which
    // htmx then copies while settling a swap, and the CSP (rightly) refuses.
    await page.screenshot({
      path: path.join(ARTIFACTS_DIR, 'search-smartpolitan-60km.png'),
      fullPage: true,
      caret: 'initial',
    });
    expect(problems.take()).toEqual([]);
  });

  it('narrows the radius', async () => {
    await page.getByLabel('Radius (km)').fill('15');
    await page.getByLabel('Radius (km)').press('Tab');
    await page.waitForURL((u) => u.searchParams.get('radius_km') === '15');
    await expect.poll(() => resultCount(page)).toBeLessThanOrEqual(within60);
    expect(problems.take()).toEqual([]);
  });

  it('goes back and finds the previous search restored, form and results', async () => {
    await page.goBack();
    await page.waitForURL((u) => u.searchParams.get('radius_km') === '60');
    await expect.poll(() => page.getByLabel('Radius (km)').inputValue()).toBe('60');
    expect(await page.getByLabel('Kata kunci').inputValue()).toBe('bubut');
    expect(await page.getByLabel('Kawasan industri').inputValue()).toBe('smartpolitan-subang');
    expect(await results(page).locator('input[name="processes"][value="turning"]').isChecked()).toBe(true);
    await expect.poll(() => resultCount(page)).toBe(within60);
    expect(query(page).get('q')).toBe('bubut');
    expect(problems.take()).toEqual([]);
  });

  it('shares the URL: a fresh tab shows the same search', async () => {
    const other = await context.newPage();
    await other.goto(page.url());
    expect(await resultCount(other)).toBe(within60);
    expect(await other.getByLabel('Radius (km)').inputValue()).toBe('60');
    await other.close();
  });
});

describe('a visitor without JavaScript', () => {
  it('searches with the plain GET form', async () => {
    const context = await newContext(browser, server.url, { javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto('/suppliers');
      await page.getByLabel('Kata kunci').fill('las');
      await page.getByLabel('Kawasan industri').selectOption('amman-smelter-sumbawa-barat');
      await page.getByLabel('Radius (km)').fill('100');
      await page.getByRole('button', { name: 'Cari', exact: true }).click();
      await page.waitForURL((u) => u.searchParams.get('q') === 'las');
      expect(query(page).get('estate')).toBe('amman-smelter-sumbawa-barat');
      expect(await resultCount(page)).toBeGreaterThan(0);
      expect(await page.locator('article.supplier-card').count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});
