import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailHandler } from '../../src/jobs/workers.js';
import { decodeSubject } from '../../src/mail/mailer.js';
import { needsMatchHandler } from '../../src/needs/jobs.js';
import { runSavedSearchDigest, savedSearchDigestHandler } from '../../src/saved-searches/digest.js';
import { api, createTestApp, type TestApp } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { storedMail } from '../helpers/mail.js';
import { makeBuyer, memberOf, type Named, needBody, seedNeedsData } from './needs-fixtures.js';

let now = new Date('2026-11-22T03:00:00Z');
let t: TestApp;
let ids: Record<Named, string>;

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  ids = await seedNeedsData(t.db.sql, 40);
});
afterAll(() => t.close());

const jobDeps = () => ({
  sql: t.db.sql,
  jobs: t.deps.jobs!,
  logger: t.deps.logger,
  clock: t.deps.clock,
  search: t.deps.search,
});

async function drainMail(): Promise<{ to: string; subject: string; text: string }[]> {
  await t.deps.jobs!.drain(
    'mail.send',
    mailHandler({ sql: t.db.sql, mailer: t.deps.mailer, logger: t.deps.logger }),
  );
  const raws = await storedMail(t.db.sql, { take: true });
  const mails = raws.map((raw) => {
    const header = (name: string) =>
      (new RegExp(`^${name}: (.*(?:\\n[ \\t].*)*)`, 'im').exec(raw)?.[1] ?? '').replace(/\n[ \t]+/g, ' ');
    // Adjacent encoded-words are one text (RFC 2047 §6.2): drop the folding space between them.
    const subject = decodeSubject(header('Subject').replace(/\?=\s+=\?/g, '?==?'));
    const text = raw
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    return { to: header('To'), subject, text: Buffer.from(text, 'latin1').toString('utf8') };
  });
  return mails;
}

const notificationsOf = (userId: string) =>
  t.db.sql<{ kind: string; title: string; body: string; link: string }[]>`
    select kind, title, body, link from notifications where user_id = ${userId} order by created_at`;

describe('need notifications', () => {
  it('tells matching suppliers of a new need once, in each member’s language, in-app and by email', async () => {
    const buyer = await makeBuyer(t.db.sql);
    const idMember = await memberOf(t.db.sql, ids.presisi, 'id');
    const enMember = await memberOf(t.db.sql, ids.presisi, 'en');
    const farMember = await memberOf(t.db.sql, ids.far, 'id');
    const res = await api(t.app, 'POST', '/api/v1/needs', { token: buyer.owner.token, body: needBody() });
    const { id } = (await res.json()) as { id: string };
    await api(t.app, 'POST', `/api/v1/needs/${id}/open`, { token: buyer.owner.token });
    expect(await t.deps.jobs!.drain('needs.match', needsMatchHandler(jobDeps()))).toBe(1);

    const [idNote] = await notificationsOf(idMember.user.id);
    expect(idNote).toMatchObject({ kind: 'need.match', link: `/needs/${id}` });
    expect(idNote!.title).toBe('Kebutuhan baru cocok untuk CV Presisi Bubut Subang');
    expect(idNote!.body).toContain('"Poros pompa baja tahan karat"');
    const [enNote] = await notificationsOf(enMember.user.id);
    expect(enNote!.title).toBe('A new need matches CV Presisi Bubut Subang');
    expect(enNote!.body).toContain('"Stainless pump shafts"');
    expect(await notificationsOf(farMember.user.id)).toEqual([]);

    const mails = await drainMail();
    const toId = mails.find((m) => m.to === idMember.email)!;
    const toEn = mails.find((m) => m.to === enMember.email)!;
    expect(toId.subject).toBe('[Pasok] Kebutuhan baru cocok untuk CV Presisi Bubut Subang');
    expect(toEn.subject).toBe('[Pasok] A new need matches CV Presisi Bubut Subang');
    expect(toEn.text).toContain(`http://pasok.test/needs/${id}`);

    await api(t.app, 'PATCH', `/api/v1/needs/${id}`, { token: buyer.owner.token, body: { min_tkdn: 10 } });
    await t.deps.jobs!.drain('needs.match', needsMatchHandler(jobDeps()));
    expect(await notificationsOf(idMember.user.id)).toHaveLength(1);
  });

  it('tells every buyer member when a supplier expresses interest, each in their language', async () => {
    const buyer = await makeBuyer(t.db.sql, 'PT Pembeli Minat');
    const supplier = await memberOf(t.db.sql, ids.presisi);
    const { id } = (await (
      await api(t.app, 'POST', '/api/v1/needs', { token: buyer.owner.token, body: needBody() })
    ).json()) as { id: string };
    await api(t.app, 'POST', `/api/v1/needs/${id}/open`, { token: buyer.owner.token });
    await drainMail();
    const res = await api(t.app, 'POST', `/api/v1/needs/${id}/interest`, {
      token: supplier.token,
      body: { message: 'Siap kirim 5.000 pcs per bulan.', indicative_price_idr: 'Rp 45.000.000' },
    });
    expect(res.status).toBe(201);
    const [en] = await notificationsOf(buyer.owner.user.id);
    expect(en).toMatchObject({
      kind: 'need.interest',
      title: 'CV Presisi Bubut Subang is interested in "Stainless pump shafts"',
    });
    const [idn] = await notificationsOf(buyer.member.user.id);
    expect(idn!.title).toBe('CV Presisi Bubut Subang berminat pada "Poros pompa baja tahan karat"');
    const mails = await drainMail();
    expect(mails.map((m) => m.to).sort()).toEqual([buyer.owner.email, buyer.member.email].sort());
    expect(mails.find((m) => m.to === buyer.member.email)!.text).toContain('Siap kirim 5.000 pcs per bulan.');
  });

  it('tells invited suppliers of an invited-only need when it opens', async () => {
    const buyer = await makeBuyer(t.db.sql, 'PT Pembeli Undangan');
    const member = await memberOf(t.db.sql, ids.lathe, 'en');
    const { id } = (await (
      await api(t.app, 'POST', '/api/v1/needs', {
        token: buyer.owner.token,
        body: needBody({ visibility: 'invited' }),
      })
    ).json()) as { id: string };
    const c = t.client();
    await c.login(buyer.owner.email, buyer.owner.password);
    await c.post(`/needs/${id}/invite`, { supplier_id: ids.lathe });
    await api(t.app, 'POST', `/api/v1/needs/${id}/open`, { token: buyer.owner.token });
    await t.deps.jobs!.drain('needs.match', needsMatchHandler(jobDeps()));
    const notes = (await notificationsOf(member.user.id)).filter((n) => n.link === `/needs/${id}`);
    expect(notes.map((n) => [n.kind, n.title])).toEqual([
      ['need.invited', 'PT Pembeli Undangan invites PT Western Lathe Works'],
    ]);
    const others = await t.db
      .sql`select 1 from need_match_notices where need_id = ${id} and supplier_id <> ${ids.lathe}`;
    expect(others).toHaveLength(0);
  });
});

