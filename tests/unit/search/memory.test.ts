import { describe, expect, it } from 'vitest';
import type { TextQuery } from '../../../search/analyze.js';
import { emptyQuery, type SupplierQuery } from '../../../search/engine.js';
import { execute } from '../../../search/memory/execute.js';
import { MemoryIndex } from '../../../search/memory/index.js';
import type { SearchRow } from '../../../search/rows.js';

let tx = 100;
function row(id: string, over: Partial<SearchRow> = {}): SearchRow {
  return {
    supplierId: `00000000-0000-4000-8000-${id.padStart(12, '0')}`,
    deleted: false,
    searchable: true,
    status: 'verified',
    verified: true,
    name: `CV ${id}`,
    tradingName: null,
    nameNorm: id,
    provinceCode: '32',
    regencyCode: '32.13',
    processes: [],
    materials: [],
    productCategories: [],
    sectors: [],
    employees: 10,
    lat: -6.5,
    lon: 107.7,
    updatedUs: String(1_700_000_000_000_000 + Number(id) * 1000),
    tsv: "'bengkel':1C",
    certTypes: [],
    certUntil: [],
    tkdnPercent: [],
    tkdnUntil: [],
    txId: String(tx++),
    certTxId: null,
    ...over,
  };
}

const q = (over: Partial<SupplierQuery> = {}, filters: Partial<SupplierQuery['filters']> = {}) => {
  const base = emptyQuery({ today: '2026-11-22', ...over });
  return { ...base, filters: { ...base.filters, ...filters } };
};

const phrase = { lexemes: ['baja', 'tahan', 'karat'], offsets: [0, 1, 2] };
const text = (forms: { lexemes: string[]; offsets: number[] }[]): TextQuery => ({
  groups: [{ text: 'x', units: [{ text: 'x', kind: 'exact', forms }] }],
  highlight: [],
  tsquery: '',
  rankTsquery: '',
  tierTsqueries: [],
  directTsqueries: [],
  capabilityTerms: [],
});

function index() {
  const ix = new MemoryIndex([[phrase]]);
  ix.apply(
    row('1', {
      processes: ['turning'],
      certTypes: ['iso-9001'],
      certUntil: ['2027-01-01'],
      tsv: "'baja':2C 'bubut':1C 'karat':4C 'tahan':3C",
    }),
  );
  ix.apply(
    row('2', {
      processes: ['turning', 'milling'],
      provinceCode: '35',
      certTypes: ['iso-9001'],
      certUntil: ['2026-11-21'],
      tsv: "'baja':1C 'karat':2C 'tahan':3C",
    }),
  );
  ix.apply(
    row('3', {
      processes: ['welding'],
      verified: false,
      status: 'submitted',
      certTypes: ['sni'],
      certUntil: ['infinity'],
    }),
  );
  ix.apply(
    row('4', {
      processes: ['milling'],
      tkdnPercent: [40, 70],
      tkdnUntil: ['2027-01-01', '2026-01-01'],
      certTypes: ['tkdn', 'tkdn'],
      certUntil: ['2026-01-01', '2027-01-01'],
    }),
  );
  return ix;
}

