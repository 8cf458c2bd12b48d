import type { Page } from 'playwright-core';

/** The password of every demo user the server seeds with `SEED=demo`. */
export const DEMO_PASSWORD = 'pasok-demo-2026';

export const DEMO_USERS = {
  admin: { email: 'admin@pasok.test', name: 'Admin Pasok' },
  facilitator: { email: 'fasilitator@pasok.test', name: 'Baiq Nurul Aini' },
  buyer: { email: 'pembeli@pasok.test', name: 'Hendra Wijaya' },
  supplier: { email: 'ikm@pasok.test', name: 'Asep Saepudin' },
} as const;

/**
 * Logs in through the real form, in whichever language the page is in, and waits until
 * the browser has left /login. For tests that need a session, not tests of logging in.
 */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  const form = page.locator('form[action="/login"]');
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(password);
  await form.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname !== '/login');
}
