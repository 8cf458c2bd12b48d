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
        // Through a filter (a result) and into a bitset, dense lists and tails alike. The second
        // filter leaves the first word empty, so a dense list skips it by its count alone.
        for (const keep of [(k: number) => k % 3 !== 1, (k: number) => k >= 32 && k % 2 === 0]) {
          const filter = new Uint32Array(2);
          for (let k = 0; k < 64; k++) if (keep(k)) filter[k >>> 5]! |= 1 << (k & 31);
          for (let id = 0; id < model.length; id++) {
            const seen: [number, number][] = [];
            p.forEachIn(id, filter, (sl, w) => seen.push([sl, w]));
            expect(seen).toEqual(model[id]!.filter(([sl]) => keep(sl)));
          }
        }
        for (let id = 0; id < model.length; id++) {
          const bits = new Uint32Array(2);
          p.orInto(id, bits);
          const set: number[] = [];
          for (let k = 0; k < 64; k++) if (bits[k >>> 5]! & (1 << (k & 31))) set.push(k);
          expect(set).toEqual(model[id]!.map(([sl]) => sl));
        }
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
    const c = p.newList();
    p.beginBulk();
    p.add(a, 1, 3);
    p.add(b, 1, 0);
    p.add(a, 1, 1);
    p.add(a, 5, 2);
    p.add(c, 40, 1);
    const f = p.frozen();
    // a holds more than one slot in 32 of 41 (a bitset); b and c do not (slot lists).
    expect([...f.dense.keys()]).toEqual([a]);
    const q = new Postings();
    q.adopt({
      start: f.start.slice(),
      slotStart: f.slotStart.slice(),
      slots: f.slots.slice(),
      weights: f.weights.slice(),
      dense: new Map([...f.dense].map(([id, d]) => [id, { ...d, bits: d.bits.slice() }])),
    });
    q.add(b, 109, 1);
    expect(read(q)).toEqual([
      [
        [1, 3],
        [5, 2],
      ],
      [
        [1, 0],
        [109, 1],
      ],
      [[40, 1]],
    ]);
  });

  it('reads a dense list through a filter that skips whole words, with the right weights', () => {
    const p = new Postings();
    const a = p.newList();
    p.beginBulk();
    for (const slot of [1, 3, 5, 40, 42, 70]) p.add(a, slot, slot % 5);
    p.freeze();
    expect([...p.frozen().dense.keys()]).toEqual([a]);
    const filter = new Uint32Array(3);
    filter[1] = 0xffffffff;
    const seen: [number, number][] = [];
    p.forEachIn(a, filter, (slot, w) => seen.push([slot, w]));
    expect(seen).toEqual([
      [40, 0],
      [42, 2],
    ]);
  });

  it('keeps no weights for a dense list whose entries share one, through reads and a remap', () => {
    const p = new Postings();
    const a = p.newList();
    const b = p.newList();
    p.beginBulk();
    for (const slot of [0, 2, 4, 6, 8]) p.add(a, slot, 2);
    p.add(b, 9, 1);
    const f = p.frozen();
    expect(f.dense.get(a)).toMatchObject({ count: 5, weight: 2 });
    // b (one slot of ten) is dense too, with its one weight: no list needs the weight array.
    expect(f.dense.get(b)).toMatchObject({ count: 1, weight: 1 });
    expect(f.weights.length).toBe(0);
    expect(p.length(a)).toBe(5);
    const seen: [number, number][] = [];
    p.forEachIn(a, Uint32Array.of(0xffffffff), (slot, w) => seen.push([slot, w]));
    expect(seen).toEqual([0, 2, 4, 6, 8].map((slot) => [slot, 2]));
    // Slots 2 and 6 die; the rest move down.
    const remap = Int32Array.from([0, 1, -1, 2, 3, 4, -1, 5, 6, 7]);
    p.remap(remap);
    expect(p.length(a)).toBe(3);
    const parts: [number, number][] = [];
    p.forEachPart(a, (slots, weights, from, to) => {
      for (let k = from; k < to; k++) parts.push([slots[k]!, weights[k]!]);
    });
    expect(parts).toEqual([
      [0, 2],
      [3, 2],
      [6, 2],
    ]);
  });
});
