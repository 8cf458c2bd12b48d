import { describe, expect, it } from 'vitest';
import {
  findTerm,
  TAXONOMY,
  TERM_KINDS,
  type TermKind,
  type TermSeed,
  termsOfKind,
} from '../../../src/taxonomy/dictionary.js';

const CORE_KINDS: readonly TermKind[] = ['process', 'material', 'product', 'equipment'];

function allSynonyms(term: TermSeed): string[] {
  return [...term.synonymsId, ...term.synonymsEn];
}

/** True when some term of the kind carries both words, so search expansion joins them. */
function linked(kind: TermKind, idWord: string, enWord: string): boolean {
  return termsOfKind(kind).some((t) => t.synonymsId.includes(idWord) && t.synonymsEn.includes(enWord));
}

describe('taxonomy dictionary', () => {
  it('keeps slugs unique within each kind', () => {
    for (const kind of TERM_KINDS) {
      const slugs = termsOfKind(kind).map((t) => t.slug);
      expect(new Set(slugs).size, kind).toBe(slugs.length);
    }
  });

  it('uses kebab-case English slugs, and five-digit codes for KBLI', () => {
    for (const term of TAXONOMY) {
      const pattern = term.kind === 'kbli' ? /^\d{5}$/ : /^[a-z0-9]+(-[a-z0-9]+)*$/;
      expect(term.slug, `${term.kind} ${term.slug}`).toMatch(pattern);
    }
  });

  it('holds at least 140 terms across processes, materials, products and equipment', () => {
    const count = CORE_KINDS.reduce((sum, kind) => sum + termsOfKind(kind).length, 0);
    expect(count).toBeGreaterThanOrEqual(140);
  });

  it('meets the minimum size of each facet vocabulary', () => {
    expect(termsOfKind('product_category').length).toBeGreaterThanOrEqual(12);
    expect(termsOfKind('sector').length).toBeGreaterThanOrEqual(10);
    expect(termsOfKind('certification').length).toBeGreaterThanOrEqual(10);
    expect(termsOfKind('kbli').length).toBeGreaterThanOrEqual(40);
  });

  it('gives every term both labels and at least one synonym', () => {
    for (const term of TAXONOMY) {
      const key = `${term.kind}:${term.slug}`;
      expect(term.labelId.trim(), key).not.toBe('');
      expect(term.labelEn.trim(), key).not.toBe('');
      expect(allSynonyms(term).length, key).toBeGreaterThan(0);
    }
  });

  it('stores synonyms lower case, trimmed and single-spaced', () => {
    for (const term of TAXONOMY) {
      for (const s of allSynonyms(term)) {
        expect(s, `${term.kind}:${term.slug}`).toBe(s.toLowerCase().trim().replace(/\s+/g, ' '));
        expect(s.length, `${term.kind}:${term.slug}`).toBeGreaterThan(0);
      }
    }
  });

  it('never lets one synonym point at two terms of the same kind', () => {
    for (const kind of TERM_KINDS) {
      const owner = new Map<string, string>();
      for (const term of termsOfKind(kind)) {
        for (const s of new Set(allSynonyms(term))) {
          expect(owner.get(s), `${kind} synonym "${s}" on ${term.slug}`).toBeUndefined();
          owner.set(s, term.slug);
        }
      }
    }
  });

  it('points every parent at an existing term of the same kind, without cycles', () => {
    for (const term of TAXONOMY) {
      const seen = new Set<string>([term.slug]);
      let parent = term.parent;
      while (parent !== undefined) {
        const found = findTerm(term.kind, parent);
        expect(found, `${term.kind}:${term.slug} -> ${parent}`).not.toBeNull();
        expect(seen.has(parent), `cycle at ${term.kind}:${term.slug}`).toBe(false);
        seen.add(parent);
        parent = found?.parent;
      }
    }
  });

  it('lists only KBLI classes of divisions 24, 25, 28, 29 and 33', () => {
    for (const term of termsOfKind('kbli')) {
      expect(term.slug).toMatch(/^(24|25|28|29|33)\d{3}$/);
      expect(term.synonymsId).toContain(term.slug);
    }
    expect(findTerm('kbli', '25920')?.labelId).toBe(
      'Jasa Industri untuk Berbagai Pengerjaan Khusus Logam dan Barang dari Logam',
    );
    expect(findTerm('kbli', '24310')?.labelId).toBe('Industri Pengecoran Besi dan Baja');
  });

  it('links the bilingual pairs from DOMAIN.md', () => {
    const pairs: [TermKind, string, string][] = [
      ['process', 'bubut', 'turning'],
      ['process', 'frais', 'milling'],
      ['process', 'las', 'welding'],
      ['process', 'pengelasan', 'welding'],
      ['process', 'cor', 'casting'],
      ['process', 'pengecoran', 'foundry'],
      ['process', 'tempa', 'forging'],
      ['process', 'fabrikasi', 'fabrication'],
      ['process', 'tekuk', 'bending'],
      ['process', 'potong laser', 'laser cutting'],
      ['process', 'galvanis', 'galvanizing'],
      ['process', 'perlakuan panas', 'heat treatment'],
      ['material', 'baja karbon', 'carbon steel'],
      ['material', 'baja tahan karat', 'stainless steel'],
      ['material', 'stainless', 'stainless steel'],
      ['material', 'besi cor', 'cast iron'],
      ['material', 'tembaga', 'copper'],
      ['material', 'kuningan', 'brass'],
      ['product', 'suku cadang', 'spare parts'],
      ['product', 'cetakan', 'mould'],
      ['product', 'cetakan', 'die'],
      ['product', 'mur baut', 'nuts and bolts'],
      ['product', 'poros', 'shaft'],
      ['product', 'roda gigi', 'gears'],
      ['product', 'pompa', 'pump'],
      ['equipment', 'bengkel', 'workshop'],
      ['equipment', 'mesin bubut', 'lathe'],
    ];
    for (const [kind, id, en] of pairs) expect(linked(kind, id, en), `${id} <-> ${en}`).toBe(true);
  });

  it('knows the informal spellings IKM use', () => {
    const informal: [TermKind, string, string][] = [
      ['material', 'stenlis', 'stainless-steel'],
      ['material', 'stainles', 'stainless-steel'],
      ['material', 'sus', 'stainless-steel'],
      ['material', 'plat eser', 'steel-plate'],
      ['process', 'las argon', 'tig'],
      ['process', 'bubut cnc', 'cnc-turning'],
      ['process', 'cor logam', 'casting'],
      ['process', 'pengecoran', 'casting'],
    ];
    for (const [kind, word, slug] of informal) {
      expect(findTerm(kind, slug)?.synonymsId, word).toContain(word);
    }
  });

  it('finds terms by kind and slug, and answers null for unknown slugs', () => {
    expect(findTerm('process', 'turning')?.labelId).toBe('Bubut');
    expect(findTerm('process', 'no-such-process')).toBeNull();
    expect(findTerm('material', 'turning')).toBeNull();
    expect(termsOfKind('sector').every((t) => t.kind === 'sector')).toBe(true);
  });
});
