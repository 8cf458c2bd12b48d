import { describe, expect, it } from 'vitest';
import { buildSynonymTable } from '../../../search/synonyms.js';
import { correctToTaxonomy, typoBudget } from '../../../search/typo.js';

const term = (slug: string, labelId: string, labelEn: string, synonymsId: string[] = []) => ({
  kind: 'process',
  slug,
  labelId,
  labelEn,
  synonymsId,
  synonymsEn: [],
});
const table = buildSynonymTable([
  term('boring', 'Pengeboran', 'Boring', ['bor']),
  term('honing', 'Honing', 'Honing'),
  term('scraping', 'Sekrap', 'Scraping'),
  term('threading', 'Pembuatan ulir', 'Threading'),
  term('cylindrical-grinding', 'Gerinda silindris', 'Cylindrical grinding'),
]);

describe('typo tolerance against the taxonomy', () => {
  it('allows no typo below five letters, one up to eight, two from nine', () => {
    expect([typoBudget('bort'), typoBudget('bornig'), typoBudget('silindris')]).toEqual([0, 1, 2]);
  });

  it('corrects swapped letters in the words buyers mistype', () => {
    expect(correctToTaxonomy(table, 'bornig')).toBe('boring');
    expect(correctToTaxonomy(table, 'honnig')).toBe('honing');
    expect(correctToTaxonomy(table, 'sekarp')).toBe('sekrap');
    expect(correctToTaxonomy(table, 'pembautan')).toBe('pembuatan');
  });

  it('forgives two edits only in long words', () => {
    expect(correctToTaxonomy(table, 'silidnirs')).toBe('silindris');
    expect(correctToTaxonomy(table, 'hnonig')).toBeNull();
  });

  it('leaves taxonomy words, numbers and short words alone', () => {
    expect(correctToTaxonomy(table, 'boring')).toBeNull();
    expect(correctToTaxonomy(table, 'bort')).toBeNull();
    expect(correctToTaxonomy(table, '30404')).toBeNull();
  });
});
