import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/seed/demo.js';
import { seedDemoOutcomes } from '../../src/seed/demo-outcomes.js';
import { DEMO_OUTCOME_EVENTS } from '../../src/seed/demo-outcomes-data.js';
import { api, createTestApp, type TestApp } from '../helpers/app.js';
import { makeUserWithToken } from '../helpers/factories.js';
import { expectJson } from './outcomes-fixtures.js';

/**
 * The report's figures against an independent computation: raw rows straight from the event,
 * meeting and outcome tables (not the views the report uses), with the rules written again in
 * plain TypeScript, on the seeded demo data (three past events, ~130 meetings).
 */

let t: TestApp;
let token: string;
let eventIds: string[];
const NOW = new Date('2026-11-22T04:00:00Z');

interface Raw {
  id: string;
  kind: string;
  eventId: string | null;
  localDay: string;
  checkin: string | null;
  aOrg: string;
  bOrg: string;
  aKind: string;
  bKind: string;
  estateId: string | null;
  organizerId: string | null;
}

interface Expected {
  scheduled: number;
  held: number;
  noShows: { buyer: number; supplier: number; both: number };
  statuses: Record<string, number>;
  total: bigint;
  median: bigint | null;
  suppliersWithDeal: number;
  funnel: number[];
  requests: { total: number; accepted: number };
  byProvince: Record<string, [number, number, number, number, string]>;
  bySector: Record<string, [number, number, number, number, string]>;
  byEstate: Record<string, [number, number, number, number, string]>;
  byBuyer: Record<string, [number, number, number, number, string]>;
  /** Distinct suppliers with a held meeting in scope that are verified / hold a certificate valid that day. */
  ikm: { verified: number; certified: number };
}

interface Filter {
  event?: string;
  province?: string;
  sector?: string;
  estate?: string;
  from?: string;
  to?: string;
}

