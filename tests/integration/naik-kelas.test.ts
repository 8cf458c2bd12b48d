import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../src/db/client.js';
import { seedDemo } from '../../src/seed/demo.js';
import { api, createTestApp, type TestApp } from '../helpers/app.js';
import { makeUser, makeUserWithToken } from '../helpers/factories.js';

/**
 * *Naik kelas* counts on the demo data against an oracle written from the raw tables (meetings,
 * requests, participants, official outcome versions, audit log, certificates) in TypeScript,
 * without the `meeting_pairs` view or the report's SQL; and one IKM's timeline with its access.
 */

const NOW = new Date('2026-11-22T04:00:00Z');
let t: TestApp;
let staff: string;

type Kind = 'verified' | 'certificate' | 'first_deal' | 'repeat_deal';
interface Hit {
  supplier: string;
  kind: Kind;
  at: Date;
  estate: string | null;
}

const dayIn = (at: Date, tz: string) => new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(at);

async function oracleMilestones(sql: Sql): Promise<Hit[]> {
  const hits: Hit[] = [];
  const suppliers = await sql<{ id: string; verifiedAt: Date | null }[]>`
    select organization_id as id, verified_at from suppliers`;
  const audits = await sql<{ entityId: string; at: Date; changes: { status?: [string, string] } }[]>`
    select entity_id, at, changes from audit_log where entity = 'supplier' and action = 'verify'`;
  for (const s of suppliers) {
    const first = audits
      .filter((a) => a.entityId === s.id && a.changes.status?.[0] !== 'verified')
      .map((a) => a.at)
      .sort((a, b) => a.getTime() - b.getTime())[0];
    const at = first ?? s.verifiedAt;
    if (at) hits.push({ supplier: s.id, kind: 'verified', at, estate: null });
  }
  const certs = await sql<
    { id: string; supplierId: string; type: string; validUntil: string | null; createdAt: Date }[]
  >`
    select id, supplier_id, type, valid_until::text, created_at from supplier_certifications`;
  const firstCert = new Map<string, (typeof certs)[number]>();
  for (const c of certs) {
    if (c.validUntil !== null && c.validUntil < dayIn(c.createdAt, 'Asia/Jakarta')) continue;
    const key = `${c.supplierId}|${c.type}`;
    const prev = firstCert.get(key);
    if (!prev || c.createdAt < prev.createdAt || (+c.createdAt === +prev.createdAt && c.id < prev.id))
      firstCert.set(key, c);
  }
  for (const c of firstCert.values())
    hits.push({ supplier: c.supplierId, kind: 'certificate', at: c.createdAt, estate: null });

  const kinds = new Map(
    (await sql<{ id: string; kind: string }[]>`select id, kind from organizations`).map((o) => [
      o.id,
      o.kind,
    ]),
  );
  const tenantEstate = new Map<string, string>();
  for (const r of await sql<{ org: string; estate: string }[]>`
    select t.organization_id as org, e.slug as estate from estate_tenants t join estates e on e.id = t.estate_id order by e.name desc`)
    tenantEstate.set(r.org, r.estate);
  const deals = await sql<{ id: string; startsAt: Date; aOrg: string; bOrg: string }[]>`
    select m.id, m.starts_at,
      case when m.kind = 'event' then pa.organization_id else m.proposer_org_id end as a_org,
      case when m.kind = 'event' then pb.organization_id else m.counterpart_org_id end as b_org
    from meetings m
    left join meeting_requests r on r.id = m.request_id
    left join event_participants pa on pa.id = r.from_participant_id
    left join event_participants pb on pb.id = r.to_participant_id
    join meeting_outcomes h on h.meeting_id = m.id
    join outcome_versions o on o.id = h.official_id
    where m.status = 'scheduled' and o.status = 'deal'`;
  const supplierIds = new Set(suppliers.map((s) => s.id));
  const withTenant = deals
    .map((d) => {
      const bIsBuyer = kinds.get(d.aOrg) === 'supplier' && kinds.get(d.bOrg) !== 'supplier';
      return { ...d, buyer: bIsBuyer ? d.bOrg : d.aOrg, supplier: bIsBuyer ? d.aOrg : d.bOrg };
    })
    .filter((d) => tenantEstate.has(d.buyer) && supplierIds.has(d.supplier))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));
  const seen = new Map<string, Set<string>>();
  for (const d of withTenant) {
    const buyers = seen.get(d.supplier) ?? new Set<string>();
    const kind: Kind | null = buyers.size === 0 ? 'first_deal' : buyers.has(d.buyer) ? 'repeat_deal' : null;
    buyers.add(d.buyer);
    seen.set(d.supplier, buyers);
    if (kind) hits.push({ supplier: d.supplier, kind, at: d.startsAt, estate: tenantEstate.get(d.buyer)! });
  }
  return hits;
}

