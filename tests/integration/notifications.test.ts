import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailHandler } from '../../src/jobs/workers.js';
import { notify } from '../../src/notifications/service.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { storedMail } from '../helpers/mail.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('notifications and mail', () => {
  it("records a notification in the recipient's language and emails it through the job queue", async () => {
    const en = await makeUser(t.db.sql, { email: 'en-user@example.test', name: 'Eng' });
    await t.db.sql`update users set locale = 'en' where id = ${en.user.id}`;
    const id = await makeUser(t.db.sql, { email: 'id-user@example.test', name: 'Indo' });
    await t.db.sql.begin(async (tx) => {
      for (const u of [en, id]) {
        await notify(
          tx,
          t.deps.jobs,
          {
            userId: u.user.id,
            kind: 'test',
            titleKey: 'notifications.title',
            bodyKey: 'home.lead',
            link: '/account',
            email: true,
          },
          t.deps.config.appOrigin,
        );
      }
    });
    const sent = await t.deps.jobs!.drain(
      'mail.send',
      mailHandler({ sql: t.db.sql, mailer: t.deps.mailer, logger: t.deps.logger }),
    );
    expect(sent).toBe(2);
    const files = await storedMail(t.db.sql);
    const toEn = files.find((f) => f.includes('en-user@example.test'))!;
    const toId = files.find((f) => f.includes('id-user@example.test'))!;
    expect(toEn).toMatch(/Subject: \[Pasok\] Notifications/);
    expect(toEn).toContain('http://pasok.test/account');
    expect(toId).toMatch(/Subject: \[Pasok\] Notifikasi/);

    const c = t.client();
    await c.login(id.email, id.password);
    const home = await (await c.get('/')).text();
    expect(home).toContain('class="badge count">1<');
    const page = await (await c.get('/notifications')).text();
    expect(page).toContain('Pasok mempertemukan');
    const action = /action="(\/notifications\/[0-9a-f-]+\/open\?to=[^"]+)"/
      .exec(page)![1]!
      .replaceAll('&amp;', '&');
    const open = await c.post(action);
    expect(open.headers.get('location')).toBe('/account');
    expect(await (await c.get('/')).text()).not.toContain('class="badge count"');
  });

  it('enqueues nothing when the transaction rolls back', async () => {
    const u = await makeUser(t.db.sql);
    await t.db.sql
      .begin(async (tx) => {
        await notify(
          tx,
          t.deps.jobs,
          {
            userId: u.user.id,
            kind: 'x',
            titleKey: 'notifications.title',
            bodyKey: 'home.lead',
            email: true,
          },
          '',
        );
        throw new Error('rollback');
      })
      .catch(() => {});
    const [{ n }] = (await t.db
      .sql`select count(*)::int as n from notifications where user_id = ${u.user.id}`) as unknown as [
      { n: number },
    ];
    expect(n).toBe(0);
    expect(await t.deps.jobs!.drain('mail.send', async () => {})).toBe(0);
  });

  it('lists written mail for admins only, with the raw message as plain text', async () => {
    const admin = await makeUser(t.db.sql, { platformRole: 'admin' });
    const other = await makeUser(t.db.sql, { platformRole: 'facilitator' });
    const a = t.client();
    await a.login(admin.email, admin.password);
    const list = await (await a.get('/admin/mail')).text();
    const link = /href="(\/admin\/mail\/[^"]+\.eml)"/.exec(list)?.[1];
    expect(link).toBeTruthy();
    const one = await a.get(`${link!}/raw`);
    expect(one.headers.get('content-type')).toContain('text/plain');
    expect((await a.get('/admin/mail/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    const f = t.client();
    await f.login(other.email, other.password);
    expect((await f.get('/admin/mail')).status).toBe(403);
  });
});