async function expected(f: Filter): Promise<Expected> {
  const sql = t.db.sql;
  const meetings = await sql<Raw[]>`
    select m.id, m.kind, m.event_id, to_char(m.starts_at at time zone m.timezone, 'YYYY-MM-DD') as local_day,
      m.attendance as checkin,
      coalesce(pa.organization_id, m.proposer_org_id) as a_org, coalesce(pb.organization_id, m.counterpart_org_id) as b_org,
      oa.kind as a_kind, ob.kind as b_kind, e.estate_id, e.organizer_id
    from meetings m
    left join meeting_requests r on r.id = m.request_id
    left join event_participants pa on pa.id = r.from_participant_id
    left join event_participants pb on pb.id = r.to_participant_id
    left join events e on e.id = m.event_id
    join organizations oa on oa.id = coalesce(pa.organization_id, m.proposer_org_id)
    join organizations ob on ob.id = coalesce(pb.organization_id, m.counterpart_org_id)
    where m.status = 'scheduled'`;
  const official = await sql<
    { meetingId: string; status: string; valueIdr: string | null; attendance: string | null }[]
  >`
    select distinct on (meeting_id) meeting_id, status, value_idr::text, attendance
    from outcome_versions where side = 'official' order by meeting_id, version desc`;
  const requests = await sql<
    {
      status: string;
      aOrg: string;
      bOrg: string;
      aKind: string;
      bKind: string;
      eventId: string;
      day: string;
      estateId: string | null;
    }[]
  >`
    select r.status, pa.organization_id as a_org, pb.organization_id as b_org, oa.kind as a_kind, ob.kind as b_kind,
      r.event_id, to_char(coalesce(m.starts_at, e.starts_at) at time zone coalesce(m.timezone, e.timezone), 'YYYY-MM-DD') as day,
      e.estate_id
    from meeting_requests r join events e on e.id = r.event_id
    join event_participants pa on pa.id = r.from_participant_id join organizations oa on oa.id = pa.organization_id
    join event_participants pb on pb.id = r.to_participant_id join organizations ob on ob.id = pb.organization_id
    left join meetings m on m.request_id = r.id`;
  const needSignals = await sql<{ buyer: string; supplier: string; day: string; estateId: string | null }[]>`
    select n.buyer_org_id as buyer, x.supplier_id as supplier, n.estate_id,
      to_char(x.at at time zone 'Asia/Jakarta', 'YYYY-MM-DD') as day
    from (
      select need_id, supplier_id, notified_at as at from need_match_notices
      union all select need_id, supplier_id, created_at from need_invitations
      union all select need_id, supplier_id, created_at from need_shortlist
      union all select need_id, supplier_id, created_at from need_responses
    ) x join needs n on n.id = x.need_id`;
  const suppliers = new Map(
    (
      await sql<{ id: string; province: string | null; sectors: string[]; status: string }[]>`
      select organization_id as id, province_code as province, sectors, status from suppliers`
    ).map((s) => [s.id, s]),
  );
  const estates = new Map(
    (await sql<{ id: string; slug: string }[]>`select id, slug from estates`).map((e) => [e.id, e.slug]),
  );
  const certs = await sql<{ supplierId: string; validUntil: string | null }[]>`
    select supplier_id, to_char(valid_until, 'YYYY-MM-DD') as valid_until from supplier_certifications`;
  const off = new Map(official.map((o) => [o.meetingId, o]));
  const sides = (aOrg: string, bOrg: string, aKind: string, bKind: string) =>
    aKind === 'supplier' && bKind !== 'supplier'
      ? { buyer: bOrg, supplier: aOrg, buyerIsA: false }
      : { buyer: aOrg, supplier: bOrg, buyerIsA: true };
  const keep = (eventId: string | null, day: string, supplier: string, estateId: string | null) => {
    const s = suppliers.get(supplier);
    if (f.event && eventId !== f.event) return false;
    if (f.from && day < f.from) return false;
    if (f.to && day > f.to) return false;
    if (f.province && s?.province !== f.province) return false;
    if (f.sector && !s?.sectors.includes(f.sector)) return false;
    if (f.estate && (estateId ? estates.get(estateId) : null) !== f.estate) return false;
    return true;
  };

  const e: Expected = {
    scheduled: 0,
    held: 0,
    noShows: { buyer: 0, supplier: 0, both: 0 },
    statuses: { deal: 0, mou: 0, follow_up: 0, no_deal: 0, pending: 0 },
    total: 0n,
    median: null,
    suppliersWithDeal: 0,
    funnel: [],
    requests: { total: 0, accepted: 0 },
    byProvince: {},
    bySector: {},
    byEstate: {},
    byBuyer: {},
    ikm: { verified: 0, certified: 0 },
  };
  const verified = new Set<string>();
  const certified = new Set<string>();
  const values: bigint[] = [];
  const heldOf = new Map<string, boolean>();
  const dealSuppliers = new Set<string>();
  const add = (map: Expected['byProvince'], key: string, held: boolean, status: string, value: bigint) => {
    const row = map[key] ?? [0, 0, 0, 0, '0'];
    row[0] += 1;
    if (held) row[1] += 1;
    if (status === 'deal') row[2] += 1;
    if (status === 'mou') row[3] += 1;
    if (status === 'deal' || status === 'mou') row[4] = (BigInt(row[4]) + value).toString();
    map[key] = row;
  };
  for (const m of meetings) {
    const { buyer, supplier, buyerIsA } = sides(m.aOrg, m.bOrg, m.aKind, m.bKind);
    if (!keep(m.eventId, m.localDay, supplier, m.estateId)) continue;
    const o = off.get(m.id);
    const mapped =
      m.checkin === 'no_show_a'
        ? buyerIsA
          ? 'no_show_buyer'
          : 'no_show_supplier'
        : m.checkin === 'no_show_b'
          ? buyerIsA
            ? 'no_show_supplier'
            : 'no_show_buyer'
          : m.checkin;
    const attendance = o?.attendance ?? mapped;
    const status = o?.status ?? 'pending';
    const held = attendance === 'held' || (attendance === null && status !== 'pending');
    heldOf.set(m.id, held);
    e.scheduled += 1;
    if (held) e.held += 1;
    if (attendance === 'no_show_buyer') e.noShows.buyer += 1;
    if (attendance === 'no_show_supplier') e.noShows.supplier += 1;
    if (attendance === 'no_show_both') e.noShows.both += 1;
    e.statuses[status]! += 1;
    const value = o?.valueIdr ? BigInt(o.valueIdr) : 0n;
    if ((status === 'deal' || status === 'mou') && o?.valueIdr) {
      e.total += value;
      values.push(value);
    }
    if (status === 'deal') dealSuppliers.add(supplier);
    const s = suppliers.get(supplier);
    if (held && s?.status === 'verified') verified.add(supplier);
    if (
      held &&
      certs.some((c) => c.supplierId === supplier && (c.validUntil === null || c.validUntil >= m.localDay))
    )
      certified.add(supplier);
    add(e.byProvince, s?.province ?? 'null', held, status, value);
    for (const sector of s?.sectors ?? []) add(e.bySector, sector, held, status, value);
    add(e.byEstate, m.estateId ? estates.get(m.estateId)! : 'null', held, status, value);
    add(e.byBuyer, buyer, held, status, value);
  }
  values.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (values.length) {
    const mid = Math.floor(values.length / 2);
    e.median = values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]! + 1n) / 2n;
  }
  e.suppliersWithDeal = dealSuppliers.size;
  e.ikm = { verified: verified.size, certified: certified.size };
  const reqs = requests
    .map((r) => ({ ...r, ...sides(r.aOrg, r.bOrg, r.aKind, r.bKind) }))
    .filter((r) => keep(r.eventId, r.day, r.supplier, r.estateId));
  // The funnel counts distinct buyer × supplier pairs reaching each step.
  const pair = (b: string, s: string) => `${b}|${s}`;
  const reached = {
    requested: new Set<string>(),
    accepted: new Set<string>(),
    scheduled: new Set<string>(),
    held: new Set<string>(),
    closed: new Set<string>(),
  };
  for (const r of reqs) {
    reached.requested.add(pair(r.buyer, r.supplier));
    if (r.status === 'accepted') reached.accepted.add(pair(r.buyer, r.supplier));
  }
  for (const m of meetings) {
    const { buyer, supplier } = sides(m.aOrg, m.bOrg, m.aKind, m.bKind);
    if (!keep(m.eventId, m.localDay, supplier, m.estateId)) continue;
    const o = off.get(m.id);
    reached.scheduled.add(pair(buyer, supplier));
    if (heldOf.get(m.id)) reached.held.add(pair(buyer, supplier));
    if (o?.status === 'deal' || o?.status === 'mou') reached.closed.add(pair(buyer, supplier));
  }
  const matched = new Set(reached.requested);
  if (!f.event)
    for (const n of needSignals) {
      const s = suppliers.get(n.supplier);
      if (f.from && n.day < f.from) continue;
      if (f.to && n.day > f.to) continue;
      if (f.province && s?.province !== f.province) continue;
      if (f.sector && !s?.sectors.includes(f.sector)) continue;
      if (f.estate && (n.estateId ? estates.get(n.estateId) : null) !== f.estate) continue;
      matched.add(pair(n.buyer, n.supplier));
    }
  e.requests = { total: reqs.length, accepted: reqs.filter((r) => r.status === 'accepted').length };
  e.funnel = [
    matched.size,
    reached.requested.size,
    reached.accepted.size,
    reached.scheduled.size,
    reached.held.size,
    reached.closed.size,
  ];
  return e;
}

