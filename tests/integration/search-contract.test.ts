import { randomBytes } from 'node:crypto';
import { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FacetName, SearchEngine, SupplierQuery } from '../../search/engine.js';
import { MeiliEngine } from '../../search/meilisearch.js';
import { PostgresEngine } from '../../search/postgres.js';
import { reindexAll } from '../../search/sync.js';
import type { Sql } from '../../src/db/client.js';
import { loadSupplierSeeds } from '../../src/seed/load.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { haversineKm, type Named, q, SMARTPOLITAN, seed, seedSearchData } from './search-fixtures.js';

/**
 * One contract, every engine available: PostgreSQL with its in-memory index, PostgreSQL by
 * SQL alone, and Meilisearch when MEILI_URL points at one.
 */
const MEILI_URL = process.env.MEILI_URL;
if (!MEILI_URL) console.info('search contract: Meilisearch skipped: no MEILI_URL');

let db: TestDb;
let ids: Record<Named, string>;
let concept: Record<keyof typeof CONCEPT, string>;

/** Suppliers listed only under narrower terms, and one that does half of a compound query. */
const CONCEPT = {
  heat: seed({ legalName: 'CV Thermo Perlakuan', processes: ['heat-treatment'], materials: ['alloy-steel'] }),
  hardening: seed({ legalName: 'CV Sepuh Keras Abadi', processes: ['hardening'] }),
  tempering: seed({ legalName: 'CV Temper Nusantara', processes: ['tempering'] }),
  sheet: seed({ legalName: 'CV Plat Tipis Mandiri', processes: ['sheet-metal-work'] }),
  turnAlu: seed({ legalName: 'CV Putaran Aluminium', processes: ['turning'], materials: ['aluminium'] }),
};

beforeAll(async () => {
  db = await createTestDb();
  ids = await seedSearchData(db.sql);
  await loadSupplierSeeds(db.sql, Object.values(CONCEPT));
  const rows = await db.sql<{ id: string; legalName: string }[]>`
    select organization_id as id, legal_name from suppliers
    where legal_name in ${db.sql(Object.values(CONCEPT).map((s) => s.legalName))}`;
  const byName = new Map(rows.map((r) => [r.legalName, r.id]));
  concept = Object.fromEntries(
    Object.entries(CONCEPT).map(([k, s]) => [k, byName.get(s.legalName)!]),
  ) as typeof concept;
});
afterAll(() => db?.drop());

interface EngineCase {
  name: string;
  make: (sql: Sql) => Promise<SearchEngine>;
}

const cases: EngineCase[] = [
  {
    name: 'postgres (in-memory index)',
    make: async (sql) => {
      const e = new PostgresEngine(sql, { waitForIndex: true });
      await e.start();
      expect(e.status().detail?.index).toBe('ready');
      return e;
    },
  },
  { name: 'postgres (SQL only)', make: async (sql) => new PostgresEngine(sql, { memory: false }) },
];

describe.each(cases)('$name', ({ make }) => runContract(make));

describe.skipIf(!MEILI_URL)(MEILI_URL ? 'meilisearch' : 'meilisearch (skipped: no MEILI_URL)', () => {
  const uid = `suppliers_test_${randomBytes(4).toString('hex')}`;
  const client = new Meilisearch({ host: MEILI_URL ?? 'http://127.0.0.1:1', apiKey: process.env.MEILI_KEY });
  afterAll(async () => {
    await client.deleteIndexIfExists(uid);
  });
  runContract(async (sql) => {
    await reindexAll(sql, client, { uid });
    const engine = new MeiliEngine(client, sql, { indexUid: uid });
    await engine.ensureSettings();
    return engine;
  });
});