async function expected(sql: Sql, f: { from?: string; to?: string; office?: string }, zone: string) {
  const facts = new Map(
    (
      await sql<{ id: string; province: string | null; sectors: string[]; binaanOf: string | null }[]>`
      select organization_id as id, province_code as province, sectors, binaan_of from suppliers`
    ).map((s) => [s.id, s]),
  );
  const hits = (await oracleMilestones(sql)).filter((h) => {
    const day = dayIn(h.at, zone);
    return (
      (!f.from || day >= f.from) &&
      (!f.to || day <= f.to) &&
      (!f.office || facts.get(h.supplier)!.binaanOf === f.office)
    );
  });
  const count = (pairs: [string | null, string][]) => {
    const m = new Map<string | null, Set<string>>();
    for (const [k, s] of pairs) m.set(k, (m.get(k) ?? new Set()).add(s));
    return Object.fromEntries([...m].map(([k, v]) => [String(k), v.size]));
  };
  const ikm = [...new Set(hits.map((h) => h.supplier))];
  return {
    total: ikm.length,
    byKind: count(hits.map((h) => [h.kind, h.supplier])),
    byProvince: count(ikm.map((s) => [facts.get(s)!.province, s])),
    bySector: count(ikm.flatMap((s) => facts.get(s)!.sectors.map((x): [string, string] => [x, s]))),
    byEstate: count(
      ikm.flatMap((s) => {
        const estates = hits.filter((h) => h.supplier === s && h.estate).map((h) => h.estate);
        return estates.length ? estates.map((e): [string | null, string] => [e, s]) : [[null, s]];
      }),
    ),
  };
}

interface Group {
  key: string | null;
  ikm: number;
}
const asMap = (g: Group[]) => Object.fromEntries(g.map((x) => [String(x.key), x.ikm]));

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  await seedDemo(t.db.sql);
  staff = (await makeUserWithToken(t.db.sql, { platformRole: 'facilitator' })).token;
}, 300_000);

afterAll(() => t?.close());

describe('naik kelas counts', () => {
  it('match the oracle over the raw tables, for all time, a period, and an NTB office (WITA days)', async () => {
    const [ntb] = await t.db.sql<
      { id: string }[]
    >`select id from organizations where name = 'Dinas Perindustrian Provinsi NTB'`;
    const cases: [{ from?: string; to?: string; office?: string }, string][] = [
      [{}, 'Asia/Jakarta'],
      [{ from: '2026-06-01', to: '2026-10-31' }, 'Asia/Jakarta'],
      [{ from: '2026-01-01', to: '2026-11-22', office: ntb!.id }, 'Asia/Makassar'],
    ];
    let nonTrivial = 0;
    for (const [f, zone] of cases) {
      const qs = new URLSearchParams(f as Record<string, string>).toString();
      const res = await api(t.app, 'GET', `/api/v1/reports/naik-kelas?${qs}`, { token: staff });
      expect(res.status).toBe(200);
      const got = (await res.json()) as {
        zone: string;
        total: number;
        by_kind: Record<string, number>;
        by_province: Group[];
        by_sector: Group[];
        by_estate: Group[];
      };
      const want = await expected(t.db.sql, f, zone);
      expect(got.zone).toBe(zone);
      expect(got.total).toBe(want.total);
      expect(Object.fromEntries(Object.entries(got.by_kind).filter(([, n]) => n > 0))).toEqual(want.byKind);
      expect(asMap(got.by_province)).toEqual(want.byProvince);
      expect(asMap(got.by_sector)).toEqual(want.bySector);
      expect(asMap(got.by_estate)).toEqual(want.byEstate);
      if (want.byKind.first_deal) nonTrivial++;
    }
    expect(nonTrivial).toBeGreaterThan(0);
  });

  it('shows the definition and the breakdowns on the page (staff only)', async () => {
    const u = await makeUser(t.db.sql, { platformRole: 'facilitator' });
    const c = t.client();
    await c.login(u.email, u.password);
    const res = await c.get('/reports/naik-kelas?from=2026-01-01&to=2026-11-30');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('id="naik-definition"');
    expect(html).toContain('id="naik-province-chart"');
    expect((await c.get('/reports/naik-kelas?from=2026-12-01&to=2026-01-01')).status).toBe(422);
    const buyer = await makeUser(t.db.sql, { org: { name: 'PT Pembeli Uji', kind: 'buyer' } });
    const b = t.client();
    await b.login(buyer.email, buyer.password);
    expect((await b.get('/reports/naik-kelas')).status).toBe(403);
  });
});