interface GroupJson {
  key: string | null;
  meetings: number;
  held: number;
  deals: number;
  mous: number;
  value_idr: string;
}

interface Summary {
  meetings: { scheduled: number; held: number };
  no_shows: { buyer: number; supplier: number; both: number; total: number };
  no_show_rate: number | null;
  outcomes: Record<string, number>;
  value_idr: { total: string; median: string | null };
  suppliers_with_deal: number;
  funnel: { step: string; count: number }[];
  requests: { total: number; accepted: number };
  breakdowns: Record<'province' | 'sector' | 'estate' | 'buyer', GroupJson[]>;
  ikm: { verified: number; certified: number };
}

const asMap = (groups: GroupJson[]) =>
  Object.fromEntries(
    groups.map((g) => [g.key ?? 'null', [g.meetings, g.held, g.deals, g.mous, g.value_idr]]),
  );

async function compare(f: Filter) {
  const qs = new URLSearchParams(f as Record<string, string>).toString();
  const s = await expectJson<Summary>(
    await api(t.app, 'GET', `/api/v1/reports/summary?${qs}`, { token }),
    200,
  );
  const e = await expected(f);
  expect(s.meetings).toEqual({ scheduled: e.scheduled, held: e.held });
  expect(s.no_shows).toEqual({ ...e.noShows, total: e.noShows.buyer + e.noShows.supplier + e.noShows.both });
  const known = e.held + s.no_shows.total;
  expect(s.no_show_rate).toBe(known ? s.no_shows.total / known : null);
  expect(s.outcomes).toEqual(e.statuses);
  expect(s.value_idr.total).toBe(e.total.toString());
  expect(s.value_idr.median).toBe(e.median === null ? null : e.median.toString());
  expect(s.suppliers_with_deal).toBe(e.suppliersWithDeal);
  expect(s.funnel.map((x) => x.count)).toEqual(e.funnel);
  expect(s.requests).toEqual(e.requests);
  for (let i = 1; i < s.funnel.length; i++)
    expect(s.funnel[i]!.count).toBeLessThanOrEqual(s.funnel[i - 1]!.count);
  expect(asMap(s.breakdowns.province)).toEqual(e.byProvince);
  expect(asMap(s.breakdowns.sector)).toEqual(e.bySector);
  expect(asMap(s.breakdowns.estate)).toEqual(e.byEstate);
  expect(asMap(s.breakdowns.buyer)).toEqual(e.byBuyer);
  expect(s.ikm).toEqual(e.ikm);
  return s;
}

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  await seedDemo(t.db.sql);
  eventIds = (await seedDemoOutcomes(t.db.sql, NOW))!;
  ({ token } = await makeUserWithToken(t.db.sql, { platformRole: 'facilitator' }));
}, 180_000);
afterAll(() => t.close());