describe('in-memory index', () => {
  it('counts each facet under every filter but its own', () => {
    const r = execute(index(), q({}, { processes: ['turning'], province: ['32'] }), null, 10);
    expect(r.total).toBe(1);
    expect(r.facets.processes).toEqual({ turning: 1, milling: 1, welding: 1 });
    expect(r.facets.province).toEqual({ '32': 1, '35': 1 });
    expect(r.facets.verified).toEqual({ true: 1 });
  });

  it('counts a certificate only while it is valid', () => {
    const ix = index();
    expect(execute(ix, q(), null, 10).facets.certifications).toEqual({ 'iso-9001': 1, sni: 1, tkdn: 1 });
    expect(execute(ix, q({ today: '2026-11-21' }), null, 10).facets.certifications['iso-9001']).toBe(2);
    expect(execute(ix, q({ tkdnMin: 41 }), null, 10).total).toBe(0);
    expect(execute(ix, q({ tkdnMin: 40 }), null, 10).total).toBe(1);
  });

  it('compares TKDN the way SQL compares reals', () => {
    const ix = new MemoryIndex([]);
    ix.apply(row('9', { tkdnPercent: [Math.fround(33.3)], tkdnUntil: ['infinity'] }));
    expect(execute(ix, q({ tkdnMin: 33.3 }), null, 10).total).toBe(1);
  });

  it('matches a taxonomy phrase only when its words are adjacent', () => {
    const ix = index();
    const r = execute(ix, q(), text([phrase]), 10);
    expect(r.ordered.map((s) => ix.ids.idAt(s))).toEqual([row('1').supplierId]);
  });

  it('replaces a changed supplier and forgets a withdrawn one', () => {
    const ix = index();
    ix.apply(row('1', { processes: ['milling'], txId: '900' }));
    expect(execute(ix, q({}, { processes: ['turning'] }), null, 10).total).toBe(1);
    ix.apply(row('2', { searchable: false, txId: '901' }));
    expect(execute(ix, q({}, { processes: ['turning'] }), null, 10).total).toBe(0);
    expect(ix.dead).toBe(2);
  });

  it('answers a size band or TKDN floor asked again with the changes made since', () => {
    const ix = index();
    const band = q({ employeesMin: 20, employeesMax: 30 });
    expect(execute(ix, band, null, 10).total).toBe(0);
    ix.apply(row('1', { employees: 25, txId: '910' }));
    expect(execute(ix, band, null, 10).total).toBe(1);
    expect(execute(ix, q({ employeesMin: 20 }), null, 10).total).toBe(1);
    expect(execute(ix, q({ employeesMax: 20 }), null, 10).total).toBe(3);
    ix.apply(row('1', { employees: null, txId: '911' }));
    expect(execute(ix, band, null, 10).total).toBe(0);
    // TKDN is valid by day: the same floor tomorrow differs without any write.
    expect(execute(ix, q({ tkdnMin: 70 }), null, 10).total).toBe(0);
    ix.apply(row('4', { tkdnPercent: [70], tkdnUntil: ['2026-11-23'], txId: '912' }));
    expect(execute(ix, q({ tkdnMin: 70 }), null, 10).total).toBe(1);
    expect(execute(ix, q({ tkdnMin: 70, today: '2026-11-24' }), null, 10).total).toBe(0);
  });

  it('hides submitted suppliers from viewers who may see only verified ones', () => {
    expect(execute(index(), q({ statuses: ['verified'] }), null, 10).total).toBe(3);
  });

  it('suggests dropping the filter that empties the result, with the count it would give', () => {
    const r = execute(index(), q({ tkdnMin: 90 }, { processes: ['milling'] }), null, 10);
    expect(r.total).toBe(0);
    expect(r.suggestions).toEqual([{ kind: 'relax', param: 'tkdn_min', value: null, total: 2 }]);
  });
});

