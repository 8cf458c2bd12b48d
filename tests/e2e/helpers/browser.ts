import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';

/** Debian's chromium (`apt-get install chromium`); playwright's own download is never used. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Screenshots and other files a human looks at after a run; gitignored. */
export const ARTIFACTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../artifacts');

/** Headless Chromium with everything that phones home switched off, so runs are quiet and repeatable. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: run \`apt-get install -y chromium\` or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * A fresh cookie jar pointed at the server, so `page.goto('/login')` works. Waits give up
 * after 10 s, well inside vitest's test timeout, so a missing element fails with its locator.
 */
export async function newContext(
  browser: Browser,
  baseURL: string,
  opts: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, ...opts });
  context.setDefaultTimeout(10_000);
  return context;
}

/**
 * What would show up red in DevTools: console errors (CSP violations among them) and
 * uncaught exceptions. `take()` returns them and clears the list, so each step answers
 * for its own page loads; `allow` drops messages the step expects (a 422 from a form).
 */
export interface PageProblems {
  take(opts?: { allow?: RegExp[] }): string[];
}

/** The browser's automatic /favicon.ico request; the app has none, and that is no page fault. */
const ALWAYS_ALLOWED = [/status of 404 .*\(.*\/favicon\.ico\)$/];

/** Starts recording a page's console errors and uncaught exceptions. */
export function watchPage(page: Page): PageProblems {
  let problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  return {
    take({ allow = [] } = {}) {
      const out = problems.filter((p) => ![...ALWAYS_ALLOWED, ...allow].some((re) => re.test(p)));
      problems = [];
      return out;
    },
  };
}

/** Saves a full-page PNG under tests/e2e/artifacts and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
