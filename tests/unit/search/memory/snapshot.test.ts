import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryIndex } from '../../../../search/memory/index.js';
import { decodeIndex, encodeIndex } from '../../../../search/memory/snapshot.js';
import type { SearchRow } from '../../../../search/rows.js';
import { change, dump, PHRASE, toRow } from './index-model.js';

/** Encodes, then decodes from chunks of `chunk` bytes (frames never line up with chunks). */
async function roundTrip(ix: MemoryIndex, chunk: number): Promise<MemoryIndex> {
  const parts: Uint8Array[] = [];
  for await (const p of encodeIndex(ix)) parts.push(p);
  const all = Buffer.concat(parts);
  async function* chunks() {
    for (let i = 0; i < all.length; i += chunk) yield all.subarray(i, i + chunk);
  }
  return decodeIndex([[PHRASE]], chunks());
}

describe('index snapshot', () => {
  it('decodes to the same index, which then takes further changes like the original', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(change, { minLength: 1, maxLength: 30 }),
        fc.array(change, { maxLength: 15 }),
        fc.integer({ min: 1, max: 97 }),
        async (before, after, chunk) => {
          const ix = new MemoryIndex([[PHRASE]]);
          for (const c of before) {
            ix.apply(toRow(c));
            if (c.compactAfter) ix.compact();
          }
          const copy = await roundTrip(ix, chunk);
          expect(dump(copy)).toEqual(dump(ix));
          expect(copy.dead).toBe(ix.dead);
          for (const c of after) {
            const row: SearchRow = toRow(c);
            ix.apply(row);
            copy.apply(row);
            if (c.compactAfter) {
              ix.compact();
              copy.compact();
            }
          }
          expect(dump(copy)).toEqual(dump(ix));
        },
      ),
      { seed: 23, numRuns: 150 },
    );
  });

  it('adopts the columns of an index of more than 1,024 slots as read, and grows them on the next change', async () => {
    // Below 1,024 slots a load pads every column to the minimum capacity; above, it keeps them as read.
    const many = fc.sample(change, { seed: 7, numRuns: 4000 }).map((c, i) => ({ ...c, id: i }));
    const ix = new MemoryIndex([[PHRASE]]);
    for (const c of many.slice(0, 3000)) ix.apply(toRow(c));
    ix.trim();
    expect(ix.size).toBeGreaterThan(1024);
    const copy = await roundTrip(ix, 65_536);
    expect(copy.lat.length).toBe(ix.size);
    expect(dump(copy)).toEqual(dump(ix));
    for (const c of many.slice(3000)) {
      const row = toRow(c);
      ix.apply(row);
      copy.apply(row);
    }
    expect(copy.lat.length).toBeGreaterThan(ix.size - 1);
    expect(dump(copy)).toEqual(dump(ix));
  });

  it('refuses a snapshot whose phrases differ from the taxonomy it is loaded with', async () => {
    const ix = new MemoryIndex([[PHRASE]]);
    ix.apply(toRow({ ...BASE }));
    const parts: Uint8Array[] = [];
    for await (const p of encodeIndex(ix)) parts.push(p);
    async function* once() {
      yield Buffer.concat(parts);
    }
    const other = { lexemes: ['plat', 'besi'], offsets: [0, 1] };
    await expect(decodeIndex([[other]], once())).rejects.toThrow(/differ/);
  });

  it('keeps slots in place while a snapshot is being written', async () => {
    const ix = new MemoryIndex([[PHRASE]]);
    ix.apply(toRow({ ...BASE, employees: 1 }));
    ix.apply(toRow({ ...BASE, employees: 2 }));
    const it = encodeIndex(ix)[Symbol.asyncIterator]();
    await it.next();
    ix.compact();
    expect(ix.dead).toBe(1);
    while (!(await it.next()).done);
    ix.compact();
    expect(ix.dead).toBe(0);
  });
});

const BASE = {
  id: 1,
  name: 'cv karya',
  deleted: false,
  searchable: true,
  verified: true,
  processes: ['turning'],
  regency: '32.13' as const,
  words: [{ w: 'baja' as const, weight: 'A' as const }],
  certs: ['sni'],
  tkdn: 40,
  employees: 5,
  certChange: false,
  compactAfter: false,
};
