import { describe, expect, it } from 'vitest';
import { buildTermMatcher } from '../../../src/imports/terms.js';
import { termsOfKind } from '../../../src/taxonomy/dictionary.js';

const processes = buildTermMatcher(termsOfKind('process'));
const materials = buildTermMatcher(termsOfKind('material'));
const certifications = buildTermMatcher(termsOfKind('certification'));

describe('process matching', () => {
  it('turns informal Indonesian capability lists into slugs', () => {
    expect(processes('bubut, las argon')).toEqual({ slugs: ['turning', 'tig'], unknown: [] });
    expect(processes('Bubut CNC; frais').slugs).toEqual(['cnc-turning', 'milling']);
    expect(processes('las dan bubut').slugs).toEqual(['welding', 'turning']);
    expect(processes('bubut/frais').slugs).toEqual(['turning', 'milling']);
  });

  it('finds known processes inside longer phrases', () => {
    expect(processes('jasa bubut dan cor logam').slugs).toEqual(['turning', 'casting']);
  });

  it('matches English terms too', () => {
    expect(processes('TIG welding, laser cutting').slugs).toEqual(['tig', 'laser-cutting']);
  });

  it('reports words it does not know instead of failing', () => {
    expect(processes('bubut, sablon kaos')).toEqual({ slugs: ['turning'], unknown: ['sablon kaos'] });
    expect(processes('xyz')).toEqual({ slugs: [], unknown: ['xyz'] });
  });

  it('matches every label as written in an export, so exports re-import', () => {
    for (const [kind, match] of [
      ['process', processes],
      ['material', materials],
      ['certification', certifications],
    ] as const) {
      for (const term of termsOfKind(kind)) {
        expect(match(term.labelId).slugs, `${kind} ${term.labelId}`).toEqual([term.slug]);
      }
    }
  });
});

describe('other facets', () => {
  it('matches certificates like "SNI, Halal"', () => {
    expect(certifications('SNI, Halal').slugs).toEqual(['sni', 'halal']);
  });

  it('matches materials', () => {
    expect(materials('stainless, besi cor').slugs).toEqual(['stainless-steel', 'cast-iron']);
  });
});
