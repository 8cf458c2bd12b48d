import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Lexicon } from '../../../../search/memory/lexicon.js';

// Short strings over a small alphabet (ASCII, Latin-1, Indonesian-ish accents, CJK, an astral
// emoji and lone surrogates), so interns repeat and probe runs collide.
const char = fc.constantFrom('a', 'b', 'k', '1', 'é', 'ñ', 'ş', '日', '本', '😀', '\ud800', '\udc00', ' ');
const word = fc.oneof(
  fc.array(char, { maxLength: 6 }).map((cs) => cs.join('')),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

type Op = { kind: 'intern' | 'get'; s: string };
const op: fc.Arbitrary<Op> = fc.record({ kind: fc.constantFrom('intern' as const, 'get' as const), s: word });

/** The oracle: how TextPostings kept lexemes before (a Map), keyed as UTF-8 would store them. */
class MapLexicon {
  readonly ids = new Map<string, number>();
  readonly keys: string[] = [];
  get(s: string): number {
    return this.ids.get(s.toWellFormed()) ?? -1;
  }
  intern(s: string): number {
    const key = s.toWellFormed();
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.push(key) - 1;
      this.ids.set(key, id);
    }
    return id;
  }
}

function expectSame(lex: Lexicon, oracle: MapLexicon): void {
  expect(lex.size).toBe(oracle.keys.length);
  oracle.keys.forEach((key, id) => {
    expect(lex.keyAt(id)).toBe(key);
    expect(lex.get(key)).toBe(id);
  });
}

describe('Lexicon', () => {
  it('answers like a Map under interns and lookups, also after a load from its pool and offsets', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { maxLength: 300 }),
        fc.array(op, { maxLength: 50 }),
        async (ops, more) => {
          const lex = new Lexicon();
          const oracle = new MapLexicon();
          for (const o of ops) expect(lex[o.kind](o.s)).toBe(oracle[o.kind](o.s));
          expectSame(lex, oracle);
          const loaded = await Lexicon.load(lex.poolOf().slice(), lex.offsetsOf().slice(), 7);
          expectSame(loaded, oracle);
          for (const o of more) expect(loaded[o.kind](o.s)).toBe(oracle[o.kind](o.s));
          expectSame(loaded, oracle);
        },
      ),
      { seed: 13, numRuns: 300 },
    );
  });

  it('keeps 200,000 lexemes findable through many doublings of pool, offsets and table', async () => {
    const lex = new Lexicon();
    const keys = Array.from({ length: 200_000 }, (_, i) =>
      i % 3 === 0 ? `pt${i}` : i % 3 === 1 ? `kr${i}é${i % 7 ? '' : '日本'}` : `${i.toString(36)}😀`,
    );
    const ids = keys.map((_, i) => i);
    expect(keys.map((k) => lex.intern(k))).toEqual(ids);
    expect(keys.map((k) => lex.intern(k))).toEqual(ids);
    expect(lex.size).toBe(keys.length);
    expect(keys.map((k) => lex.get(k))).toEqual(ids);
    expect(keys.some((k) => lex.get(`${k}x`) !== -1)).toBe(false);
    for (let i = 0; i < keys.length; i += 997) expect(lex.keyAt(i)).toBe(keys[i]);
    expect(lex.poolOf().byteLength).toBe(keys.reduce((n, k) => n + Buffer.byteLength(k), 0));
    const loaded = await Lexicon.load(lex.poolOf().slice(), lex.offsetsOf().slice());
    expect(keys.map((k) => loaded.get(k))).toEqual(ids);
    expect(loaded.intern('baru')).toBe(keys.length);
  });

  it('writes a snapshot prefix as views of the first n lexemes', () => {
    const lex = new Lexicon();
    for (const w of ['baja', 'besi', 'tembaga']) lex.intern(w);
    expect(Buffer.from(lex.poolOf(2)).toString('utf8')).toBe('bajabesi');
    expect([...lex.offsetsOf(2)]).toEqual([0, 4, 8]);
  });

  it('refuses a pool with a repeated lexeme or offsets that do not fit it', async () => {
    const pool = Buffer.from('bajabaja');
    await expect(Lexicon.load(pool, Int32Array.from([0, 4, 8]))).rejects.toThrow(/repeated/);
    await expect(Lexicon.load(pool, Int32Array.from([0, 4, 9]))).rejects.toThrow(/offsets/);
    await expect(Lexicon.load(pool, Int32Array.from([0, 5, 4, 8]))).rejects.toThrow(/offsets/);
    expect(() => new Lexicon().keyAt(0)).toThrow(RangeError);
  });
});
