import { describe, expect, it } from 'vitest';
import { meiliSettings, settingsDiff } from '../../../search/settings.js';
import { buildSynonymTable, meiliSynonyms } from '../../../search/synonyms.js';
import { TAXONOMY } from '../../../src/taxonomy/dictionary.js';

const table = buildSynonymTable(TAXONOMY);
const settings = meiliSettings(table);

describe('meiliSettings', () => {
  it('makes every facet filterable and the sorts sortable', () => {
    for (const a of [
      'processes',
      'materials',
      'product_categories',
      'sectors',
      'province_code',
      'regency_code',
      'verified',
      'cert_until',
      '_geo',
      'status',
    ])
      expect(settings.filterableAttributes).toContain(a);
    for (const a of ['name_sort', 'tkdn_max', 'updated_at', '_geo'])
      expect(settings.sortableAttributes).toContain(a);
  });

  it('ranks a listed capability above a broader one, and both above names and descriptions', () => {
    const s = settings.searchableAttributes!;
    expect(s.indexOf('capabilities')).toBeLessThan(s.indexOf('broader'));
    expect(s.indexOf('broader')).toBeLessThan(s.indexOf('name'));
    expect(s.indexOf('name')).toBeLessThan(s.indexOf('description_id'));
    const r = settings.rankingRules!;
    expect(r.indexOf('attribute')).toBeLessThan(r.indexOf('typo'));
  });

  it('tolerates one typo from five letters and two from nine', () => {
    expect(settings.typoTolerance).toMatchObject({
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
    });
  });

  it('has taxonomy synonyms in both directions and across languages', () => {
    const syn = settings.synonyms!;
    expect(syn.bubut).toContain('turning');
    expect(syn.turning).toContain('bubut');
    expect(syn['baja tahan karat']).toContain('stainless steel');
    expect(syn['stainless steel']).toContain('baja tahan karat');
    expect(syn.las).toContain('welding');
  });

  it('is stable, so applying it twice changes nothing', () => {
    expect(meiliSynonyms(table)).toEqual(meiliSynonyms(buildSynonymTable([...TAXONOMY].reverse())));
    expect(settingsDiff(settings, settings)).toEqual({});
  });
});

describe('settingsDiff', () => {
  it('ignores the order of attribute sets but not of ranking rules', () => {
    const current = {
      ...settings,
      filterableAttributes: [...(settings.filterableAttributes ?? [])].reverse(),
      rankingRules: [...(settings.rankingRules ?? [])].reverse(),
    };
    expect(Object.keys(settingsDiff(current, settings))).toEqual(['rankingRules']);
  });

  it('reports changed nested settings', () => {
    const current = {
      ...settings,
      typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 255 } },
    };
    expect(settingsDiff(current, settings)).toEqual({ typoTolerance: settings.typoTolerance });
  });

  it('tolerates the fields a real server adds to what we set', () => {
    // The shape Meilisearch 1.18 answers GET /settings with: more keys, at the top and nested.
    const current = {
      ...settings,
      distinctAttribute: null,
      dictionary: [],
      separatorTokens: [],
      nonSeparatorTokens: [],
      proximityPrecision: 'byWord',
      searchCutoffMs: null,
      localizedAttributes: null,
      facetSearch: true,
      prefixSearch: 'indexingTime',
      embedders: {},
      typoTolerance: {
        ...settings.typoTolerance,
        disableOnWords: [],
        disableOnAttributes: [],
      },
      faceting: { ...settings.faceting, sortFacetValuesBy: { '*': 'count' as const } },
      synonyms: Object.fromEntries(
        Object.entries(settings.synonyms ?? {})
          .reverse()
          .map(([k, v]) => [k, [...v].reverse()]),
      ),
    };
    expect(settingsDiff(current as unknown as typeof settings, settings)).toEqual({});
  });

  it('still reports a key we set that the server lacks', () => {
    const { typoTolerance, ...rest } = settings;
    const current = {
      ...rest,
      typoTolerance: { enabled: true, minWordSizeForTypos: typoTolerance!.minWordSizeForTypos },
    };
    expect(Object.keys(settingsDiff(current, settings))).toEqual(['typoTolerance']);
  });
});