describe('demo outcomes', () => {
  it('seeds three past events with meetings and outcomes, once', async () => {
    expect(eventIds).toHaveLength(DEMO_OUTCOME_EVENTS.length);
    const count = async () =>
      (await t.db.sql<{ n: number }[]>`select count(*)::int as n from outcome_versions`)[0]!.n;
    const before = await count();
    expect(before).toBeGreaterThan(100);
    expect(await seedDemoOutcomes(t.db.sql, NOW)).toEqual(eventIds);
    expect(await count()).toBe(before);
  });

  it('leaves the demo buyer and IKM one held meeting to report themselves', async () => {
    const [row] = await t.db.sql<{ n: number }[]>`
      select count(*)::int as n from meeting_facts f
      join organizations b on b.id = f.buyer_org_id and b.name = 'PT Otoparts Smartpolitan (demo)'
      join organizations s on s.id = f.supplier_org_id and s.name = 'CV Sinar Logam Presisi'
      where f.status = 'scheduled' and f.attendance = 'held' and not f.reported and f.official_id is null`;
    expect(row!.n).toBe(1);
  });
});

describe('report figures match an independent computation', () => {
  it('without filters: totals, funnel and every breakdown', async () => {
    const s = await compare({});
    expect(s.meetings.scheduled).toBeGreaterThan(100);
    expect(s.outcomes.deal).toBeGreaterThan(10);
    expect(s.breakdowns.province.length).toBe(3);
  });

  it('for one event', async () => {
    const s = await compare({ event: eventIds[2]! });
    expect(s.breakdowns.estate.map((g) => g.key)).toEqual(['amman-smelter-sumbawa-barat']);
  });

  it('by supplier province and sector', async () => {
    await compare({ province: '52', sector: 'mining-smelter' });
  });

  it('by estate', async () => {
    await compare({ estate: 'smartpolitan-subang' });
  });

  it('counts pairs the needs matching brought together as matched, but not within an event', async () => {
    const [need] = await t.db.sql<{ id: string }[]>`
      insert into needs (buyer_org_id, title_id, estate_id, status, opened_at)
      select o.id, 'Liner ball mill cor baja mangan', e.id, 'open', now() from organizations o, estates e
      where o.name = 'PT Smelter Tembaga Sumbawa (demo)' and e.slug = 'amman-smelter-sumbawa-barat'
      returning id`;
    const [supplier] = await t.db.sql<{ id: string }[]>`
      select s.organization_id as id from suppliers s
      where s.status = 'verified' and s.province_code = '52' and not exists (
        select 1 from meeting_pairs p join organizations b on b.id = p.buyer_org_id
        where p.supplier_org_id = s.organization_id and b.name = 'PT Smelter Tembaga Sumbawa (demo)')
      limit 1`;
    await t.db
      .sql`insert into need_match_notices (need_id, supplier_id, score) values (${need!.id}, ${supplier!.id}, 0.8)`;
    const all = await compare({});
    expect(all.funnel[0]!.count).toBe(all.funnel[1]!.count + 1);
    await compare({ estate: 'amman-smelter-sumbawa-barat', province: '52' });
    const event = await compare({ event: eventIds[2]! });
    expect(event.funnel[0]!.count).toBe(event.funnel[1]!.count);
  });

  it('by date range (meeting days in their own zone, both ends inclusive)', async () => {
    const [first] = await t.db.sql<{ day: string }[]>`
      select to_char(starts_at at time zone timezone, 'YYYY-MM-DD') as day from events where id = ${eventIds[1]!}`;
    const s = await compare({ from: first!.day, to: first!.day });
    expect(s.meetings.scheduled).toBeGreaterThan(0);
    await compare({ from: first!.day });
  });
});

