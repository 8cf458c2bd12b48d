import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailMessage } from '../../src/mail/mailer.js';
import { createTestApp, type TestApp, type TestClient } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { createEvent, type EventJson, type Member, makeFacilitator, register } from './events-fixtures.js';

let t: TestApp;
let staff: Member;
let staffBrowser: TestClient;
let event: EventJson;
let verifiedOrg: string;
const NOW = new Date('2026-11-20T02:00:00Z');
const STRONG = 'kapal layar merah jingga';

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  staff = await makeFacilitator(t);
  staffBrowser = t.client({ ip: '10.0.0.1' });
  await staffBrowser.login(staff.email, staff.password);
  ({ event } = await createEvent(t, staff.token));
  const verified = await makeUser(t.db.sql, {
    name: 'Ahmad',
    org: { name: 'CV Logam Taliwang', kind: 'supplier' },
  });
  const draft = await makeUser(t.db.sql, {
    name: 'Budi',
    org: { name: 'CV Belum Kurasi', kind: 'supplier' },
  });
  const buyer = await makeUser(t.db.sql, {
    name: 'Citra',
    org: { name: 'PT Smelter Rahasia', kind: 'buyer' },
  });
  verifiedOrg = verified.orgId!;
  await t.db.sql`insert into suppliers (organization_id, legal_name, name_norm, status)
    values (${verified.orgId}, 'CV Logam Taliwang', 'cv logam taliwang', 'verified'),
           (${draft.orgId}, 'CV Belum Kurasi', 'cv belum kurasi', 'draft')`;
  for (const m of [verified, draft, buyer])
    await register(t, staff.token, event.id, { organization_id: m.orgId!, name: m.user.name });
});
afterAll(() => t.close());

const slugOf = async (id: string) =>
  (await t.db.sql<{ slug: string }[]>`select slug from events where id = ${id}`)[0]!.slug;

