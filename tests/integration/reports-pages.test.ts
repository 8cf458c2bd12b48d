import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTrackRecords } from '../../src/outcomes/track-record.js';
import { seedDemo } from '../../src/seed/demo.js';
import { seedDemoOutcomes } from '../../src/seed/demo-outcomes.js';
import { createApiToken } from '../../src/tokens/service.js';
import { api, createTestApp, type TestApp, type TestClient } from '../helpers/app.js';
import { expectJson } from './outcomes-fixtures.js';

let t: TestApp;
let eventIds: string[];
const NOW = new Date('2026-11-22T04:00:00Z');
const PASSWORD = 'pasok-demo-2026';

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  await seedDemo(t.db.sql);
  eventIds = (await seedDemoOutcomes(t.db.sql, NOW))!;
}, 180_000);
afterAll(() => t.close());

async function as(email: string): Promise<TestClient> {
  const c = t.client();
  expect((await c.login(email, PASSWORD)).status).toBe(303);
  return c;
}

async function tokenOf(email: string): Promise<string> {
  const [u] = await t.db.sql<{ id: string }[]>`select id from users where email = ${email}`;
  return (await createApiToken(t.db.sql, u!.id, 'test')).token;
}

describe('the reports page', () => {
  it('is for facilitators and admins only', async () => {
    expect((await (await as('pembeli@pasok.test')).get('/reports')).status).toBe(403);
    expect((await (await as('ikm@pasok.test')).get('/reports/export.xlsx')).status).toBe(403);
    const anonymous = await t.client().get('/reports');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toContain('/login');
  });

  it('shows figures with charts beside their tables, and the office and period for print', async () => {
    const c = await as('fasilitator@pasok.test');
    const res = await c.get(`/reports?event=${eventIds[2]}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Dinas Perindustrian Provinsi NTB');
    expect(html).toMatch(/Periode: \d+ \w+ 2026 – \d+ \w+ 2026/);
    expect(html).toContain('id="funnel-chart"');
    for (const id of [
      'report-statuses',
      'report-funnel',
      'by-province',
      'by-sector',
      'by-estate',
      'by-buyer',
    ]) {
      const section = html.slice(html.indexOf(`id="${id}"`));
      expect(section.indexOf('<svg')).toBeGreaterThan(-1);
      expect(section.indexOf('<table')).toBeGreaterThan(-1);
      expect(section.indexOf('<table')).toBeLessThan(section.indexOf('</figure>'));
    }
    expect(html).toMatch(/Rp [\d,]+ (miliar|juta)/);
    expect(html).toContain(`href="/reports/export.xlsx?event=${eventIds[2]}"`);
  });

  it('keeps the filters a user typed and marks the wrong one (422)', async () => {
    const c = await as('fasilitator@pasok.test');
    const res = await c.get('/reports?from=2026-10-01&to=2026-09-01&province=52');
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Tanggal akhir harus sama dengan atau setelah tanggal awal.');
    expect(html).toContain('value="2026-10-01"');
  });

  it('speaks English when asked', async () => {
    const c = await as('admin@pasok.test');
    await c.post('/lang', { lang: 'en', next: '/reports' });
    const html = await (await c.get('/reports')).text();
    expect(html).toContain('Business-matching impact report');
    expect(html).toMatch(/IDR [\d.]+ (billion|million)/);
    const csv = await (await c.get('/reports/export.csv')).text();
    expect(csv.split('\r\n')[0]).toContain('Meeting ID,Kind,Date');
  });
});

describe('the public impact page', () => {
  let names: string[];

  beforeAll(async () => {
    names = (
      await t.db.sql<{ name: string }[]>`
        select distinct o.name from meeting_facts p join organizations o on o.id in (p.buyer_org_id, p.supplier_org_id)`
    ).map((r) => r.name);
  });

  it('shows aggregates to anyone and names no company without consent', async () => {
    const res = await t.client().get('/impact');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Dampak temu usaha');
    expect(html).toContain('Nusa Tenggara Barat');
    const shared = await t.db.sql<{ buyer: string; supplier: string }[]>`
      select ob.name as buyer, os.name as supplier from meeting_outcomes h
      join outcome_versions vb on vb.id = h.buyer_id and vb.share_names
      join outcome_versions vs on vs.id = h.supplier_id and vs.share_names
      join outcome_versions vo on vo.id = h.official_id and vo.status in ('deal', 'mou')
      join meeting_facts p on p.meeting_id = h.meeting_id
      join organizations ob on ob.id = p.buyer_org_id join organizations os on os.id = p.supplier_org_id`;
    const allowed = new Set(shared.flatMap((s) => [s.buyer, s.supplier]));
    const leaked = names.filter((n) => !allowed.has(n) && html.includes(n.replaceAll('&', '&amp;')));
    expect(leaked).toEqual([]);
  });

  it('names a deal once both sides have agreed, not before', async () => {
    const [m] = await t.db.sql<{ id: string }[]>`
      select f.meeting_id as id from meeting_facts f
      join organizations s on s.id = f.supplier_org_id and s.name = 'CV Sinar Logam Presisi'
      where f.status = 'scheduled'`;
    const body = { status: 'deal', value_idr: '275 jt', products: 'Komponen bubut CNC presisi' };
    const buyer = await tokenOf('pembeli@pasok.test');
    const supplier = await tokenOf('ikm@pasok.test');
    await expectJson(
      await api(t.app, 'PUT', `/api/v1/meetings/${m!.id}/outcome`, {
        token: buyer,
        body: { ...body, share_names: true },
      }),
      200,
    );
    await expectJson(
      await api(t.app, 'PUT', `/api/v1/meetings/${m!.id}/outcome`, { token: supplier, body }),
      200,
    );
    const staff = await as('fasilitator@pasok.test');
    expect((await staff.post(`/outcomes/meetings/${m!.id}/reconcile`, { from: 'supplier' })).status).toBe(
      303,
    );
    expect(await (await t.client().get('/impact')).text()).not.toContain('CV Sinar Logam Presisi');
    await expectJson(
      await api(t.app, 'PUT', `/api/v1/meetings/${m!.id}/outcome`, {
        token: supplier,
        body: { ...body, share_names: true },
      }),
      200,
    );
    const html = await (await t.client().get('/impact')).text();
    expect(html).toContain('PT Otoparts Smartpolitan (demo) × CV Sinar Logam Presisi');
  });
});

describe('track records', () => {
  it('counts meetings, no-shows and deals per supplier the way an independent query does', async () => {
    const raw = await t.db.sql<
      {
        supplier: string;
        meetings: number;
        held: number;
        noShows: number;
        known: number;
        deals: number;
        mous: number;
      }[]
    >`
      with m as (
        select m.id, m.attendance,
          case when oa.kind = 'supplier' and ob.kind <> 'supplier' then oa.id else ob.id end as supplier,
          case when oa.kind = 'supplier' and ob.kind <> 'supplier' then 'a' else 'b' end as supplier_side
        from meetings m
        join meeting_requests r on r.id = m.request_id
        join event_participants pa on pa.id = r.from_participant_id join organizations oa on oa.id = pa.organization_id
        join event_participants pb on pb.id = r.to_participant_id join organizations ob on ob.id = pb.organization_id
        where m.status = 'scheduled' and m.starts_at <= ${NOW}
      ), o as (
        select distinct on (meeting_id) meeting_id, status, attendance from outcome_versions
        where side = 'official' order by meeting_id, version desc
      ), x as (
        select m.supplier, coalesce(o.status, 'pending') as status,
          coalesce(o.attendance, case
            when m.attendance = 'no_show_' || m.supplier_side then 'no_show_supplier'
            when m.attendance like 'no_show_%' and m.attendance <> 'no_show_both' then 'no_show_buyer'
            else m.attendance end) as att
        from m left join o on o.meeting_id = m.id
      )
      select supplier, count(*)::int as meetings,
        count(*) filter (where att = 'held' or (att is null and status <> 'pending'))::int as held,
        count(*) filter (where att in ('no_show_supplier', 'no_show_both'))::int as no_shows,
        count(*) filter (where att is not null or status <> 'pending')::int as known,
        count(*) filter (where status = 'deal')::int as deals, count(*) filter (where status = 'mou')::int as mous
      from x group by supplier`;
    const records = await loadTrackRecords(
      t.db.sql,
      raw.map((r) => r.supplier),
      NOW,
    );
    for (const r of raw)
      expect(records.get(r.supplier)).toEqual({
        meetings: r.meetings,
        held: r.held,
        noShows: r.noShows,
        noShowRate: r.known ? r.noShows / r.known : null,
        deals: r.deals,
        mous: r.mous,
      });
    const none = '00000000-0000-4000-8000-000000000000';
    expect((await loadTrackRecords(t.db.sql, [none])).get(none)).toEqual({
      meetings: 0,
      held: 0,
      noShows: 0,
      noShowRate: null,
      deals: 0,
      mous: 0,
    });
  });

  it('shows the public summary on the profile, and the detail only to facilitators', async () => {
    const [s] = await t.db.sql<{ id: string }[]>`
      select f.supplier_org_id as id from meeting_facts f join suppliers s on s.organization_id = f.supplier_org_id
      where s.status = 'verified' and f.outcome_status = 'deal' group by 1 order by count(*) desc, 1 limit 1`;
    const record = (await loadTrackRecords(t.db.sql, [s!.id], NOW)).get(s!.id)!;
    const summary = `${record.meetings} pertemuan, ${record.deals} transaksi, ${record.mous} MoU`;
    const publicHtml = await (await t.client().get(`/suppliers/${s!.id}`)).text();
    expect(publicHtml).toContain(summary);
    expect(publicHtml).not.toContain('Rincian ini hanya terlihat oleh fasilitator.');
    const buyerHtml = await (await (await as('pembeli@pasok.test')).get(`/suppliers/${s!.id}`)).text();
    expect(buyerHtml).not.toContain('Pertemuan terakhir');
    const staffHtml = await (await (await as('fasilitator@pasok.test')).get(`/suppliers/${s!.id}`)).text();
    expect(staffHtml).toContain('Rincian ini hanya terlihat oleh fasilitator.');
    expect(staffHtml).toContain('Pertemuan terakhir');
  });
});