describe('exports', () => {
  it('gives the same meetings as CSV through the API, one row each', async () => {
    const res = await api(t.app, 'GET', '/api/v1/reports/meetings.csv?province=32', { token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]!.startsWith('meeting_id,kind,date,time,zone,event')).toBe(true);
    expect(lines.length - 1).toBe((await expected({ province: '32' })).scheduled);
  });

  it('refuses the summary to anyone but facilitators', async () => {
    const { token: buyer } = await makeUserWithToken(t.db.sql, {
      org: { name: 'PT Pembeli Lain', kind: 'buyer' },
    });
    expect((await api(t.app, 'GET', '/api/v1/reports/summary', { token: buyer })).status).toBe(403);
    expect((await api(t.app, 'GET', '/api/v1/reports/meetings.csv', { token: buyer })).status).toBe(403);
    expect((await api(t.app, 'GET', '/api/v1/reports/summary')).status).toBe(401);
  });

  it('answers 400 with the field for a malformed filter', async () => {
    const res = await api(t.app, 'GET', '/api/v1/reports/summary?from=2026-13-01', { token });
    const body = await expectJson<{ error: { fields: Record<string, string> } }>(res, 400);
    expect(body.error.fields).toHaveProperty('from');
  });

  it('builds an XLSX with a totals sheet and a meetings sheet', async () => {
    const c = t.client();
    const { email, password } = await makeUserWithToken(t.db.sql, {
      platformRole: 'facilitator',
      org: { name: 'Disperindag Jatim', kind: 'facilitator' },
    });
    await c.login(email, password);
    const res = await c.get(`/reports/export.xlsx?event=${eventIds[0]}`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Ringkasan', 'Pertemuan']);
    const totals = wb.getWorksheet('Ringkasan')!;
    expect(totals.getRow(2).getCell(1).value).toBe('Disperindag Jatim');
    const e = await expected({ event: eventIds[0]! });
    const figures = new Map<string, unknown>();
    totals.eachRow((row) => figures.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(figures.get('Pertemuan terjadwal')).toBe(e.scheduled);
    expect(figures.get('Total nilai transaksi dan MoU')).toBe(Number(e.total));
    expect(wb.getWorksheet('Pertemuan')!.rowCount).toBe(e.scheduled + 1);
  });
});

describe('targets against realisation', () => {
  it('sets targets per event and per year, and realisation equals the independent computation', async () => {
    const [ev] = await t.db.sql<{ organizerId: string; year: number }[]>`
      select organizer_id, extract(year from starts_at at time zone timezone)::int as year from events where id = ${eventIds[2]!}`;
    const staff = await makeUserWithToken(t.db.sql, { platformRole: 'facilitator' });
    await t.db
      .sql`insert into memberships (organization_id, user_id, role) values (${ev!.organizerId}, ${staff.user.id}, 'owner')`;
    const c = t.client();
    expect((await c.login(staff.email, staff.password)).status).toBe(303);
    const save = (body: Record<string, string>) =>
      c.post('/reports/targets', { office_id: ev!.organizerId, ...body });
    expect(
      (
        await save({
          scope: 'event',
          event_id: eventIds[2]!,
          meetings_held: '40',
          deals: '8',
          value_idr: '5 M',
        })
      ).status,
    ).toBe(303);
    expect(
      (await save({ scope: 'year', year: String(ev!.year), deals: '30', ikm_verified: '20' })).status,
    ).toBe(303);
    // Saving the same scope again replaces its figures: still one row per scope.
    expect(
      (
        await save({
          scope: 'event',
          event_id: eventIds[2]!,
          meetings_held: '40',
          deals: '10',
          value_idr: '5 M',
        })
      ).status,
    ).toBe(303);
    const rows = await t.db.sql`select id from office_targets where office_id = ${ev!.organizerId}`;
    expect(rows).toHaveLength(2);
    expect((await save({ scope: 'year', year: '' })).status).toBe(422);

    const { loadTargets } = await import('../../src/reports/targets.js');
    const tr = (await import('../../src/i18n/index.js')).translator('id');
    const { targets } = await loadTargets(t.db.sql, { userId: staff.user.id, platformRole: 'facilitator' });
    const eventTarget = targets.find((x) => x.eventId === eventIds[2])!;
    const e = await expected({ event: eventIds[2]! });
    const byMetric = Object.fromEntries(eventTarget.progress.map((p) => [p.metric, p]));
    expect(byMetric.meetingsHeld!.realised).toBe(BigInt(e.held));
    expect(byMetric.deals!.realised).toBe(BigInt(e.statuses.deal!));
    expect(byMetric.deals!.target).toBe(10n);
    expect(byMetric.deals!.percent).toBe(Math.floor((e.statuses.deal! * 1000) / 10) / 10);
    expect(byMetric.valueIdr!.realised).toBe(e.total);
    expect(byMetric.ikmVerified!.realised).toBe(BigInt(e.ikm.verified));
    expect(byMetric.mous!.target).toBeNull();
    const yearTarget = targets.find((x) => x.year === ev!.year)!;
    const office = Object.fromEntries(yearTarget.progress.map((p) => [p.metric, p]));
    const officeEvents = await t.db.sql<{ id: string }[]>`
      select id from events where organizer_id = ${ev!.organizerId}
        and extract(year from starts_at at time zone timezone) = ${ev!.year}`;
    let deals = 0;
    for (const x of officeEvents) deals += (await expected({ event: x.id })).statuses.deal!;
    expect(office.deals!.realised).toBe(BigInt(deals));

    const page = await (await c.get('/reports/targets')).text();
    expect(page).toContain('<progress max="100"');
    const csv = await c.get('/reports/targets/export.csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toBe('Dinas;Cakupan;Ukuran;Target;Realisasi;Persen');
    expect(text).toContain(`;${tr('impact.metric.deals')};10;`);
    const comma = await (await c.get('/reports/targets/export.csv?sep=comma')).text();
    expect(comma.split('\r\n')[0]).toBe('Dinas,Cakupan,Ukuran,Target,Realisasi,Persen');
  });

  it("refuses targets for another office (403) and keeps them to the office's own facilitators", async () => {
    const [ev] = await t.db.sql<
      { organizerId: string }[]
    >`select organizer_id from events where id = ${eventIds[2]!}`;
    const stranger = await makeUserWithToken(t.db.sql, {
      platformRole: 'facilitator',
      org: { name: 'Disperin Lain', kind: 'facilitator' },
    });
    const c = t.client();
    await c.login(stranger.email, stranger.password);
    const res = await c.post('/reports/targets', {
      office_id: ev!.organizerId,
      scope: 'year',
      year: '2026',
      deals: '1',
    });
    expect(res.status).toBe(403);
  });
});

describe('erasure of personal data (UU 27/2022)', () => {
  it('leaves every report figure identical, and still equal to the independent computation', async () => {
    const sql = t.db.sql;
    const filters: Filter[] = [
      {},
      { event: eventIds[2]! },
      { province: '52' },
      { estate: 'smartpolitan-subang' },
    ];
    const before: Summary[] = [];
    for (const f of filters) before.push(await compare(f));
    const people = await sql<{ id: string }[]>`
      select u.id from users u where u.platform_role is null and (
        exists (select 1 from outcome_versions v where v.reported_by = u.id)
        or exists (select 1 from memberships m where m.user_id = u.id))`;
    expect(people.length).toBeGreaterThan(0);
    const { token: admin } = await makeUserWithToken(sql, { platformRole: 'admin' });
    for (const p of people) {
      const [r] = await sql<
        { id: string }[]
      >`insert into erasure_requests (user_id) values (${p.id}) returning id`;
      const res = await api(t.app, 'POST', `/api/v1/privacy/requests/${r!.id}/decide`, {
        token: admin,
        body: { decision: 'erase' },
      });
      expect(res.status).toBe(200);
    }
    const [erased] = await sql<{ n: number }[]>`
      select count(*)::int as n from users where erased_at is not null and name like 'Pengguna terhapus #%'`;
    expect(erased!.n).toBe(people.length);
    for (const [i, f] of filters.entries()) expect(await compare(f)).toEqual(before[i]);
  });
});
