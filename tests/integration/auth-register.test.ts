import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPasswordStrength } from '../../src/auth/strength.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const STRONG = 'kapal-layar menuju Rinjani 2026';

async function mailsTo(email: string): Promise<{ subject: string; text: string }[]> {
  const rows = await t.db.sql<{ data: { subject: string; text: string } }[]>`
    select data from pgboss.job where name = 'mail.send' and data->>'to' = ${email} order by created_on`;
  return rows.map((r) => r.data);
}

function register(email: string, password = STRONG, extra: Record<string, string> = {}) {
  return t.client().post('/register', {
    name: 'Siti Rahma',
    email,
    password,
    password_confirm: password,
    ...extra,
  });
}

describe('registration does not reveal which e-mails have accounts', () => {
  it('answers a known and an unknown address the same way, with no session either way', async () => {
    const owner = await makeUser(t.db.sql, { email: 'known@example.test', name: 'Pemilik Lama' });
    const fresh = await register('fresh@example.test');
    const known = await register('Known@Example.test');
    for (const res of [fresh, known]) {
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/login');
      const cookies = res.headers.getSetCookie().map((l) => l.split('=')[0]);
      expect(cookies).not.toContain('pasok_session');
    }
    expect(fresh.headers.getSetCookie().map((l) => l.split('=')[0])).toEqual(
      known.headers.getSetCookie().map((l) => l.split('=')[0]),
    );
    expect(await fresh.text()).toBe(await known.text());
    const [{ n }] = (await t.db
      .sql`select count(*)::int as n from users where email = 'known@example.test'`) as unknown as [
      { n: number },
    ];
    expect(n).toBe(1);
    expect((await t.client().login(owner.email, owner.password)).status).toBe(303);
    expect((await t.client().login('known@example.test', STRONG)).status).toBe(422);
  });

  it('creates the new account with its organisation, e-mails a welcome, and the user logs in', async () => {
    const c = t.client();
    const res = await c.post('/register', {
      name: 'Wayan Sudarta',
      email: 'wayan@example.test',
      password: STRONG,
      password_confirm: STRONG,
      org_name: 'CV Maju Teknik',
      org_kind: 'supplier',
      next: '/account',
    });
    expect(res.headers.get('location')).toBe('/login?next=%2Faccount');
    expect(await (await c.get('/login')).text()).toContain('Kami telah mengirim email ke alamat tersebut');
    const mails = await mailsTo('wayan@example.test');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('Akun Pasok Anda siap');
    const login = await c.post('/login', { email: 'wayan@example.test', password: STRONG, next: '/account' });
    expect(login.headers.get('location')).toBe('/account');
    expect(await (await c.get('/')).text()).toContain('CV Maju Teknik');
  });

  it('e-mails the existing owner instead, in their language', async () => {
    await makeUser(t.db.sql, { email: 'owner2@example.test' });
    await t.db.sql`update users set locale = 'en' where email = 'owner2@example.test'`;
    await register('owner2@example.test');
    const mails = await mailsTo('owner2@example.test');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('Someone tried to register with your e-mail address');
    expect(mails[0]!.text).toContain('http://pasok.test/login');
  });
});

describe('password strength', () => {
  it('refuses guessable passwords on registration with a translated reason (422)', async () => {
    for (const weak of ['aaaaaaaaaa', 'rahasia123456', 'bismillah2026', 'password1234', 'Siti Rahma 2026']) {
      const res = await register(`weak-${weak.length}-${Math.random()}@example.test`, weak);
      expect(res.status, weak).toBe(422);
      const html = await res.text();
      expect(html, weak).toContain('Kata sandi ini terlalu mudah ditebak.');
    }
    const named = await (await register('siti.rahma@example.test', 'sitirahma2026')).text();
    expect(named).toContain('Jangan memakai nama, email, atau nama organisasi Anda.');
    const [{ n }] = (await t.db
      .sql`select count(*)::int as n from users where email like 'weak-%'`) as unknown as [{ n: number }];
    expect(n).toBe(0);
  });

  it('refuses a guessable new password on the account page, in English for English users', async () => {
    const u = await makeUser(t.db.sql);
    const c = t.client();
    await c.login(u.email, u.password);
    await c.post('/lang', { lang: 'en', next: '/account' });
    const res = await c.post('/account/password', {
      current_password: u.password,
      new_password: 'aaaaaaaaaa',
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('This password is too easy to guess.');
    expect((await t.client().login(u.email, u.password)).status).toBe(303);
  });

  it('refuses a very long repeated password and accepts a long passphrase', async () => {
    expect(await checkPasswordStrength('ab'.repeat(100), [])).not.toBeNull();
    expect(await checkPasswordStrength(`${STRONG} ${'x'.repeat(150)}`, [])).toBeNull();
  });

  it('keeps the demo password valid', async () => {
    expect(await checkPasswordStrength('pasok-demo-2026', [])).toBeNull();
  });
});
