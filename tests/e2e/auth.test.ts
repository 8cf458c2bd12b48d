import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS, logIn } from './helpers/auth.js';
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

const htmlLang = (page: Page) => page.locator('html').getAttribute('lang');
const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const navButton = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('button', { name, exact: true });
const pathOf = (page: Page) => new URL(page.url()).pathname + new URL(page.url()).search;

/** A browser tab with its own cookies whose console is watched for errors. */
async function openTab(opts: { javaScriptEnabled?: boolean } = {}) {
  const context = await newContext(browser, server.url, opts);
  const page = await context.newPage();
  return { context, page, problems: watchPage(page) };
}

describe('a visitor signs up, logs out and in, and chooses a language', () => {
  stopAfterFirstFailure();
  const id = randomUUID().slice(0, 8);
  const user = {
    name: `Siti Rahmawati ${id}`,
    email: `siti-${id}@e2e.test`,
    password: 'rahasia-panjang-2026',
  };
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    ({ context, page, problems } = await openTab());
  });
  afterAll(async () => {
    await context?.close();
  });

  it('registers with a buyer organisation, logs in and lands on the full home page', async () => {
    await page.goto('/register');
    await page.fill('input[name="name"]', user.name);
    await page.fill('input[name="email"]', user.email);
    await page.fill('input[name="password"]', user.password);
    await page.fill('input[name="password_confirm"]', user.password);
    await page.fill('input[name="org_name"]', `PT Uji Coba ${id}`);
    await page.selectOption('select[name="org_kind"]', 'buyer');
    await page.getByRole('button', { name: 'Daftar', exact: true }).click();

    // The same answer for new and known addresses: the login page, and an e-mail.
    await page.waitForURL('**/login');
    await page.getByRole('status').filter({ hasText: 'Kami telah mengirim email' }).waitFor();
    await page.fill('input[name="email"]', user.email);
    await page.fill('input[name="password"]', user.password);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();

    await heading(page, `Halo, ${user.name}`).waitFor();
    expect(pathOf(page)).toBe('/');
    expect(await page.locator('#home li').textContent()).toContain(
      `PT Uji Coba ${id} · Investor / tenant kawasan`,
    );
    expect(await navButton(page, 'Keluar').count(), 'the page shell with its nav').toBe(1);
    expect(await page.title()).toBe('Selamat datang di Pasok · Pasok');
    expect(problems.take()).toEqual([]);
  });

  it('logs out from the navigation and is shown the login form', async () => {
    await navButton(page, 'Keluar').click();
    await page.waitForURL('**/login');
    await page.getByRole('status').filter({ hasText: 'Anda telah keluar.' }).waitFor();
    expect(await navButton(page, 'Keluar').count()).toBe(0);
    expect(problems.take()).toEqual([]);
  });

  it('rejects a wrong password with a message and keeps the form usable', async () => {
    await page.fill('input[name="email"]', user.email);
    await page.fill('input[name="password"]', 'bukan-kata-sandinya');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();

    await page.getByRole('alert').filter({ hasText: 'Email atau kata sandi salah.' }).waitFor();
    expect(pathOf(page)).toBe('/login');
    expect(await page.inputValue('input[name="email"]')).toBe(user.email);
    expect(await page.inputValue('input[name="password"]')).toBe('');
    expect(await page.getByRole('button', { name: 'Masuk', exact: true }).isEnabled()).toBe(true);
    // htmx posts the form; the browser logs the 422 it answers with.
    expect(problems.take({ allow: [/status of 422 .*\/login\)$/] })).toEqual([]);
  });

  it('logs in with the right password and is greeted on the home page', async () => {
    await page.fill('input[name="password"]', user.password);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();

    await heading(page, `Halo, ${user.name}`).waitFor();
    expect(pathOf(page)).toBe('/');
    expect(await navButton(page, 'Keluar').count(), 'the page shell with its nav').toBe(1);
    expect(await page.title()).toBe('Selamat datang di Pasok · Pasok');
    expect(problems.take()).toEqual([]);
  });

  it('switches the interface to English', async () => {
    await navButton(page, 'English').click();

    await heading(page, `Hello, ${user.name}`).waitFor();
    expect(pathOf(page)).toBe('/');
    expect(await htmlLang(page)).toBe('en');
    expect(await navButton(page, 'Bahasa Indonesia').isVisible()).toBe(true);
    expect(await navButton(page, 'Log out').isVisible()).toBe(true);
    await screenshot(page, 'home-en');
    expect(problems.take()).toEqual([]);
  });

  it('keeps English after navigating to the account page', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Account', exact: true }).click();

    await heading(page, 'My account').waitFor();
    expect(pathOf(page)).toBe('/account');
    expect(await htmlLang(page)).toBe('en');
    expect(problems.take()).toEqual([]);
  });

  it('switches back to Indonesian and stays on the same page', async () => {
    await navButton(page, 'Bahasa Indonesia').click();

    await heading(page, 'Akun saya').waitFor();
    expect(pathOf(page)).toBe('/account');
    expect(await htmlLang(page)).toBe('id');
    expect(await navButton(page, 'English').isVisible()).toBe(true);
    expect(problems.take()).toEqual([]);
  });

  it('logs out, after which the account page sends the visitor to the login form', async () => {
    await navButton(page, 'Keluar').click();
    await page.waitForURL('**/login');

    await page.goto('/account');
    expect(pathOf(page)).toBe(`/login?next=${encodeURIComponent('/account')}`);
    await heading(page, 'Masuk').waitFor();
    expect(await htmlLang(page)).toBe('id');
    expect(problems.take()).toEqual([]);
  });
});