describe('saved-search digest', () => {
  it('lists newly verified suppliers that match each saved search, once, with a fixed clock', async () => {
    now = new Date('2026-11-22T03:00:00Z');
    const u = await makeUser(t.db.sql);
    await t.db.sql`update users set locale = 'en' where id = ${u.user.id}`;
    const c = t.client();
    await c.login(u.email, u.password);
    const saved = await c.post('/saved-searches', {
      name: 'Bubut Jabar',
      query: 'processes=turning&province=32&page=2',
    });
    expect(saved.status).toBe(303);
    const bad = await c.post('/saved-searches', { name: 'Rusak', query: 'radius_km=5' });
    expect(bad.status).toBe(422);
    const [row] = await t.db.sql<
      { query: string }[]
    >`select query from saved_searches where user_id = ${u.user.id}`;
    expect(row!.query).toBe('processes=turning&province=32');
    const [schedule] = await t.db.sql<
      { nextRunAt: Date }[]
    >`select next_run_at from job_schedule where name = 'saved-search-digest'`;
    expect(schedule!.nextRunAt.toISOString()).toBe('2026-11-23T00:00:00.000Z');

    now = new Date('2026-11-22T08:00:00Z');
    const verify = (id: string) =>
      t.db
        .sql`update suppliers set status = 'verified', verified_at = ${now}, updated_at = now() where organization_id = ${id}`;
    await verify(ids.submitted);
    await verify(ids.rejected);
    await t.db.sql`update suppliers set processes = '{welding}' where organization_id = ${ids.rejected}`;

    now = new Date('2026-11-23T00:00:00Z');
    expect(await runSavedSearchDigest(jobDeps(), 'http://pasok.test')).toBeGreaterThanOrEqual(1);
    const notes = await notificationsOf(u.user.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      kind: 'saved_search.digest',
      title: 'New suppliers for "Bubut Jabar"',
      body: 'Newly verified suppliers matching your search "Bubut Jabar" (1): CV Bubut Menunggu.',
      link: '/suppliers?processes=turning&province=32',
    });
    const mails = (await drainMail()).filter((m) => m.to === u.email);
    expect(mails.map((m) => m.subject)).toEqual(['[Pasok] New suppliers for "Bubut Jabar"']);

    now = new Date('2026-11-24T00:00:00Z');
    await t.deps.jobs!.drain('notifications.digest', savedSearchDigestHandler(jobDeps()));
    await runSavedSearchDigest(jobDeps(), 'http://pasok.test');
    expect(await notificationsOf(u.user.id)).toHaveLength(1);
  });
});
