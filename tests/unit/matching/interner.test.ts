import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Interner } from '../../../src/matching/interner.js';

const list = fc.array(fc.constantFrom('turning', 'milling', 'welding', 'a', 'a\u0001b', 'b', ''), {
  maxLength: 5,
});

describe('Interner', () => {
  it('gives equal lists one id, and different lists different ids', () => {
    fc.assert(
      fc.property(fc.array(list, { maxLength: 3000 }), (lists) => {
        const interner = new Interner();
        const byKey = new Map<string, number>();
        for (const xs of lists) {
          const id = interner.list([...xs]);
          expect(interner.listAt(id)).toEqual(xs);
          const key = JSON.stringify(xs);
          if (byKey.has(key)) expect(id).toBe(byKey.get(key));
          else byKey.set(key, id);
          expect(interner.list([...xs])).toBe(id);
          expect(interner.listAt(id).every((x, k) => x === interner.intern(xs[k]!))).toBe(true);
        }
        expect(interner.listCount).toBe(byKey.size);
      }),
      { seed: 3, numRuns: 60 },
    );
  });

  it('numbers the lists of each pool from 0, apart from the other pool', () => {
    const interner = new Interner();
    expect(interner.list(['a', 'b'])).toBe(0);
    expect(interner.list(['c'], 1)).toBe(0);
    expect(interner.list(['a', 'b'], 1)).toBe(1);
    expect(interner.list(['c'])).toBe(1);
    expect([interner.listAt(0), interner.listAt(0, 1), interner.listAt(1, 1)]).toEqual([
      ['a', 'b'],
      ['c'],
      ['a', 'b'],
    ]);
    expect(interner.listCount).toBe(4);
  });

  it('shares one string object per distinct string and one certificate list per distinct one', () => {
    const interner = new Interner();
    const slug = ['mill', 'ing'].join('');
    expect(interner.intern(slug)).toBe(interner.intern('milling'));
    const a = interner.certs(['sni', 'tkdn'], [null, '2027-01-01'], [null, 40]);
    expect(interner.certs(['sni', 'tkdn'], [null, '2027-01-01'], [null, 40])).toBe(a);
    expect(interner.certs(['sni', 'tkdn'], [null, '2027-01-01'], [null, 41])).not.toBe(a);
    expect(interner.certsAt(interner.certs([], [], []))).toEqual({ types: [], until: [], tkdn: [] });
    expect(interner.certsAt(a)).toEqual({
      types: ['sni', 'tkdn'],
      until: [null, '2027-01-01'],
      tkdn: [null, 40],
    });
  });
});
