import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';

let t: TestApp;
let admin: Awaited<ReturnType<typeof makeUser>>;
let name: string;
const ICS = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Pasok//ID\r\nEND:VCALENDAR\r\n';

beforeAll(async () => {
  t = await createTestApp();
  admin = await makeUser(t.db.sql, { platformRole: 'admin' });
  const sent = await t.deps.mailer.send({
    to: 'Baiq Nurul <baiq@example.test>',
    subject: 'Undangan temu usaha — Rp 1,2 miliar, Sumbawa Barat',
    text: 'Halo Baiq,\nPertemuan Anda pukul 09.30 WITA di meja 4.\n<script>alert(1)</script>',
    html: '<p>Halo <b>Baiq</b></p><script>alert("x")</script><img src="https://evil.test/p.png">',
    attachments: [{ filename: 'temu-usaha.ics', content: ICS, contentType: 'text/calendar; method=PUBLISH' }],
  });
  name = sent.file!;
});
afterAll(() => t.close());

async function adminClient() {
  const c = t.client();
  await c.login(admin.email, admin.password);
  return c;
}

describe('the admin mail viewer', () => {
  it('shows a message the mailer wrote as headers, text and attachments, not as MIME', async () => {
    const c = await adminClient();
    const list = await (await c.get('/admin/mail')).text();
    expect(list).toContain(`/admin/mail/${name}`);
    const res = await c.get(`/admin/mail/${name}?tz=Asia/Makassar`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('Undangan temu usaha — Rp 1,2 miliar, Sumbawa Barat');
    expect(html).toContain('Baiq Nurul &lt;baiq@example.test&gt;');
    expect(html).toMatch(/\d\d\.\d\d WITA/);
    expect(html).toContain('Pertemuan Anda pukul 09.30 WITA di meja 4.');
    expect(html).not.toContain('Content-Transfer-Encoding');
    expect(html).not.toContain('=?UTF-8?');
    expect(html).toContain(`href="/admin/mail/${name}/attachments/2"`);
    expect(html).toContain('temu-usaha.ics');
    expect(html).toContain(`href="/admin/mail/${name}/raw"`);
  });

  it('never puts the message’s markup into the page', async () => {
    const html = await (await (await adminClient()).get(`/admin/mail/${name}`)).text();
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('evil.test');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('shows the date in WIB by default and in the zone asked for', async () => {
    const c = await adminClient();
    expect(await (await c.get(`/admin/mail/${name}`)).text()).toMatch(/\d\d\.\d\d WIB/);
    expect(await (await c.get(`/admin/mail/${name}?tz=Asia/Jayapura`)).text()).toMatch(/\d\d\.\d\d WIT</);
    expect((await c.get(`/admin/mail/${name}?tz=Europe/Berlin`)).status).toBe(200);
  });

  it('downloads the .ics attachment and keeps the raw message as plain text', async () => {
    const c = await adminClient();
    const ics = await c.get(`/admin/mail/${name}/attachments/2`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    expect(ics.headers.get('content-disposition')).toContain('attachment; filename="temu-usaha.ics"');
    expect(await ics.text()).toBe(ICS);
    const raw = await c.get(`/admin/mail/${name}/raw`);
    expect(raw.headers.get('content-type')).toContain('text/plain');
    expect(raw.headers.get('content-security-policy')).toContain('sandbox');
    expect(await raw.text()).toContain('Content-Type: multipart/mixed');
  });

  it('answers 404 for unknown messages and parts, and refuses non-admins', async () => {
    const c = await adminClient();
    expect((await c.get(`/admin/mail/${name}/attachments/0`)).status).toBe(404);
    expect((await c.get(`/admin/mail/${name}/attachments/99`)).status).toBe(404);
    expect((await c.get(`/admin/mail/${name}/attachments/x`)).status).toBe(404);
    expect((await c.get('/admin/mail/00000000-0000-0000-0000-000000000000.eml')).status).toBe(404);
    expect((await c.get('/admin/mail/..%2F..%2Fetc%2Fpasswd/raw')).status).toBe(404);
    const fac = await makeUser(t.db.sql, { platformRole: 'facilitator' });
    const f = t.client();
    await f.login(fac.email, fac.password);
    expect((await f.get(`/admin/mail/${name}`)).status).toBe(403);
    expect((await f.get(`/admin/mail/${name}/raw`)).status).toBe(403);
    expect((await f.get(`/admin/mail/${name}/attachments/2`)).status).toBe(403);
  });
});
