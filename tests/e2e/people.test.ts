import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, logIn } from './helpers/auth.js';
import { launchBrowser, newContext } from './helpers/browser.js';
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

/** The few element members the overflow check reads (the E2E tests compile without DOM types). */
interface Box {
  tagName: string;
  className: string;
  id: string;
  closest(selector: string): unknown;
  getBoundingClientRect(): { right: number };
}

const pageWidth = (page: Page) =>
  page.locator('html').evaluate((html) => (html as { scrollWidth: number }).scrollWidth);

describe('users administration and the privacy notice on a 360 px phone without JavaScript', () => {
  stopAfterFirstFailure();

  it('lets the admin find a user and open their page, with no sideways scroll', async () => {
    const context = await newContext(browser, server.url, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await logIn(page, DEMO_USERS.admin.email);
    await page.goto('/admin/users');
    await page.getByLabel('Cari nama, e-mail, atau organisasi').fill('fasilitator@pasok.test');
    await page.getByRole('button', { name: 'Saring' }).click();
    const wide = await page.locator('body *').evaluateAll((els) =>
      (els as unknown as Box[])
        .filter((e) => !e.closest('.table-scroll') && e.getBoundingClientRect().right > 361)
        .slice(0, 5)
        .map((e) => `${e.tagName}.${e.className}#${e.id}`),
    );
    expect(wide).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await page.getByRole('link', { name: DEMO_USERS.facilitator.name }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      DEMO_USERS.facilitator.name,
    );
    expect(await page.getByLabel('Peran platform').inputValue()).toBe('facilitator');
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await context.close();
  });

  it('shows the privacy notice in Indonesian and English, linked from the footer', async () => {
    const context = await newContext(browser, server.url, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Pemberitahuan privasi' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Pemberitahuan privasi');
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    // On a phone the language switch sits in the header's <details> menu: open it first.
    await page.locator('header details.menu > summary').click();
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Privacy notice');
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await context.close();
  });
});