describe('facet counts by value lists and by the forward index', () => {
  // 3,000 suppliers over 40 regencies and 12 processes; "langka" appears in 1 of 50, so its
  // counts go through the forward index, while a browse counts the short regency lists.
  const N = 3000;
  const ix = new MemoryIndex([[phrase]]);
  const rows = Array.from({ length: N }, (_, i) =>
    row(String(i + 1), {
      // Every 11th supplier has no region.
      regencyCode: i % 11 === 5 ? null : `32.${String(i % 40).padStart(2, '0')}`,
      provinceCode: i % 11 === 5 ? null : String(11 + (i % 31)),
      // Every 13th has no process.
      processes: i % 13 === 4 ? [] : [`p${i % 12}`, `p${(i * 5) % 12}`],
      materials: i % 3 === 0 ? ['steel'] : [],
      verified: i % 4 !== 0,
      tsv: i % 50 === 0 ? "'bengkel':1C 'langka':2A" : "'bengkel':1C",
    }),
  );
  for (const r of rows) ix.apply(r);
  ix.trim();

  /** Counts straight from the rows: the oracle. */
  function expected(
    keep: (r: SearchRow) => boolean,
    facet: 'regency' | 'processes' | 'province' | 'materials',
  ) {
    const out: Record<string, number> = {};
    for (const r of rows.filter(keep)) {
      const values =
        facet === 'regency' ? [r.regencyCode] : facet === 'province' ? [r.provinceCode] : r[facet];
      for (const v of new Set(values)) if (v) out[v] = (out[v] ?? 0) + 1;
    }
    return out;
  }

  it.each([
    [
      'a rare word (forward index)',
      text([{ lexemes: ['langka'], offsets: [0] }]),
      (r: SearchRow) => r.tsv.includes('langka'),
    ],
    ['a browse', null, () => true],
  ])('counts %s like the rows do, under a filter of its own facet too', (_, t, keep) => {
    const r = execute(ix, q({}, { processes: ['p3'] }), t, 20);
    const inP3 = (x: SearchRow) => x.processes.includes('p3');
    for (const f of ['regency', 'province', 'materials'] as const)
      expect(r.facets[f]).toEqual(expected((x) => keep(x) && inP3(x), f));
    // Disjunctive: processes are counted without their own filter.
    expect(r.facets.processes).toEqual({
      ...expected(keep, 'processes'),
      p3: expected(keep, 'processes').p3 ?? 0,
    });
    expect(r.total).toBe(rows.filter((x) => keep(x) && inP3(x)).length);
  });

  it.each([
    [
      'a rare word',
      text([{ lexemes: ['langka'], offsets: [0] }]),
      (r: SearchRow) => r.tsv.includes('langka'),
    ],
    ['a browse', null, () => true],
  ])('counts %s under a province or regency filter like the rows do', (_, t, keep) => {
    const cases: [Partial<SupplierQuery['filters']>, (x: SearchRow) => boolean, 'province' | 'regency'][] = [
      [{ province: ['35'] }, (x) => x.provinceCode === '35', 'province'],
      [{ regency: ['32.05', '32.06'] }, (x) => ['32.05', '32.06'].includes(x.regencyCode ?? ''), 'regency'],
    ];
    for (const [filters, inFilter, own] of cases) {
      const r = execute(ix, q({}, filters), t, 20);
      for (const f of ['regency', 'province', 'materials', 'processes'] as const)
        expect(r.facets[f]).toEqual(
          f === own
            ? {
                ...expected(keep, f),
                ...Object.fromEntries(filters[own]!.map((v) => [v, expected(keep, f)[v] ?? 0])),
              }
            : expected((x) => keep(x) && inFilter(x), f),
        );
    }
    // Both: each is counted under the other's filter.
    const both = execute(ix, q({}, { province: ['35'], regency: ['32.07'] }), t, 20);
    expect(both.facets.province).toEqual({
      ...expected((x) => keep(x) && x.regencyCode === '32.07', 'province'),
      '35': expected((x) => keep(x) && x.regencyCode === '32.07', 'province')['35'] ?? 0,
    });
    expect(both.facets.regency).toEqual({
      ...expected((x) => keep(x) && x.provinceCode === '35', 'regency'),
      '32.07': expected((x) => keep(x) && x.provinceCode === '35', 'regency')['32.07'] ?? 0,
    });
  });
});

