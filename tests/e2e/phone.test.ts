import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, logIn } from './helpers/auth.js';
import { launchBrowser, newContext } from './helpers/browser.js';
import { measureWidth, pageLinks, pathPattern } from './helpers/crawl.js';
import { type RunningServer, startServer } from './helpers/server.js';

/** A cheap Android phone: the width the issue measured every page at. */
const PHONE = { width: 360, height: 740 };
/** Pages visited per role at most; the crawl stops there so a bug cannot make it endless. */
const MAX_PAGES = 70;
/** Links never followed: downloads, exports, files, and anything that leaves the session. */
const SKIP =
  /^\/(logout|lang)\b|\.(csv|xlsx|ics|pdf|zip|png|jpe?g|webp|eml|json)$|\/(export|download|files|assets|api)(\/|\.|$)/;

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

interface Overflow {
  path: string;
  scrollWidth: number;
  widest: string;
}

/**
 * Visits every same-origin GET link reachable from `/` for the logged-in role (breadth first,
 * one page per path pattern, bounded) at 360×740 with mobile emulation, and records each page whose
 * document is wider than the device. The crawl picks up pages added later without changes here.
 */
async function crawl(email: string | null): Promise<{ checked: string[]; overflows: Overflow[] }> {
  const context = await newContext(browser, server.url, {
    viewport: PHONE,
    screen: PHONE,
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  const page = await context.newPage();
  try {
    if (email) await logIn(page, email);
    const seen = new Set<string>();
    const queue = ['/'];
    const checked: string[] = [];
    const overflows: Overflow[] = [];
    while (queue.length > 0 && checked.length < MAX_PAGES) {
      const target = queue.shift() as string;
      const res = await page.goto(target, { waitUntil: 'load' });
      const type = res?.headers()['content-type'] ?? '';
      if (!res || !type.includes('text/html') || new URL(page.url()).origin !== server.url) continue;
      const path = new URL(page.url()).pathname;
      checked.push(`${res.status()} ${target}`);
      const { scrollWidth, widest } = await measureWidth(page, PHONE.width);
      if (scrollWidth > PHONE.width) overflows.push({ path: target, scrollWidth, widest });
      const hrefs = await pageLinks(page);
      for (const href of hrefs) {
        const url = new URL(href, server.url + path);
        if (url.origin !== server.url || SKIP.test(url.pathname)) continue;
        const key = pathPattern(url.pathname);
        if (seen.has(key)) continue;
        seen.add(key);
        queue.push(url.pathname + url.search);
      }
    }
    return { checked, overflows };
  } finally {
    await context.close();
  }
}

const ROLES: [string, string | null][] = [
  ['anonymous visitor', null],
  ['IKM supplier', DEMO_USERS.supplier.email],
  ['buyer (estate tenant)', DEMO_USERS.buyer.email],
  ['facilitator', DEMO_USERS.facilitator.email],
  ['admin', DEMO_USERS.admin.email],
];

describe('every page fits a 360 px phone', () => {
  for (const [role, email] of ROLES) {
    it(`for the ${role}: no page is wider than the device`, async () => {
      const { checked, overflows } = await crawl(email);
      console.log(`[phone] ${role}: ${checked.length} pages\n  ${checked.join('\n  ')}`);
      if (overflows.length) {
        console.log(
          `[phone] ${role} overflows:\n  ${overflows.map((o) => `${o.path} ${o.scrollWidth}px ${o.widest}`).join('\n  ')}`,
        );
      }
      expect(checked.length).toBeGreaterThan(email ? 5 : 2);
      expect(overflows).toEqual([]);
    }, 300_000);
  }
});