function runContract(make: (sql: Sql) => Promise<SearchEngine>) {
  let engine: SearchEngine;
  beforeAll(async () => {
    engine = await make(db.sql);
  });
  const hitIds = async (query: SupplierQuery) => (await engine.search(query)).hits.map((h) => h.id);

  it('finds "bubut baja tahan karat" when searching "turning stainless"', async () => {
    expect(await hitIds(q({ q: 'turning stainless' }))).toContain(ids.bubut);
  });

  it('finds an English "CNC turning of stainless steel" when searching "bubut baja tahan karat"', async () => {
    const found = await hitIds(q({ q: 'bubut baja tahan karat' }));
    expect(found).toContain(ids.lathe);
    expect(found).toContain(ids.bubut);
  });

  it('finds the narrower terms of a broad one, ranked below its direct suppliers', async () => {
    for (const query of ['perlakuan panas', 'heat treatment']) {
      const found = await hitIds(q({ q: query }));
      expect(found, query).toEqual(
        expect.arrayContaining([concept.heat, concept.hardening, concept.tempering]),
      );
      expect(found.indexOf(concept.heat), query).toBeLessThan(found.indexOf(concept.hardening));
      expect(found.indexOf(concept.heat), query).toBeLessThan(found.indexOf(concept.tempering));
    }
    for (const query of ['fabrikasi', 'pabrikasi', 'fabrication'])
      expect(await hitIds(q({ q: query })), query).toEqual(expect.arrayContaining([ids.las, concept.sheet]));
  });

  it('never lets a business word exclude a supplier', async () => {
    const plain = await hitIds(q({ q: 'bubut' }));
    for (const query of ['bengkel bubut', 'jasa bubut', 'turning workshop', 'CV bubut', 'bubut service PT']) {
      const found = await hitIds(q({ q: query }));
      expect(found, query).toEqual(expect.arrayContaining([ids.bubut, ids.lathe, concept.turnAlu]));
      expect(found.length, query).toBeGreaterThanOrEqual(plain.length);
    }
  });

  it('lists full matches first, then partial ones, when some words match nothing or only some suppliers', async () => {
    const found = await hitIds(q({ q: 'bubut stainless' }));
    expect(found).toEqual(expect.arrayContaining([ids.bubut, ids.lathe, concept.turnAlu]));
    expect(found.indexOf(ids.bubut)).toBeLessThan(found.indexOf(concept.turnAlu));
    expect(found.indexOf(ids.lathe)).toBeLessThan(found.indexOf(concept.turnAlu));
    const unknown = await hitIds(q({ q: 'bubut zqxwvy' }));
    expect(unknown).toEqual(expect.arrayContaining([ids.bubut, ids.lathe, concept.turnAlu]));
  });

  it('forgives one typo in words of five letters or more', async () => {
    for (const typo of ['bubud', 'stainlss', 'turnign', 'stainles']) {
      expect(await hitIds(q({ q: typo })), typo).toContain(ids.bubut);
    }
  });

  it('never lists drafts or suspended profiles, and lists submitted ones only to staff', async () => {
    const staff = await hitIds(q({ q: 'bubut' }));
    expect(staff).not.toContain(ids.draft);
    expect(staff).not.toContain(ids.suspended);
    expect(await hitIds(q({ q: 'pengecoran' }))).toContain(ids.cor);
    expect(await hitIds(q({ q: 'pengecoran', statuses: ['verified'] }))).not.toContain(ids.cor);
  });

  it('counts facets disjunctively, equal to SQL over the source tables', async () => {
    const queries = [
      q(),
      q({}, { processes: ['turning', 'welding'] }),
      q(
        {},
        { processes: ['turning', 'welding'], certifications: ['iso-9001', 'sni'], province: ['32', '35'] },
      ),
      q(
        { statuses: ['verified'] },
        { materials: ['stainless-steel'], verified: [true], sectors: ['automotive'] },
      ),
      q(
        {},
        {
          certifications: ['tkdn'],
          regency: ['32.13', '35.15', '52.71'],
          product_categories: ['machinery-parts'],
        },
      ),
    ];
    for (const query of queries) {
      const r = await engine.search(query);
      const expected = await sourceFacetCounts(db.sql, query);
      for (const f of Object.keys(expected) as FacetName[])
        expect(nonZero(r.facets[f]), `${f} for ${JSON.stringify(query.filters)}`).toEqual(expected[f]);
      expect(r.total).toBe(await sourceTotal(db.sql, query));
    }
  });

  it('keeps within the radius exactly the suppliers a haversine puts there, nearest first', async () => {
    const radius = 60;
    const r = await engine.search(q({ point: SMARTPOLITAN, radiusKm: radius, sort: 'distance' }));
    const all = await db.sql<{ id: string; lat: number; lon: number }[]>`
      select organization_id as id, lat, lon from suppliers
      where status in ('verified', 'submitted') and lat is not null`;
    const dist = new Map(all.map((s) => [s.id, haversineKm(SMARTPOLITAN, s)]));
    const got = new Set(r.hits.map((h) => h.id));
    for (const [id, d] of dist) {
      if (Math.abs(d - radius) < 0.5) continue;
      expect(got.has(id), `${id} at ${d.toFixed(2)} km`).toBe(d < radius);
    }
    expect(r.total).toBe(r.hits.length);
    const distances = r.hits.map((h) => h.distanceKm!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    for (const h of r.hits) expect(Math.abs(h.distanceKm! - dist.get(h.id)!)).toBeLessThan(0.3);
  });

  it('never counts an expired certificate, judged against today', async () => {
    const sni = await engine.search(q({}, { certifications: ['sni'] }));
    expect(sni.hits.map((h) => h.id)).toContain(ids.bubut);
    expect(sni.hits.map((h) => h.id)).not.toContain(ids.lathe);
    const lathe = (await engine.search(q({ q: 'eastern lathe works' }))).hits.find((h) => h.id === ids.lathe);
    expect(lathe?.certifications).toEqual(['tkdn']);
    expect(lathe?.tkdnMax).toBe(45.5);

    const later = await engine.search(q({ today: '2027-06-01' }, { certifications: ['iso-9001'] }));
    expect(later.hits.map((h) => h.id)).not.toContain(ids.bubut);
    expect(later.facets.certifications['iso-9001'] ?? 0).toBe(
      await sourceTotal(db.sql, q({ today: '2027-06-01' }, { certifications: ['iso-9001'] })),
    );
  });

  it('filters by minimum TKDN among valid certificates only', async () => {
    const r = await hitIds(q({ tkdnMin: 42 }));
    expect(r).toContain(ids.lathe);
    expect(r).not.toContain(ids.las);
    expect(await hitIds(q({ tkdnMin: 40 }))).toContain(ids.las);
  });

  it('filters by employee range', async () => {
    const r = await engine.search(q({ employeesMin: 20, employeesMax: 30 }));
    expect(r.hits.map((h) => h.id)).toContain(ids.bubut);
    expect(r.hits.map((h) => h.id)).not.toContain(ids.lathe);
    expect(r.total).toBe(await sourceTotal(db.sql, q({ employeesMin: 20, employeesMax: 30 })));
  });

  it('sorts by name like SQL does, and pages without gaps or repeats', async () => {
    const page = (n: number) => hitIds(q({ sort: 'name', page: n, perPage: 10 }));
    const expected = await db.sql<{ id: string }[]>`
      select organization_id as id from suppliers where status in ('verified', 'submitted')
      order by name_norm collate "C", organization_id limit 30`;
    expect([...(await page(1)), ...(await page(2)), ...(await page(3))]).toEqual(expected.map((r) => r.id));
  });

  it('pages a relevance-ranked text search consistently', async () => {
    const whole = await hitIds(q({ q: 'baja', perPage: 30 }));
    const parts: string[] = [];
    for (let p = 1; p <= 3; p++) parts.push(...(await hitIds(q({ q: 'baja', page: p, perPage: 10 }))));
    expect(parts).toEqual(whole);
  });

  it('suggests a spelling and which filter to relax when nothing is found', async () => {
    const typo = await engine.search(q({ q: 'bubt' }));
    expect(typo.total).toBe(0);
    expect(typo.suggestions).toContainEqual(expect.objectContaining({ kind: 'spelling', query: 'bubut' }));

    const strict = q({ q: 'bubut', tkdnMin: 99 }, { certifications: ['asme'] });
    const none = await engine.search(strict);
    expect(none.total).toBe(0);
    const relaxTkdn = none.suggestions.find((s) => s.kind === 'relax' && s.param === 'tkdn_min');
    expect(relaxTkdn).toBeUndefined();
    const loose = q({ q: 'bubut', tkdnMin: 99 });
    const one = await engine.search(loose);
    expect(one.total).toBe(0);
    const relax = one.suggestions.find((s) => s.kind === 'relax' && s.param === 'tkdn_min');
    expect(relax).toBeDefined();
    expect(relax?.kind === 'relax' && relax.total).toBe((await engine.search(q({ q: 'bubut' }))).total);
  });
}

const nonZero = (counts: Record<string, number>) =>
  Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));

