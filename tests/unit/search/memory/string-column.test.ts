import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringColumn } from '../../../../search/memory/string-column.js';

const char = fc.constantFrom('c', 'v', ' ', 'k', 'ç', 'é', '日', '😀', '\uffff', '\ud800');
const name = fc.array(char, { maxLength: 8 }).map((cs) => cs.join(''));

type Op = { kind: 'push'; s: string } | { kind: 'remap'; keep: boolean[] } | { kind: 'reload' };
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('push' as const), s: name }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remap' as const), keep: fc.array(fc.boolean()) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reload' as const) }) },
);

/** "C" collation: code point order, which is the order of the UTF-8 bytes. */
const byBytes = (x: string, y: string) => Math.sign(Buffer.compare(Buffer.from(x), Buffer.from(y)));

describe('StringColumn', () => {
  it('keeps a string per slot like an array through pushes, compactions and snapshot loads', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        let col = new StringColumn();
        // The oracle: the string[] MemoryIndex kept before (stored as UTF-8 would give it back).
        let model: string[] = [];
        for (const o of ops) {
          if (o.kind === 'push') {
            col.push(model.length, o.s);
            model.push(o.s.toWellFormed());
          } else if (o.kind === 'remap') {
            const remap = new Int32Array(model.length).fill(-1);
            let n = 0;
            model.forEach((_, s) => {
              if (o.keep[s] ?? true) remap[s] = n++;
            });
            col.remap(remap, model.length);
            model = model.filter((_, s) => o.keep[s] ?? true);
          } else {
            const { pool, ends } = col.arrays();
            col = new StringColumn();
            col.load(pool.slice(), ends.slice());
          }
        }
        expect(col.size).toBe(model.length);
        expect(model.map((_, s) => col.at(s))).toEqual(model);
        for (let a = 0; a < model.length; a++)
          for (let b = 0; b < model.length; b++)
            expect([a, b, col.compare(a, b)]).toEqual([a, b, byBytes(model[a]!, model[b]!)]);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('refuses a slot out of order and ends that do not fit the pool', () => {
    const col = new StringColumn();
    col.push(0, 'cv karya');
    expect(() => col.push(2, 'ud las')).toThrow(/next/);
    expect(() => col.load(Buffer.from('abc'), Int32Array.from([2, 1, 3]))).toThrow(/ends/);
    expect(() => col.load(Buffer.from('abc'), Int32Array.from([1, 4]))).toThrow(/ends/);
    expect(() => col.at(5)).toThrow(RangeError);
  });
});
