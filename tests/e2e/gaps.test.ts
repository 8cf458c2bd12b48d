import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, logIn } from './helpers/auth.js';
import { launchBrowser, newContext, screenshot, watchPage } from './helpers/browser.js';
import { type RunningServer, startServer } from './helpers/server.js';
import { stopAfterFirstFailure } from './helpers/steps.js';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('supply-chain gap map', () => {
  stopAfterFirstFailure();

  it('a facilitator opens the AMMAN smelter map on a phone: chart, gaps, partial suppliers, CSV', async () => {
    const context = await newContext(browser, server.url, {
      viewport: { width: 360, height: 740 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const problems = watchPage(page);
    await logIn(page, DEMO_USERS.facilitator.email);
    await page.goto('/reports/gaps');
    await page.getByLabel('Kawasan industri').selectOption('amman-smelter-sumbawa-barat');
    await page.getByLabel('Radius (km)').fill('100');
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.locator('#gap-chart').waitFor();
    expect(page.url()).toContain('estate=amman-smelter-sumbawa-barat');
    const first = page.locator('#gap-rows article').first();
    expect(await first.getAttribute('class')).toContain('gap-none');
    expect(await first.locator('details li').count()).toBeGreaterThan(0);
    // The map itself fits the phone (the logged-in header's menu is the layout's business).
    const box = await page.locator('#gap-map').evaluate((el) => {
      const e = el as unknown as { scrollWidth: number; getBoundingClientRect(): { right: number } };
      return { scroll: e.scrollWidth, right: e.getBoundingClientRect().right };
    });
    expect(box.right).toBeLessThanOrEqual(360);
    expect(box.scroll).toBeLessThanOrEqual(360);
    await screenshot(page, 'gaps-amman-360');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Unduh CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^peta-celah-amman-smelter-sumbawa-barat-.*\.csv$/);
    // The browser's own min/max stop a typed 0; the server still answers a crafted URL with the form.
    await page.goto('/reports/gaps?estate=amman-smelter-sumbawa-barat&radius_km=0');
    await page.getByText('Radius harus 1–500 km.').waitFor();
    expect(problems.take({ allow: [/status of 422/] })).toEqual([]);
    await context.close();
  });
});