/** Conditions of a filter-only query over the source tables (not supplier_search). */
function sourceWhere(sql: Sql, query: SupplierQuery, omit: FacetName | null) {
  const f = query.filters;
  const parts = [sql`s.status = any(${[...query.statuses]}::text[])`];
  for (const key of ['processes', 'materials', 'sectors', 'product_categories'] as const) {
    const column = {
      processes: 'processes',
      materials: 'materials',
      sectors: 'sectors',
      product_categories: 'product_categories',
    }[key];
    if (omit !== key && f[key].length) parts.push(sql`${sql(`s.${column}`)} && ${f[key]}::text[]`);
  }
  if (omit !== 'province' && f.province.length) parts.push(sql`s.province_code = any(${f.province}::text[])`);
  if (omit !== 'regency' && f.regency.length) parts.push(sql`s.regency_code = any(${f.regency}::text[])`);
  if (omit !== 'verified' && f.verified.length === 1)
    parts.push(sql`(s.status = 'verified') = ${f.verified[0]!}`);
  if (omit !== 'certifications' && f.certifications.length)
    parts.push(sql`exists (select 1 from supplier_certifications c where c.supplier_id = s.organization_id
      and c.type = any(${f.certifications}::text[]) and (c.valid_until is null or c.valid_until >= ${query.today}::date))`);
  if (query.employeesMin !== null) parts.push(sql`s.employees >= ${query.employeesMin}`);
  if (query.employeesMax !== null) parts.push(sql`s.employees <= ${query.employeesMax}`);
  return parts.reduce((a, b) => sql`${a} and ${b}`);
}