describe('public event page', () => {
  it('gives every event a slug from its name, and answers 404 while the page is not opened', async () => {
    const slug = await slugOf(event.id);
    expect(slug).toMatch(/^temu-usaha-smelter-sumbawa-[0-9a-f]{6}$/);
    const anon = t.client({ ip: '10.0.0.2' });
    expect((await anon.get(`/e/${slug}`)).status).toBe(404);
    expect((await anon.get(`/e/${slug}.ics`)).status).toBe(404);
    expect((await anon.post(`/e/${slug}/register`, { name: 'X' })).status).toBe(404);
    expect((await anon.get('/e/no-such-event')).status).toBe(404);
  });

  it('lets a facilitator choose the address and open the page; a taken address is a field error', async () => {
    const other = (await createEvent(t, staff.token, { name: 'Misi Dagang Subang' })).event;
    const res = await staffBrowser.post(`/events/${event.id}/public-page`, {
      slug: 'temu-sumbawa',
      open: '1',
    });
    expect(res.status).toBe(303);
    const taken = await staffBrowser.post(`/events/${other.id}/public-page`, {
      slug: 'temu-sumbawa',
      open: '1',
    });
    expect(taken.status).toBe(422);
    expect(await taken.text()).toContain('sudah dipakai');
    const bad = await staffBrowser.post(`/events/${other.id}/public-page`, { slug: '-Bad Slug', open: '1' });
    expect(bad.status).toBe(422);
    const member = t.client({ ip: '10.0.0.3' });
    const owner = await makeUser(t.db.sql, { org: { name: 'CV Iseng', kind: 'supplier' } });
    await member.login(owner.email, owner.password);
    expect(
      (await member.post(`/events/${event.id}/public-page`, { slug: 'dibajak', open: '1' })).status,
    ).toBe(403);
    expect(await slugOf(event.id)).toBe('temu-sumbawa');
  });

  it('shows venue, dates in the event zone and only verified suppliers, anonymously', async () => {
    const res = await t.client({ ip: '10.0.0.4' }).get('/e/temu-sumbawa');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Gedung Graha Bhakti, Taliwang');
    expect(html).toMatch(/1 Desember 2026 · 09\.00–10\.00 WITA/);
    expect(html).toContain(`href="/suppliers/${verifiedOrg}"`);
    expect(html).toContain('CV Logam Taliwang');
    expect(html).not.toContain('CV Belum Kurasi');
    expect(html).not.toContain('PT Smelter Rahasia');
    expect(html).toContain('action="/e/temu-sumbawa/register"');
  });

  it('serves the event as an .ics that ical.js reads, in the event zone', async () => {
    const res = await t.client({ ip: '10.0.0.4' }).get('/e/temu-sumbawa.ics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const root = new ICAL.Component(ICAL.parse(await res.text()));
    const vevents = root.getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(1);
    const e = new ICAL.Event(vevents[0]!);
    expect(e.summary).toBe('Temu Usaha Smelter Sumbawa');
    expect(e.location).toBe('Gedung Graha Bhakti, Taliwang');
    expect(e.startDate.toString()).toBe('2026-12-01T09:00:00');
    expect(vevents[0]!.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Asia/Makassar');
  });

  it('registers a new account and organisation into the approval queue', async () => {
    const anon = t.client({ ip: '10.0.0.5' });
    const res = await anon.post('/e/temu-sumbawa/register', {
      name: 'Dewi Lestari',
      email: 'dewi@bubut.test',
      password: STRONG,
      password_confirm: STRONG,
      org_name: 'UD Bubut Dewi',
      org_kind: 'supplier',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/e/temu-sumbawa?registered=1');
    const [p] = await t.db.sql<{ status: string; kind: string; name: string }[]>`
      select p.status, o.kind, o.name from event_participants p
      join organizations o on o.id = p.organization_id
      join users u on u.id = p.user_id
      where p.event_id = ${event.id} and u.email = 'dewi@bubut.test'`;
    expect(p).toEqual({ status: 'pending', kind: 'supplier', name: 'UD Bubut Dewi' });
    const queue = await (await staffBrowser.get(`/events/${event.id}/participants`)).text();
    expect(queue).toContain('Dewi Lestari');
    const mails: MailMessage[] = [];
    await t.deps.jobs!.drain<MailMessage>('mail.send', async (m) => {
      mails.push(m);
    });
    expect(mails.filter((m) => m.to === 'dewi@bubut.test')).toHaveLength(1);
  });

  it('answers a known e-mail like a new one, without registering anyone', async () => {
    const anon = t.client({ ip: '10.0.0.6' });
    const res = await anon.post('/e/temu-sumbawa/register', {
      name: 'Penyusup',
      email: staff.email,
      password: STRONG,
      password_confirm: STRONG,
      org_name: 'CV Penyusup',
      org_kind: 'buyer',
    });
    expect(res.status).toBe(303);
    const rows = await t.db.sql`select 1 from organizations where name = 'CV Penyusup'`;
    expect(rows).toHaveLength(0);
  });

  it('re-renders the form with field errors (422) for a weak password or a missing field', async () => {
    const anon = t.client({ ip: '10.0.0.7' });
    const weak = await anon.post('/e/temu-sumbawa/register', {
      name: 'Eko',
      email: 'eko@las.test',
      password: 'password123',
      password_confirm: 'password123',
      org_name: 'Bengkel Las Eko',
      org_kind: 'supplier',
    });
    expect(weak.status).toBe(422);
    const html = await weak.text();
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('value="Bengkel Las Eko"');
    const missing = await anon.post('/e/temu-sumbawa/register', { name: 'Eko', email: 'eko@las.test' });
    expect(missing.status).toBe(422);
    expect(await t.db.sql`select 1 from users where email = 'eko@las.test'`).toHaveLength(0);
  });

  it('rate-limits self-registration per client address', async () => {
    const anon = t.client({ ip: '10.0.0.8' });
    const weakForm = {
      name: 'Fajar',
      email: 'fajar@cor.test',
      password: 'aaaaaaaaaa',
      password_confirm: 'aaaaaaaaaa',
      org_name: 'Pengecoran Fajar',
      org_kind: 'supplier',
    };
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push((await anon.post('/e/temu-sumbawa/register', weakForm)).status);
    expect(statuses.slice(0, 30).every((s) => s === 422)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect((await t.client({ ip: '10.0.0.9' }).post('/e/temu-sumbawa/register', weakForm)).status).toBe(422);
  });

  it('hides the page again once the facilitator closes it', async () => {
    await staffBrowser.post(`/events/${event.id}/public-page`, { slug: 'temu-sumbawa' });
    expect((await t.client({ ip: '10.0.0.4' }).get('/e/temu-sumbawa')).status).toBe(404);
  });
});
