import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BITSET_FACETS, MemoryIndex } from '../../../../search/memory/index.js';
import type { SearchRow } from '../../../../search/rows.js';
import { type Change, change, dump, PHRASE, toRow } from './index-model.js';

/** A fresh index from each supplier's final row, in the order the rows were last applied. */
function freshBuild(rows: SearchRow[]): MemoryIndex {
  const last = new Map<string, SearchRow>();
  for (const r of rows) {
    last.delete(r.supplierId);
    last.set(r.supplierId, r);
  }
  const ix = new MemoryIndex([[PHRASE]]);
  for (const r of last.values()) ix.apply(r);
  return ix;
}

describe('MemoryIndex.compact', () => {
  it('equals a fresh build of the live rows, whenever it runs', () => {
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 40 }), (changes) => {
        const ix = new MemoryIndex([[PHRASE]]);
        const rows: SearchRow[] = [];
        for (const c of changes) {
          const row = toRow(c);
          rows.push(row);
          ix.apply(row);
          if (c.compactAfter) ix.compact();
        }
        const fresh = freshBuild(rows);
        expect(dump(ix)).toEqual(dump(fresh));
        ix.compact();
        expect(ix.dead).toBe(0);
        expect(ix.size).toBe(fresh.size);
        const idsOf = (x: typeof ix) => Array.from({ length: x.size }, (_, k) => x.ids.idAt(k));
        expect(idsOf(ix)).toEqual(idsOf(fresh));
        expect(dump(ix)).toEqual(dump(fresh));
        expect([...ix.certUntil.keys()].sort()).toEqual([...fresh.certUntil.keys()].sort());
        for (const f of BITSET_FACETS)
          expect([...ix.facets[f].keys()].sort()).toEqual([...fresh.facets[f].keys()].sort());
      }),
      { numRuns: 300 },
    );
  });

  it('ignores a row it has already applied, and applies the next version after a compaction', () => {
    const ix = new MemoryIndex([[PHRASE]]);
    const base: Change = {
      id: 1,
      name: 'cv karya',
      deleted: false,
      searchable: true,
      verified: true,
      processes: ['turning'],
      regency: '32.13',
      words: [],
      certs: [],
      tkdn: null,
      employees: 5,
      certChange: false,
      compactAfter: false,
    };
    const first = toRow(base);
    ix.apply(first);
    const version = ix.version;
    ix.apply(first);
    expect(ix.version).toBe(version);
    ix.apply(toRow({ ...base, employees: 9 }));
    ix.compact();
    expect(ix.size).toBe(1);
    expect(ix.employees[0]).toBe(9);
    ix.apply(toRow({ ...base, employees: 12 }));
    expect(ix.employees[ix.ids.get(first.supplierId)!]).toBe(12);
  });
});