async function sourceTotal(sql: Sql, query: SupplierQuery): Promise<number> {
  const [row] = await sql<
    { n: number }[]
  >`select count(*)::int as n from suppliers s where ${sourceWhere(sql, query, null)}`;
  return row!.n;
}

async function sourceFacetCounts(sql: Sql, query: SupplierQuery) {
  const grouped = async (
    facet: FacetName,
    select: (where: ReturnType<typeof sourceWhere>) => Promise<{ v: string; n: number }[]>,
  ) => [facet, Object.fromEntries((await select(sourceWhere(sql, query, facet))).map((r) => [r.v, r.n]))];
  const arrays = (['processes', 'materials', 'sectors', 'product_categories'] as const).map((facet) =>
    grouped(
      facet,
      (where) =>
        sql`select v, count(*)::int as n from suppliers s, unnest(${sql(`s.${facet}`)}) v where ${where} group by v`,
    ),
  );
  return Object.fromEntries(
    await Promise.all([
      ...arrays,
      grouped(
        'province',
        (where) =>
          sql`select s.province_code as v, count(*)::int as n from suppliers s where ${where} group by 1`,
      ),
      grouped(
        'regency',
        (where) =>
          sql`select s.regency_code as v, count(*)::int as n from suppliers s where ${where} group by 1`,
      ),
      grouped(
        'verified',
        (where) =>
          sql`select (s.status = 'verified')::text as v, count(*)::int as n from suppliers s where ${where} group by 1`,
      ),
      grouped(
        'certifications',
        (where) => sql`
        select c.type as v, count(distinct s.organization_id)::int as n from suppliers s
        join supplier_certifications c on c.supplier_id = s.organization_id
        where ${where} and (c.valid_until is null or c.valid_until >= ${query.today}::date) group by 1`,
      ),
    ]),
  ) as Record<FacetName, Record<string, number>>;
}