describe('htmx answers it does not swap', () => {
  it('shows a 429 from the login form, then a network failure, in the alert region', async () => {
    const { context, page, problems } = await openTab();
    const submit = async () => {
      const answered = page.waitForResponse(
        (r) => r.url().endsWith('/login') && r.request().method() === 'POST',
      );
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      return (await answered).status();
    };
    try {
      const email = `tamu-${randomUUID().slice(0, 8)}@e2e.test`;
      await page.goto('/login');
      let status = 0;
      for (let i = 0; i < 10 && status !== 429; i++) {
        await page.fill('input[name="email"]', email);
        await page.fill('input[name="password"]', `salah-${i}`);
        status = await submit();
      }
      expect(status).toBe(429);
      const alert = page.locator('#htmx-alert');
      await alert.filter({ hasText: 'Terlalu banyak percobaan masuk' }).waitFor();
      expect(await alert.getAttribute('role')).toBe('alert');

      await context.setOffline(true);
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      await alert.filter({ hasText: 'Tidak dapat terhubung ke server' }).waitFor();
      await context.setOffline(false);
      problems.take();
    } finally {
      await context.close();
    }
  });
});

describe('a demo account', () => {
  it('logs in as the demo facilitator and sees the facilitator role', async () => {
    const { context, page, problems } = await openTab();
    try {
      await logIn(page, DEMO_USERS.facilitator.email);

      await heading(page, `Halo, ${DEMO_USERS.facilitator.name}`).waitFor();
      expect(await page.locator('#home .badge').textContent()).toBe('Fasilitator');
      expect(problems.take()).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('a visitor without JavaScript', () => {
  stopAfterFirstFailure();
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    ({ context, page, problems } = await openTab({ javaScriptEnabled: false }));
  });
  afterAll(async () => {
    await context?.close();
  });

  it('logs in with the plain form', async () => {
    await page.goto('/login');
    await page.fill('input[name="email"]', DEMO_USERS.buyer.email);
    await page.fill('input[name="password"]', DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();

    await heading(page, `Halo, ${DEMO_USERS.buyer.name}`).waitFor();
    expect(pathOf(page)).toBe('/');
    expect(await navButton(page, 'Keluar').isVisible()).toBe(true);
    expect(problems.take()).toEqual([]);
  });

  it('logs out with the plain form and loses access to the account page', async () => {
    await navButton(page, 'Keluar').click();
    await page.waitForURL('**/login');
    await page.getByRole('status').filter({ hasText: 'Anda telah keluar.' }).waitFor();

    await page.goto('/account');
    expect(pathOf(page)).toBe(`/login?next=${encodeURIComponent('/account')}`);
    expect(problems.take()).toEqual([]);
  });
});
