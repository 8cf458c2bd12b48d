import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountDelaySeconds, LOGIN_LIMITS } from '../../src/auth/throttle.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';

let t: TestApp;
let now = new Date('2026-03-02T08:00:00Z');
const advance = (seconds: number) => {
  now = new Date(now.getTime() + seconds * 1000);
};
beforeAll(async () => {
  t = await createTestApp({ now: () => now });
});
afterAll(() => t.close());

const A = LOGIN_LIMITS.perAccount;

describe('per-address limit at a venue', () => {
  it('lets a whole room behind one address log in: successes never count', async () => {
    const users = await Promise.all([1, 2, 3, 4, 5].map(() => makeUser(t.db.sql)));
    for (let i = 0; i < 45; i++) {
      const u = users[i % users.length]!;
      const res = await t.client({ ip: '203.0.113.10' }).login(u.email, u.password);
      expect(res.status, `login ${i + 1}`).toBe(303);
    }
  });

  it('refuses an address after too many failures across accounts, and only that address', async () => {
    const ip = '203.0.113.20';
    for (let i = 0; i < LOGIN_LIMITS.perIpFailures.limit; i++) {
      expect((await t.client({ ip }).login(`spray-${i}@example.test`, 'guess-password')).status).toBe(422);
    }
    const blocked = await t.client({ ip }).login('spray-x@example.test', 'guess-password');
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
    const other = await t.client({ ip: '203.0.113.21' }).login('spray-x@example.test', 'guess-password');
    expect(other.status).toBe(422);
  });
});

describe('per-account progressive delay', () => {
  it('slows guessing from many addresses with a doubling delay, then lets the owner in', async () => {
    const u = await makeUser(t.db.sql);
    for (let i = 0; i < A.freeFailures; i++) {
      expect((await t.client().login(u.email, `wrong-${i}`)).status).toBe(422);
    }
    const blocked = await t.client().login(u.email, u.password);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe(String(A.baseSeconds));
    expect(await blocked.text()).toContain(`Coba lagi dalam ${A.baseSeconds} detik`);
    advance(A.baseSeconds);
    expect((await t.client().login(u.email, 'wrong-again')).status).toBe(422);
    const doubled = await t.client().login(u.email, u.password);
    expect(doubled.headers.get('retry-after')).toBe(String(A.baseSeconds * 2));
    advance(A.baseSeconds * 2);
    expect((await t.client().login(u.email, u.password)).status).toBe(303);
    expect((await t.client().login(u.email, 'one-typo')).status).toBe(422);
  });

  it('never makes the owner wait longer than the cap', async () => {
    const u = await makeUser(t.db.sql);
    for (let i = 0; i < A.freeFailures + 12; i++) {
      await t.client().login(u.email, `wrong-${i}`);
      advance(A.capSeconds);
    }
    advance(-A.capSeconds);
    const blocked = await t.client().login(u.email, u.password);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeLessThanOrEqual(A.capSeconds);
    expect(await blocked.text()).toContain('Coba lagi dalam 5 menit');
    advance(A.capSeconds);
    expect((await t.client().login(u.email, u.password)).status).toBe(303);
  });

  it('lets the owner in at once from a browser that logged in to the account before', async () => {
    const u = await makeUser(t.db.sql);
    const owner = t.client();
    expect((await owner.login(u.email, u.password)).status).toBe(303);
    await owner.post('/logout');
    for (let i = 0; i < A.freeFailures + 3; i++) await t.client().login(u.email, `wrong-${i}`);
    expect((await t.client().login(u.email, u.password)).status).toBe(429);
    expect((await owner.login(u.email, u.password)).status).toBe(303);
  });
});

describe('account + address pair limit', () => {
  it('stops one address guessing one account, while the owner elsewhere still logs in', async () => {
    const u = await makeUser(t.db.sql);
    const ip = '198.51.100.5';
    for (let i = 0; i < LOGIN_LIMITS.perPairFailures.limit; i++) {
      expect((await t.client({ ip }).login(u.email, `wrong-${i}`)).status).toBe(422);
      advance(accountDelaySeconds(i + 1));
    }
    const blocked = await t.client({ ip }).login(u.email, u.password);
    expect(blocked.status).toBe(429);
    const elsewhere = await t.client({ ip: '198.51.100.6' }).login(u.email, u.password);
    expect(elsewhere.status).toBe(303);
  });
});

describe('client address behind a proxy (TRUST_PROXY=true)', () => {
  it('counts failures against the hop the proxy saw, whatever the client prepends', async () => {
    const u = await makeUser(t.db.sql);
    for (let i = 0; i < LOGIN_LIMITS.perPairFailures.limit; i++) {
      const forged = `6.6.${i}.6, 198.51.100.40`;
      expect((await t.client({ ip: forged }).login(u.email, `wrong-${i}`)).status).toBe(422);
      advance(accountDelaySeconds(i + 1));
    }
    const res = await t.client({ ip: '7.7.7.7, 198.51.100.40' }).login(u.email, u.password);
    expect(res.status).toBe(429);
  });
});

describe('429 for htmx', () => {
  it('answers an htmx login post with a 429 fragment that carries the message', async () => {
    const u = await makeUser(t.db.sql);
    for (let i = 0; i < A.freeFailures; i++) await t.client().login(u.email, `wrong-${i}`);
    const res = await t.client().post('/login', { email: u.email, password: 'x' }, { 'hx-request': 'true' });
    expect(res.status).toBe(429);
    const html = await res.text();
    expect(html).not.toContain('<html');
    expect(html).toContain('Terlalu banyak percobaan masuk');
  });
});