describe('answers kept between queries (per index version)', () => {
  // Counts and prepared text are kept while the index stays the same. Every answer of a query
  // sequence on one index must equal the same query on a fresh index built from the same rows.
  const rows = (extra: SearchRow[] = []) => [
    ...Array.from({ length: 600 }, (_, i) =>
      row(String(i + 1), {
        provinceCode: String(31 + (i % 5)),
        regencyCode: `${31 + (i % 5)}.0${i % 3}`,
        processes: [`p${i % 4}`, ...(i % 7 === 0 ? ['p9'] : [])],
        employees: (i * 7) % 120,
        verified: i % 5 !== 0,
        status: i % 5 !== 0 ? 'verified' : 'submitted',
        certTypes: i % 6 === 0 ? ['sni'] : [],
        certUntil: i % 6 === 0 ? [i % 12 === 0 ? '2026-11-22' : '2027-06-30'] : [],
        tsv: i % 3 === 0 ? "'bubut':1B 'bengkel':2C" : i % 3 === 1 ? "'bengkel':1C" : "'bubut':1C",
      }),
    ),
    ...extra,
  ];
  const build = (rs: SearchRow[]) => {
    const ix = new MemoryIndex([[phrase]]);
    for (const r of rs) ix.apply(r);
    return ix;
  };
  const bubut = text([{ lexemes: ['bubut'], offsets: [0] }]);
  /** One group per word, in the order typed. */
  const words = (...ws: string[]): TextQuery => ({
    ...text([]),
    groups: ws.map((w) => ({
      text: w,
      units: [{ text: w, kind: 'exact', forms: [{ lexemes: [w], offsets: [0] }] }],
    })),
  });
  const shown = (r: ReturnType<typeof execute>) => ({
    total: r.total,
    facets: r.facets,
    ordered: r.ordered.length,
    scores: [...r.scores.values()],
  });

  it('gives every query of a session the answer a fresh index gives', () => {
    const kept = build(rows());
    const both = ['submitted', 'verified'] as const;
    const verifiedOnly = ['verified'] as const;
    const steps: [Partial<SupplierQuery>, Partial<SupplierQuery['filters']>, TextQuery | null][] = [
      [{ sort: 'relevance' }, { province: ['32'] }, bubut],
      [{ sort: 'name' }, { province: ['32'] }, bubut],
      [{ sort: 'recent' }, { province: ['32'] }, bubut],
      [{ sort: 'relevance' }, { province: ['32', '33'] }, bubut],
      // A value nobody has is listed with 0 while chosen, and forgotten once it is not.
      [{ sort: 'relevance' }, { province: ['99'] }, bubut],
      [{ sort: 'relevance' }, {}, bubut],
      [{ sort: 'relevance' }, {}, words('bengkel', 'bubut')],
      [{ sort: 'relevance' }, { province: ['33'] }, words('bubut', 'bengkel')],
      // A word found nowhere moves behind the others, whichever query prepared it first.
      [{ sort: 'relevance' }, {}, words('nowhere', 'bubut')],
      [{ sort: 'name' }, {}, words('bubut', 'nowhere')],
      [{ employeesMin: 50 }, { province: ['32'] }, bubut],
      [{ employeesMin: 50, statuses: verifiedOnly }, { province: ['32'] }, bubut],
      [{ employeesMin: 50, statuses: both }, { province: ['32'] }, bubut],
      [{ employeesMin: 50, statuses: both }, { province: ['32'], processes: ['p9'] }, null],
      [{ employeesMin: 50, statuses: both }, { processes: ['p9'] }, null],
      [{ statuses: both }, { certifications: ['sni'] }, null],
      [{ statuses: both, today: '2026-11-23' }, { certifications: ['sni'] }, null],
      [{ statuses: both, today: '2026-11-23' }, {}, null],
    ];
    for (const [over, filters, t] of steps) {
      const query = q(over, filters);
      const r = execute(kept, query, t, 20);
      expect(shown(r), JSON.stringify([over, filters, !!t])).toEqual(
        shown(execute(build(rows()), query, t, 20)),
      );
    }
    const r = execute(kept, q({}, {}), bubut, 20);
    expect(r.facets.province['99']).toBeUndefined();
    expect(r.facets.certifications.sni).toBeGreaterThan(0);
  });

  it('counts a change at once: nothing kept outlives the index version it was counted on', () => {
    const kept = build(rows());
    const query = q({ sort: 'name' }, { province: ['32'] });
    const before = execute(kept, query, bubut, 20);
    execute(kept, query, bubut, 20);
    const added = row('9001', {
      provinceCode: '34',
      regencyCode: '34.01',
      processes: ['p2'],
      tsv: "'bubut':1A",
    });
    kept.apply(added);
    const after = execute(kept, query, bubut, 20);
    expect(shown(after)).toEqual(shown(execute(build(rows([added])), query, bubut, 20)));
    expect(after.facets.province['34']).toBe((before.facets.province['34'] ?? 0) + 1);
    // A word found nowhere until now leads its query again once a supplier has it.
    const nowhereFirst = words('nowhere', 'bubut');
    expect(execute(kept, q(), nowhereFirst, 20).groups?.map((g) => g.text)).toEqual(['bubut', 'nowhere']);
    const found = row('9002', { tsv: "'nowhere':1A 'bubut':2C" });
    kept.apply(found);
    const now = execute(kept, q(), nowhereFirst, 20);
    expect(now.groups?.map((g) => g.text)).toEqual(['nowhere', 'bubut']);
    expect(now.total).toBe(1);
    expect(shown(now)).toEqual(shown(execute(build(rows([added, found])), q(), nowhereFirst, 20)));
  });
});

