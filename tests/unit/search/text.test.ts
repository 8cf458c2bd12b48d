import { describe, expect, it } from 'vitest';
import {
  analyze,
  editDistance,
  groupsToTsquery,
  type WordSource,
  withinOneEdit,
} from '../../../search/analyze.js';
import { buildSynonymTable, matchPhrases, normalizePhrase, tokenize } from '../../../search/synonyms.js';
import {
  type Form,
  forEachTsvEntry,
  formKey,
  formOf,
  formToTsquery,
  quoteLexeme,
} from '../../../search/tsvector.js';

describe('tsvector text', () => {
  it('reads lexemes, positions and weights, including quotes and backslashes', () => {
    const seen: [string, number[], number[]][] = [];
    forEachTsvEntry("'baja':4C,9 'bubut':1A 'it''s':2B 'a\\\\b':3 'x'", (l, p, w, n) =>
      seen.push([l, p.slice(0, n), w.slice(0, n)]),
    );
    expect(seen).toEqual([
      ['baja', [4, 9], [1, 0]],
      ['bubut', [1], [3]],
      ["it's", [2], [2]],
      ['a\\b', [3], [0]],
      ['x', [], []],
    ]);
  });

  it('orders a phrase by position and writes it as a tsquery', () => {
    const f = formOf("'karat':3 'baja':1 'tahan':2")!;
    expect(f).toEqual({ lexemes: ['baja', 'tahan', 'karat'], offsets: [0, 1, 2] });
    expect(formToTsquery(f)).toBe("'baja' <1> 'tahan' <1> 'karat'");
    expect(formToTsquery({ lexemes: ['mur', 'baut'], offsets: [0, 2] })).toBe("'mur' <2> 'baut'");
    expect(quoteLexeme("o'r\\")).toBe("'o''r\\\\'");
  });
});

describe('words and phrases', () => {
  it('splits on anything but letters and digits', () => {
    expect(tokenize('Bubut CNC, SUS-304!')).toEqual(['bubut', 'cnc', 'sus', '304']);
    expect(normalizePhrase('Turning (lathe)')).toBe('turning lathe');
  });

  it('matches the longest taxonomy phrase first', () => {
    const table = buildSynonymTable([
      {
        kind: 'process',
        slug: 'turning',
        labelId: 'Bubut',
        labelEn: 'Turning',
        synonymsId: [],
        synonymsEn: ['lathe work'],
      },
      {
        kind: 'process',
        slug: 'cnc-turning',
        labelId: 'Bubut CNC',
        labelEn: 'CNC turning',
        synonymsId: [],
        synonymsEn: [],
      },
    ]);
    expect(matchPhrases(['bubut', 'cnc', 'murah'], table).map((m) => [m.phrase, m.terms])).toEqual([
      ['bubut cnc', ['process:cnc-turning']],
      ['murah', []],
    ]);
  });

  it('counts one edit, including a swap of neighbouring letters', () => {
    expect(withinOneEdit('bubud', 'bubut')).toBe(true);
    expect(withinOneEdit('stainles', 'stainless')).toBe(true);
    expect(withinOneEdit('turnign', 'turning')).toBe(true);
    expect(withinOneEdit('bubt', 'bubuk')).toBe(false);
    expect(editDistance('bubt', 'bubut')).toBe(1);
    expect(editDistance('bubt', 'bubuk')).toBe(2);
  });
});

describe('analyze', () => {
  const table = buildSynonymTable([
    {
      kind: 'process',
      slug: 'turning',
      labelId: 'Bubut',
      labelEn: 'Turning',
      synonymsId: ['pembubutan'],
      synonymsEn: ['lathe work'],
    },
    {
      kind: 'material',
      slug: 'stainless-steel',
      labelId: 'Baja tahan karat',
      labelEn: 'Stainless steel',
      synonymsId: ['stainless'],
      synonymsEn: [],
    },
  ]);
  const form = (text: string): Form => ({
    lexemes: text.split(' '),
    offsets: text.split(' ').map((_, i) => i),
  });
  const phraseForms = new Map([...table.phraseTerms.keys()].map((p) => [p, [form(p)]]));
  const words: WordSource = {
    async describe(ws, fuzzy) {
      return new Map(
        ws.map((w) => [
          w,
          {
            forms: [form(w)],
            known: w === 'murah',
            neighbours: fuzzy.includes(w)
              ? [
                  { word: 'bubut', forms: [form('bubut')] },
                  { word: 'bubur', forms: [form('bubur')] },
                ]
              : [],
          },
        ]),
      );
    },
  };

  it('expands synonyms both ways and keeps multi-word phrases together', async () => {
    const t = (await analyze('turning stainless', { table, phraseForms, words }))!;
    expect(t.groups.map((g) => g.units.map((u) => u.text))).toEqual([
      ['turning', 'bubut', 'pembubutan', 'lathe work'],
      ['stainless', 'baja tahan karat', 'stainless steel'],
    ]);
    expect(t.tierTsqueries.at(-1)).toBe(
      "('turning' | 'bubut' | 'pembubutan' | 'lathe' <1> 'work') & ('stainless' | 'baja' <1> 'tahan' <1> 'karat' | 'stainless' <1> 'steel')",
    );
  });

  it('replaces a word found nowhere by the taxonomy word one edit away, with its synonyms', async () => {
    const t = (await analyze('bubud', {
      table,
      phraseForms,
      words,
      df: (l) => (l === 'bubut' ? 50 : l === 'bubur' ? 0 : 0),
    }))!;
    const units = t.groups[0]!.units;
    expect(units.map((u) => [u.text, u.kind])).toEqual([
      ['bubut', 'typo'],
      ['turning', 'typo'],
      ['pembubutan', 'typo'],
      ['lathe work', 'typo'],
    ]);
  });

  it('tolerates no typo in words shorter than five letters', async () => {
    const t = (await analyze('bubt', { table, phraseForms, words }))!;
    expect(t.groups[0]!.units.map((u) => u.text)).toEqual(['bubt']);
  });

  it('returns null for a query without words', async () => {
    expect(await analyze('  ,.; ', { table, phraseForms, words })).toBeNull();
  });

  it('writes each distinct form once', () => {
    const g = [{ text: 'x', units: [{ text: 'a', kind: 'exact' as const, forms: [form('a'), form('a')] }] }];
    expect(groupsToTsquery(g)).toBe("('a')");
    expect(formKey(form('baja tahan'))).not.toBe(formKey(form('baja')));
  });
});
