import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FactParts } from '../../../src/matching/fact-parts.js';
import { decodeFacts, encodeFacts } from '../../../src/matching/fact-snapshot.js';
import { FactStore } from '../../../src/matching/fact-store.js';
import type { SupplierFacts } from '../../../src/matching/types.js';

/** A store filled from a snapshot's parts, as CandidateIndex fills itself. */
class Loaded extends FactStore {
  static async from(parts: FactParts): Promise<Loaded> {
    const s = new Loaded();
    await s.adoptParts(parts);
    return s;
  }
}

/** The bytes `encodeFacts` writes, cut into chunks of the given sizes (the last one takes the rest). */
async function bytesOf(parts: FactParts): Promise<Buffer> {
  const out: Uint8Array[] = [];
  for await (const b of encodeFacts(parts)) out.push(b);
  return Buffer.concat(out);
}
async function* cut(bytes: Buffer, sizes: number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (const n of sizes) {
    if (at >= bytes.length) return;
    yield bytes.subarray(at, at + n);
    at += n;
  }
  if (at < bytes.length) yield bytes.subarray(at);
}
const roundTrip = async (store: FactStore, sizes: number[] = []) =>
  Loaded.from(await decodeFacts(cut(await bytesOf(store.parts()), sizes)));

const IDS = [
  ...Array.from({ length: 10 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`),
  'A1B2C3D4-0000-4000-8000-000000000001', // upper case: kept as text
  'supplier-12', // not a uuid
];
const SLUGS = ['turning', 'milling', 'welding', 'casting', 'forging'];
const MATERIALS = ['stainless-steel', 'carbon-steel', 'aluminium'];
const side = fc.constantFrom(null, Number.NaN, -6.2, 0, -0, 107.6);
const write = fc.record({
  id: fc.constantFrom(...IDS),
  facts: fc.option(
    fc.record({
      status: fc.constantFrom('verified', 'submitted', 'draft', 'suspended', 'archived'),
      lat: side,
      lon: side,
      processes: fc.subarray(SLUGS),
      materials: fc.subarray(MATERIALS),
      certs: fc.array(
        fc.record({
          type: fc.constantFrom('iso-9001', 'sni', 'tkdn'),
          until: fc.option(fc.constantFrom('2025-01-01', '2027-06-30')),
          tkdn: fc.option(fc.constantFrom(40, 62.5, Number.NaN, Number.POSITIVE_INFINITY, -0)),
        }),
        { maxLength: 3 },
      ),
      // Whole cents, amounts kept aside (not whole cents, beyond the column, -0), none.
      amount: fc.option(fc.constantFrom(1250.5, 0.1 + 0.2, 5e9, -0, 7)),
      unit: fc.option(fc.constantFrom('pcs', 'kg', 'ton')),
    }),
    { freq: 6 },
  ),
});
type Write = typeof write extends fc.Arbitrary<infer T> ? T : never;

function apply(store: FactStore, w: Write): void {
  const f = w.facts;
  store.put(
    w.id,
    f && {
      id: w.id,
      status: f.status as SupplierFacts['status'],
      lat: f.lat,
      lon: f.lon,
      processes: f.processes,
      materials: f.materials,
      certTypes: f.certs.map((c) => c.type),
      certUntil: f.certs.map((c) => c.until),
      certTkdn: f.certs.map((c) => c.tkdn),
      capacityAmount: f.amount,
      capacityUnit: f.unit,
    },
  );
}

/**
 * Everything ranking reads of a store. Postings may hold stale entries (a slug dropped since):
 * ranking re-checks candidates, so what must agree is which live slots each slug finds.
 */
function seen(store: FactStore) {
  const found = (kind: 'process' | 'material', slug: string) =>
    [...new Set(store.postings(kind, slug))]
      .filter((s) => {
        const f = store.factsAt(s);
        return f !== null && (kind === 'process' ? f.processes : f.materials).includes(slug);
      })
      .sort((a, b) => a - b);
  return {
    size: store.size,
    documents: store.documents,
    facts: store.facts,
    ids: Array.from({ length: store.size }, (_, s) => store.idAt(s)),
    slots: IDS.map((id) => store.slotOf(id)),
    postings: [...SLUGS.map((s) => found('process', s)), ...MATERIALS.map((s) => found('material', s))],
    columns: [...store.columns.status.subarray(0, store.size)],
  };
}

/** A loaded store's postings hold every live holder and nothing else: they were built from the lists. */
function expectExactPostings(store: FactStore) {
  for (const [kind, slugs] of [
    ['process', SLUGS],
    ['material', MATERIALS],
  ] as const)
    for (const slug of slugs) {
      const holders = store.facts.flatMap((f, s) =>
        f && (kind === 'process' ? f.processes : f.materials).includes(slug) ? [s] : [],
      );
      expect([...store.postings(kind, slug)]).toEqual(holders);
    }
  expect([...store.columns.exact.subarray(0, store.size)].every((x) => x === 1)).toBe(true);
}

describe('matching snapshot', () => {
  it('gives back a store that reads, and goes on changing, exactly like the one written', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(write, { maxLength: 40 }),
        fc.array(write, { maxLength: 20 }),
        fc.array(fc.integer({ min: 1, max: 64 }), { maxLength: 40 }),
        async (before, after, sizes) => {
          const store = new FactStore();
          for (const w of before) apply(store, w);
          const loaded = await roundTrip(store, sizes);
          expect(seen(loaded)).toEqual(seen(store));
          expectExactPostings(loaded);
          expect(loaded.parts()).toEqual(store.parts());
          // The same writes afterwards: new slots, new lists, dropped slugs, removals.
          for (const w of after) {
            apply(store, w);
            apply(loaded, w);
          }
          expect(seen(loaded)).toEqual(seen(store));
          // The same list, string and certificate ids too: a list met again is found, not added.
          expect(loaded.parts()).toEqual(store.parts());
        },
      ),
      { seed: 13, numRuns: 300 },
    );
  });

  it('keeps TKDN values JSON cannot carry as numbers', async () => {
    const store = new FactStore();
    const tkdn = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0, 12.25, null];
    store.put(IDS[0]!, {
      id: IDS[0]!,
      status: 'verified',
      lat: -6.2,
      lon: 107.6,
      processes: ['turning'],
      materials: [],
      certTypes: tkdn.map(() => 'tkdn'),
      certUntil: tkdn.map(() => '2027-06-30'),
      certTkdn: tkdn,
      capacityAmount: null,
      capacityUnit: null,
    });
    const got = (await roundTrip(store)).factsAt(0)!.certTkdn;
    expect(got).toHaveLength(tkdn.length);
    tkdn.forEach((x, i) => {
      expect(Object.is(got[i], x)).toBe(true);
    });
  });

  it('refuses damaged parts instead of ranking from them', async () => {
    const store = new FactStore();
    for (const [i, id] of IDS.entries())
      apply(store, {
        id,
        facts: {
          status: 'verified',
          lat: -6,
          lon: 107,
          processes: SLUGS.slice(0, (i % 4) + 1),
          materials: ['aluminium'],
          certs: [{ type: 'sni', until: null, tkdn: null }],
          amount: 7,
          unit: 'kg',
        },
      });
    const good = await bytesOf(store.parts());
    await expect(roundTrip(store)).resolves.toBeInstanceOf(Loaded);
    // Cut short anywhere.
    for (const n of [0, 3, 100, good.length - 1])
      await expect(decodeFacts(cut(good.subarray(0, n), []))).rejects.toThrow();
    // Parts that decode but do not fit together.
    const damaged: ((p: FactParts) => void)[] = [
      (p) => {
        p.status = p.status.slice(1);
      },
      (p) => {
        p.processList[2] = p.interner.pools[0]!.start.length + 5;
      },
      (p) => {
        p.status[1] = 200;
      },
      (p) => {
        p.interner.pools[1]!.items[0] = p.interner.strings.length;
      },
      (p) => {
        // Two slots naming one supplier: a removal would leave a ghost behind.
        p.idWords.copyWithin(4, 0, 4);
      },
      (p) => {
        p.unnamed.push(2); // a slot holding a supplier, said to have no id
      },
      (p) => {
        p.otherIds.push([p.slots + 3, 'far away']);
      },
      (p) => {
        p.partialLocation.push([-1, null, 107]);
      },
      (p) => {
        p.status[4] = 6; // a status kept aside, with none kept
      },
      (p) => {
        p.otherAmounts.push([5, Number.NaN]);
      },
      (p) => {
        p.documents += 1;
      },
      (p) => {
        p.cents[3] = 0xfffffffe; // kept aside, with no amount kept
      },
      (p) => {
        p.interner.strings[0] = 'not a status';
      },
    ];
    for (const damage of damaged) {
      const parts = await decodeFacts(cut(good, []));
      damage(parts);
      await expect(Loaded.from(parts)).rejects.toThrow();
    }
    // A length field past the bytes left throws before anything is allocated for it.
    const long = Buffer.from(good);
    long.writeUInt32LE(0xfffffff0, 0);
    await expect(decodeFacts(cut(long, []), long.length)).rejects.toThrow(/longer than the bytes left/);
  });

  it('round-trips a bulk-loaded store, slots without an id, and columns widened past one byte', async () => {
    // As CandidateIndex loads: columns sized once, postings built at the end.
    const bulk = new FactStore();
    bulk.beginLoad(400);
    const materials = (i: number) =>
      Array.from({ length: 9 }, (_, b) => `m${b}`).filter((_, b) => (i >> b) & 1);
    for (let i = 0; i < 400; i++)
      bulk.put(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, {
        id: '',
        status: 'verified',
        lat: -6,
        lon: 107,
        processes: [SLUGS[i % 5]!],
        // 400 distinct material lists: their ids no longer fit one byte.
        materials: materials(i),
        certTypes: [],
        certUntil: [],
        certTkdn: [],
        capacityAmount: i,
        capacityUnit: `unit-${i % 300}`,
      });
    bulk.endLoad();
    expect(bulk.parts().materialList.BYTES_PER_ELEMENT).toBe(2);
    const loaded = await roundTrip(bulk, [7, 1, 4096]);
    expect(loaded.facts).toEqual(bulk.facts);
    expect(loaded.parts()).toEqual(bulk.parts());
    expect([...loaded.postings('process', 'turning')]).toEqual([...bulk.postings('process', 'turning')]);

    const holes = FactStore.of([null, null, ...bulk.facts.slice(0, 3), null]);
    const back = await roundTrip(holes);
    expect(back.facts).toEqual(holes.facts);
    expect(Array.from({ length: back.size }, (_, s) => back.idAt(s))).toEqual(
      Array.from({ length: holes.size }, (_, s) => holes.idAt(s)),
    );
  });
});
