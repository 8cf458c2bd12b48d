import { describe, expect, it } from 'vitest';
import { normalizeDeep, normalizeText } from '../../../src/text/normalize.js';

describe('normalizeText', () => {
  it('removes NUL bytes', () => {
    expect(normalizeText('a\u0000b\u0000')).toBe('ab');
  });
  it('replaces lone surrogates and keeps valid pairs', () => {
    expect(normalizeText('x\uD800y')).toBe('x\uFFFDy');
    expect(normalizeText('\uDC00')).toBe('\uFFFD');
    expect(normalizeText('las 🔥 bubut')).toBe('las 🔥 bubut');
  });
  it('normalises nested JSON values and keys', () => {
    expect(normalizeDeep({ 'k\u0000': ['a\uD83D', 1, null, { b: 'c\u0000' }] })).toEqual({
      k: ['a\uFFFD', 1, null, { b: 'c' }],
    });
  });
});
