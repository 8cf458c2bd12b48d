import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Postings } from '../../../../search/memory/postings.js';

/** Each list's (slot, weight) pairs as the store reports them. */
function read(p: Postings): [number, number][][] {
  const out: [number, number][][] = [];
  for (let id = 0; id < p.count; id++) {
    const list: [number, number][] = [];
    p.forEachPart(id, (slots, weights, from, to) => {
      for (let k = from; k < to; k++) list.push([slots[k]!, weights[k]!]);
    });
    expect(p.length(id)).toBe(list.length);
    out.push(list);
  }
  return out;
}

/** The model: per list, increasing slots, a repeated slot keeping its best weight. */
function addTo(model: [number, number][][], id: number, slot: number, weight: number) {
  const list = model[id]!;
  const last = list[list.length - 1];
  if (last && last[0] === slot) last[1] = Math.max(last[1], weight);
  else list.push([slot, weight]);
}

const step = fc.oneof(
  fc.record({ op: fc.constant('add' as const), list: fc.nat(6), gap: fc.nat(2), weight: fc.nat(3) }),
  fc.record({ op: fc.constant('freeze' as const) }),
  fc.record({
    op: fc.constant('remap' as const),
    keep: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
  }),
);

describe('Postings against a list of pairs per list', () => {
  it('keeps every list through bulk loads, tails, freezes and remaps', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(step, { maxLength: 120 }), (bulk, steps) => {
        const p = new Postings();
        const model: [number, number][][] = [];
        for (let i = 0; i < 7; i++) {
          p.newList();
          model.push([]);
        }
        if (bulk) p.beginBulk();
        let slot = 0;
        for (const s of steps) {
          if (s.op === 'add') {
            slot = Math.min(63, slot + s.gap);
            p.add(s.list, slot, s.weight);
            addTo(model, s.list, slot, s.weight);
          } else if (s.op === 'freeze') {
            p.freeze();
          } else {
            p.freeze();
            const remap = new Int32Array(64).fill(-1);
            let n = 0;
            for (let k = 0; k < 64; k++) if (s.keep[k]) remap[k] = n++;
            p.remap(remap);
            for (let id = 0; id < model.length; id++)
              model[id] = model[id]!.filter(([sl]) => remap[sl]! >= 0).map(([sl, w]) => [remap[sl]!, w]);
            slot = n;
          }
        }
        expect(read(p)).toEqual(model);
        p.freeze();
        expect(read(p)).toEqual(model);
      }),
      { seed: 13, numRuns: 300 },
    );
  });

  it('survives a snapshot round trip of its frozen layout', () => {
    const p = new Postings();
    const a = p.newList();
    const b = p.newList();
    p.beginBulk();
    p.add(a, 1, 3);
    p.add(b, 1, 0);
    p.add(a, 1, 1);
    p.add(a, 5, 2);
    const { start, slots, weights } = p.frozen();
    const q = new Postings();
    q.adopt(start.slice(), slots.slice(), weights.slice());
    q.add(b, 9, 1);
    expect(read(q)).toEqual([
      [
        [1, 3],
        [5, 2],
      ],
      [
        [1, 0],
        [9, 1],
      ],
    ]);
  });
});