describe('relevance scores by kind and field', () => {
  // One group: a direct match (10) plus the best alternative's kind weight × field weight
  // (exact 1, synonym 0.85, typo 0.6; name A 1, capabilities B 0.5, description C 0.25).
  const group = (units: [kind: 'exact' | 'synonym' | 'typo', lexeme: string][]): TextQuery => ({
    ...text([]),
    groups: [
      {
        text: 'x',
        units: units.map(([kind, w]) => ({ text: w, kind, forms: [{ lexemes: [w], offsets: [0] }] })),
      },
    ],
  });
  const query = group([
    ['exact', 'bubut'],
    ['synonym', 'turning'],
    ['typo', 'bubud'],
  ]);
  const build = () => {
    const ix = new MemoryIndex([[phrase]]);
    ix.apply(row('1', { tsv: "'bubut':1A", provinceCode: '31' }));
    ix.apply(row('2', { tsv: "'bubut':3C 'turning':1A", provinceCode: '32' }));
    ix.apply(row('3', { tsv: "'turning':2B 'bubud':1A", provinceCode: '33' }));
    ix.apply(row('4', { tsv: "'bubud':1C 'bengkel':2A", provinceCode: '34' }));
    ix.apply(row('5', { tsv: "'bengkel':1A", provinceCode: '35' }));
    return ix;
  };
  const expected = new Map([
    ['1', 11],
    ['2', 10.85],
    ['3', 10.6],
    ['4', 10.15],
  ]);
  const scored = (ix: MemoryIndex, over: Partial<SupplierQuery['filters']> = {}) => {
    const r = execute(ix, q({ sort: 'relevance' }, over), query, 20);
    return new Map(r.ordered.map((s) => [ix.ids.idAt(s).slice(-1), r.scores.get(s)!]));
  };

  it('scores each supplier by its best alternative', () => {
    const got = scored(build());
    expect([...got.keys()]).toEqual(['1', '2', '3', '4']);
    for (const [id, score] of expected) expect(got.get(id)).toBeCloseTo(score, 10);
  });

  it('scores the same whichever filter the word was first ranked under', () => {
    const ix = build();
    // Ranked first under a province holding one supplier, then under others and none: the
    // weights worked out for the word serve every later filter.
    expect([...scored(ix, { province: ['33'] })]).toEqual([['3', scored(build()).get('3')]]);
    expect([...scored(ix, { province: ['31', '34'] }).keys()]).toEqual(['1', '4']);
    expect(scored(ix)).toEqual(scored(build()));
    for (const [id, score] of expected) expect(scored(ix).get(id)).toBeCloseTo(score, 10);
  });
});