describe('naik kelas timeline', () => {
  it('lists verification, first certificates and deals in order, for the owner and staff only', async () => {
    const owner = await makeUser(t.db.sql, { org: { name: 'CV Naik Kelas Uji', kind: 'supplier' } });
    const id = owner.orgId!;
    await t.db.sql`
      insert into suppliers (organization_id, legal_name, name_norm, status, verified_at, province_code)
      values (${id}, 'CV Naik Kelas Uji', 'cv naik kelas uji', 'verified', '2026-03-02T02:00:00Z', '52')`;
    await t.db.sql`
      insert into audit_log (at, entity, entity_id, action, changes) values
        ('2026-03-01T02:00:00Z', 'supplier', ${id}, 'verify', '{"status":["submitted","verified"]}')`;
    await t.db.sql`
      insert into supplier_certifications (supplier_id, type, valid_until, created_at) values
        (${id}, 'halal', '2028-01-01', '2026-05-10T01:00:00Z'),
        (${id}, 'halal', '2029-01-01', '2026-07-10T01:00:00Z'),
        (${id}, 'sni', '2020-01-01', '2026-06-10T01:00:00Z')`;
    const c = t.client();
    await c.login(owner.email, owner.password);
    const res = await c.get(`/suppliers/${id}/naik-kelas`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const items = [...html.matchAll(/<li class="milestone milestone-([a-z_]+)">/g)].map((m) => m[1]);
    expect(items).toEqual(['verified', 'certificate']);
    expect(html).toContain('1 Maret 2026');
    expect(html).toContain('10 Mei 2026</time> — Sertifikat pertama: Sertifikat halal (BPJPH)');

    const other = await makeUser(t.db.sql, { org: { name: 'CV Lain Uji', kind: 'supplier' } });
    const o = t.client();
    await o.login(other.email, other.password);
    expect((await o.get(`/suppliers/${id}/naik-kelas`)).status).toBe(404);
    const s = await makeUser(t.db.sql, { platformRole: 'facilitator' });
    const f = t.client();
    await f.login(s.email, s.password);
    expect((await f.get(`/suppliers/${id}/naik-kelas`)).status).toBe(200);
    expect((await f.get('/suppliers/not-a-uuid/naik-kelas')).status).toBe(404);
  });

  it('includes first and repeat deals with large tenants from the official outcomes', async () => {
    const [row] = await t.db.sql<{ supplierOrgId: string }[]>`
      select supplier_org_id from meeting_pairs p join estate_tenants e on e.organization_id = p.buyer_org_id
      where p.outcome_status = 'deal' and p.meeting_status = 'scheduled' limit 1`;
    const s = await makeUser(t.db.sql, { platformRole: 'facilitator' });
    const f = t.client();
    await f.login(s.email, s.password);
    const html = await (await f.get(`/suppliers/${row!.supplierOrgId}/naik-kelas`)).text();
    expect(html).toContain('milestone-first_deal');
  });
});
