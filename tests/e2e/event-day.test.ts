import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, logIn } from './helpers/auth.js';
import { launchBrowser, newContext, type PageProblems, screenshot, watchPage } from './helpers/browser.js';
import { measureWidth } from './helpers/crawl.js';
import { type RunningServer, startServer } from './helpers/server.js';
import { stopAfterFirstFailure } from './helpers/steps.js';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  // A loaded machine can take over a minute to boot the server: try a few times, as bench:weight does.
  for (let attempt = 1; !server; attempt++) {
    try {
      server = await startServer();
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const SUPPLIER_ORG = 'CV Sinar Logam Presisi';
const SUPPLIER_NAME = 'Asep Saepudin';
const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const field = (page: Page, name: string) => page.locator(`form [name="${name}"]`);
const flash = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });

/**
 * The server has no injectable clock, so the event is today with three 20-minute slots starting
 * 2 to 7 minutes from now: the first slot's check-in is open at once (it opens 15 minutes before
 * the start), the third one's opens 25+ minutes from now, so checking in for it is early. An
 * event's window cannot cross midnight, so the event is held in WIB unless the coming hour crosses
 * midnight there; then in WITA or WIT, an hour later each, where it does not.
 */
function todaysWindow(zone: string, now = new Date()) {
  const start = new Date(Math.ceil((now.getTime() + 2 * 60_000) / 300_000) * 300_000);
  const end = new Date(start.getTime() + 60 * 60_000);
  const parts = (d: Date) =>
    Object.fromEntries(
      new Intl.DateTimeFormat('en-CA', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(d)
        .map((p) => [p.type, p.value]),
    );
  const s = parts(start);
  const e = parts(end);
  // Half an hour to spare: the file's tests run for a few minutes after the zone is chosen.
  const late = new Date(end.getTime() + 30 * 60_000);
  const date = `${s.year}-${s.month}-${s.day}`;
  return {
    date,
    windows: `${s.hour}.${s.minute}-${e.hour}.${e.minute}`,
    withinDay: [now, late].every((d) => {
      const p = parts(d);
      return `${p.year}-${p.month}-${p.day}` === date;
    }),
  };
}

const ZONES = [
  { zone: 'Asia/Jakarta', label: 'WIB' },
  { zone: 'Asia/Makassar', label: 'WITA' },
  { zone: 'Asia/Jayapura', label: 'WIT' },
] as const;
/** Where the event is held (see todaysWindow), chosen once for the whole file. */
const { zone: ZONE, label: ZONE_LABEL } = ZONES.find(({ zone }) => todaysWindow(zone).withinDay)!;

/** The page fits a 360 px phone: nothing scrolls sideways. */
async function fitsPhone(page: Page): Promise<void> {
  const { scrollWidth, widest } = await measureWidth(page, 360);
  expect(scrollWidth, `widest: ${widest}`).toBeLessThanOrEqual(360);
}

describe('an event day on a facilitator’s phone, without JavaScript', () => {
  stopAfterFirstFailure();
  let staff: { context: BrowserContext; page: Page; problems: PageProblems };
  let eventUrl: string;
  const codeOf = async (name: string): Promise<string> => {
    const { page } = staff;
    await page.goto(`${eventUrl}/badges`);
    const code = page.locator('article.name-badge', { hasText: name }).locator('.badge-code strong');
    return (await code.textContent())!.trim();
  };
  const typeCode = async (code: string) => {
    const { page } = staff;
    await page.goto(`${eventUrl}/check-in`);
    // Lower case with a space, as a hurried facilitator types it: the code is normalised.
    await field(page, 'code').fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`);
    await page.getByRole('button', { name: 'Cari peserta' }).click();
  };

  beforeAll(async () => {
    const context = await newContext(browser, server.url, {
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    staff = { context, page, problems: watchPage(page) };
    await logIn(page, DEMO_USERS.facilitator.email);
  });
  afterAll(async () => {
    await staff?.context.close();
  });

  it('sets up today’s event with the IKM registered', async () => {
    const { page, problems } = staff;
    const today = todaysWindow(ZONE);
    await page.goto('/events/new');
    await field(page, 'name').fill('Temu Usaha Hari Ini');
    await field(page, 'venue').fill('Aula Disperin, Bandung');
    await field(page, 'timezone').selectOption(ZONE);
    await field(page, 'days.0.date').fill(today.date);
    await field(page, 'days.0.windows').fill(today.windows);
    await field(page, 'slot_minutes').fill('20');
    await field(page, 'tables').fill('1');
    await page.getByRole('button', { name: 'Simpan acara' }).click();
    await flash(page, 'Acara dibuat.').waitFor();
    eventUrl = new URL(page.url()).pathname;
    await page.goto(`${eventUrl}/register`);
    await field(page, 'organization_id').selectOption({ label: `${SUPPLIER_ORG} · IKM (pemasok)` });
    await field(page, 'name').fill(SUPPLIER_NAME);
    await page.getByRole('button', { name: 'Daftarkan perwakilan' }).click();
    await flash(page, 'Pendaftaran terkirim.').waitFor();
    expect(problems.take()).toEqual([]);
  });

  it('registers a walk-in buyer and places them into the first free slot with the IKM', async () => {
    const { page, problems } = staff;
    await page.goto(`${eventUrl}/walk-ins`);
    await heading(page, /^Walk-in · /).waitFor();
    await fitsPhone(page);
    await field(page, 'name').fill('Rina Marlina');
    await field(page, 'organization_name').fill('PT Baja Datang Langsung');
    await field(page, 'kind').selectOption('buyer');
    await field(page, 'whatsapp').fill('0812 3456 7890');
    await page.getByRole('button', { name: 'Daftarkan walk-in' }).click();
    await flash(page, 'Walk-in terdaftar.').waitFor();
    await heading(page, 'Tempatkan Rina Marlina').waitFor();
    await fitsPhone(page);
    const card = page.locator('article.checkin-card', { hasText: SUPPLIER_NAME });
    expect(await card.getByRole('button').count()).toBe(3);
    await card.getByRole('button').first().click();
    await flash(page, 'Pertemuan ditempatkan.').waitFor();
    await screenshot(page, 'event-day-walk-in-placed');
    expect(problems.take()).toEqual([]);
  });

  it('checks the IKM in by the typed badge code, with a confirmation first', async () => {
    const { page, problems } = staff;
    const code = await codeOf(SUPPLIER_NAME);
    expect(code).toMatch(/^[0-9A-Z]{6}$/);
    await typeCode(code);
    await heading(page, SUPPLIER_NAME).waitFor();
    await fitsPhone(page);
    const meeting = page.locator('article.checkin-card');
    expect(await meeting.textContent()).toContain('Bertemu Rina Marlina (PT Baja Datang Langsung)');
    expect(await page.getByRole('note').count()).toBe(0);
    await page.getByRole('button', { name: 'Check-in sekarang' }).click();
    await flash(page, 'Kehadiran dicatat.').waitFor();
    await typeCode(code);
    await page.getByText('Sudah check-in untuk pertemuan ini.').waitFor();
    expect(problems.take()).toEqual([]);
  });

  it('refuses a check-in more than 15 minutes before the meeting with the 409 message', async () => {
    const { page, problems } = staff;
    await page.goto(`${eventUrl}/walk-ins`);
    await field(page, 'name').fill('Dodi Kurniawan');
    await field(page, 'organization_name').fill('PT Mesin Terlambat');
    await field(page, 'kind').selectOption('buyer');
    await field(page, 'whatsapp').fill('0813 1111 2222');
    await page.getByRole('button', { name: 'Daftarkan walk-in' }).click();
    await heading(page, 'Tempatkan Dodi Kurniawan').waitFor();
    // The IKM is busy in the first slot, so the last button is the third slot, 40 minutes on.
    await page.locator('article.checkin-card', { hasText: SUPPLIER_NAME }).getByRole('button').last().click();
    await flash(page, 'Pertemuan ditempatkan.').waitFor();
    await typeCode(await codeOf('Dodi Kurniawan'));
    await heading(page, 'Dodi Kurniawan').waitFor();
    await page.getByRole('note').filter({ hasText: 'belum dibuka' }).waitFor();
    const response = page.waitForResponse((r) => r.url().endsWith('/check-in/confirm'));
    await page.getByRole('button', { name: 'Check-in sekarang' }).click();
    expect((await response).status()).toBe(409);
    await page
      .getByText(new RegExp(`Check-in belum dibuka\\. Check-in dibuka \\d{2}\\.\\d{2} ${ZONE_LABEL}`))
      .waitFor();
    await fitsPhone(page);
    expect(problems.take({ allow: [/status of 409/] })).toEqual([]);
  });

  it('marks a no-show and refills the freed seat with a waiting walk-in in one tap', async () => {
    const { page, problems } = staff;
    await page.goto(`${eventUrl}/walk-ins`);
    await field(page, 'name').fill('Wati Susanti');
    await field(page, 'organization_name').fill('PT Cadangan Siaga');
    await field(page, 'kind').selectOption('buyer');
    await field(page, 'whatsapp').fill('0814 3333 4444');
    await page.getByRole('button', { name: 'Daftarkan walk-in' }).click();
    await heading(page, 'Tempatkan Wati Susanti').waitFor();

    await page.goto(`${eventUrl}/sheets`);
    await page.getByRole('link', { name: 'Absensi' }).first().click();
    await heading(page, /^Absensi /).waitFor();
    await fitsPhone(page);
    const first = page.locator('article.checkin-card', { hasText: 'Rina Marlina' });
    await first.getByRole('button', { name: 'Rina Marlina tidak hadir' }).click();
    await flash(page, 'Kehadiran dicatat.').waitFor();
    await page
      .locator('article.checkin-card', { hasText: 'Rina Marlina' })
      .getByRole('link', { name: 'Isi slot kosong' })
      .click();
    await heading(page, /^Isi slot /).waitFor();
    await fitsPhone(page);
    await page.getByText(`${SUPPLIER_NAME} hadir`).waitFor();
    const candidate = page.locator('form', { hasText: 'Wati Susanti' });
    await candidate.getByRole('button').click();
    await flash(page, 'Slot terisi dengan pertemuan baru.').waitFor();
    const cards = page.locator('article.checkin-card');
    expect(await cards.filter({ hasText: 'Wati Susanti' }).count()).toBe(1);
    await screenshot(page, 'event-day-refilled');
    expect(problems.take()).toEqual([]);
  });
});
