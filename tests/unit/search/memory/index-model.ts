/** A generated change stream over a few suppliers and a slot-by-slot dump of a MemoryIndex: the model the compaction and snapshot tests compare against. */
import fc from 'fast-check';
import { expect } from 'vitest';
import { forEachBit, nonZeroWords } from '../../../../search/memory/bitset.js';
import { NO_CERT } from '../../../../search/memory/columns.js';
import { BITSET_FACETS, type MemoryIndex } from '../../../../search/memory/index.js';
import type { SearchRow } from '../../../../search/rows.js';

export const PHRASE = { lexemes: ['baja', 'tahan', 'karat'], offsets: [0, 1, 2] };
// Non-ASCII lexemes too (two- to four-byte UTF-8): the lexicon stores every lexeme as its bytes.
const WORDS = ['baja', 'tahan', 'karat', 'las', 'bubut', 'kuningán', '鋼材', '🔩'];
const KEYS = [...WORDS, 'baja tahan karat', 'baja 1:tahan 2:karat'];

const subset = <T>(xs: readonly T[]) => fc.subarray([...xs]);
export const change = fc.record({
  id: fc.integer({ min: 0, max: 7 }),
  // Shared names and prefixes: name order then falls back to the id.
  name: fc.constantFrom<string>('cv karya logam', 'cv karya', 'ud las', 'cv karya logam 2', 'çv'),
  deleted: fc.boolean(),
  searchable: fc.boolean(),
  verified: fc.boolean(),
  processes: subset(['turning', 'milling', 'welding']),
  regency: fc.constantFrom('32.13', '35.15', null),
  words: fc.array(fc.record({ w: fc.constantFrom(...WORDS), weight: fc.constantFrom('A', 'B', 'C', '') }), {
    maxLength: 5,
  }),
  certs: subset(['iso-9001', 'sni']),
  tkdn: fc.option(fc.integer({ min: 10, max: 90 })),
  employees: fc.option(fc.integer({ min: 1, max: 500 })),
  certChange: fc.boolean(),
  compactAfter: fc.boolean(),
});
export type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

let tx = 1_000;
/** A supplier_search row for a generated change (tsvector text built from the words). */
export function toRow(c: Change): SearchRow {
  const byWord = new Map<string, string[]>();
  c.words.forEach(({ w, weight }, i) => {
    byWord.set(w, [...(byWord.get(w) ?? []), `${i + 1}${weight}`]);
  });
  const tsv = [...byWord].map(([w, ps]) => `'${w}':${ps.join(',')}`).join(' ');
  const txId = String(tx++);
  return {
    supplierId: `00000000-0000-4000-8000-${String(c.id).padStart(12, '0')}`,
    deleted: c.deleted && c.id % 3 === 0,
    searchable: c.searchable || c.id % 2 === 0,
    status: 'verified',
    verified: c.verified,
    name: `CV ${c.id}`,
    tradingName: null,
    nameNorm: c.name,
    provinceCode: c.regency?.slice(0, 2) ?? null,
    regencyCode: c.regency,
    processes: c.processes,
    materials: [],
    productCategories: [],
    sectors: [],
    employees: c.employees,
    lat: c.employees === null ? null : -6.5,
    lon: c.employees === null ? null : 107.7,
    updatedUs: String(1_700_000_000_000_000 + tx),
    tsv,
    certTypes: c.certs,
    certUntil: c.certs.map(() => '2027-01-01'),
    tkdnPercent: c.tkdn === null ? [] : [c.tkdn],
    tkdnUntil: c.tkdn === null ? [] : ['infinity'],
    txId: c.certChange ? String(tx - 2) : txId,
    certTxId: c.certChange ? txId : null,
  };
}

/** Everything a search can read about the live slots, slot by slot (the naive model to compare with). */
export function dump(ix: MemoryIndex) {
  const slots: number[] = [];
  forEachBit(ix.alive, (s) => {
    if (s < ix.size) slots.push(s);
  });
  const at = new Map(slots.map((s, i) => [s, i]));
  const bitsOf = (b: Uint32Array) => {
    const out: number[] = [];
    forEachBit(b, (s) => {
      if (at.has(s)) out.push(at.get(s)!);
    });
    return out;
  };
  const facets = Object.fromEntries(
    BITSET_FACETS.map((f) => [
      f,
      Object.fromEntries(
        [...ix.facets[f]]
          .map(([v, value]) => {
            // The list and the bitset (when the value is dense) must say the same.
            const listed = [...value.slots.subarray(0, value.length)]
              .filter((s) => at.has(s))
              .map((s) => at.get(s)!);
            if (value.bits) expect(bitsOf(value.bits)).toEqual(listed);
            return [v, listed];
          })
          .filter(([, b]) => b!.length),
      ),
    ]),
  );
  const certs = Object.fromEntries(
    [...ix.certUntil]
      .map(([t, col]) => [t, slots.map((s) => col[s]!)] as const)
      .filter(([, days]) => days.some((d) => d !== NO_CERT)),
  );
  const postings = Object.fromEntries(
    KEYS.map((k) => {
      const list: [number, number][] = [];
      ix.forEachPosting(k, (ps, pw, from, to) => {
        for (let i = from; i < to; i++) if (at.has(ps[i]!)) list.push([at.get(ps[i]!)!, pw[i]!]);
      });
      return [k, list];
    }),
  );
  // The forward index counts every value like its list does.
  const counts = new Int32Array(ix.valueIds);
  ix.forward.count(ix.alive, counts);
  const words = nonZeroWords(ix.alive);
  for (const f of BITSET_FACETS)
    for (const [v, value] of ix.facets[f])
      expect([f, v, counts[value.id]]).toEqual([f, v, value.countIn(ix.alive, words)]);
  // The region columns name the province and regency whose lists hold the slot.
  for (const [f, col] of [
    ['province', ix.provinceOf],
    ['regency', ix.regencyOf],
  ] as const) {
    const listed = new Map(slots.map((s) => [s, 0]));
    for (const value of ix.facets[f].values())
      for (const s of value.slots.subarray(0, value.length)) if (listed.has(s)) listed.set(s, value.id + 1);
    expect([f, slots.map((s) => col[s])]).toEqual([f, slots.map((s) => listed.get(s))]);
  }
  // Name order by rank must be the order of (name, id) as text, the SQL path's "C" collation.
  const rank = ix.names.ranks();
  const byRank = [...slots].sort((a, b) => rank[a]! - rank[b]!);
  const text = (s: number) => [ix.nameNorm.at(s), ix.ids.idAt(s)] as const;
  const byText = [...slots].sort((a, b) => {
    const [x, y] = [text(a), text(b)];
    return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0;
  });
  expect(byRank).toEqual(byText);
  return {
    ids: slots.map((s) => ix.ids.idAt(s)),
    slotOf: slots.map((s) => ix.ids.get(ix.ids.idAt(s)) === s),
    slotCount: ix.ids.size,
    nameOrder: byRank.map((s) => at.get(s)),
    columns: slots.map((s) => [ix.employees[s], ix.lat[s], ix.updated[s], ix.nameNorm.at(s), ix.idKey[s]]),
    tkdn: slots.map((s) => ix.tkdn.get(s) ?? null),
    verified: bitsOf(ix.verified),
    facets,
    certs,
    postings,
    documents: ix.size - ix.dead,
  };
}
