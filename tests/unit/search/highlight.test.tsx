import { describe, expect, it } from 'vitest';
import { Highlight, highlightPhrases, snippet } from '../../../views/search/highlight.js';

const html = (text: string, phrases: string[]) =>
  (<Highlight text={text} phrases={highlightPhrases(phrases)} />).toString();

describe('Highlight', () => {
  it('marks words and whole phrases, not the loose words of a phrase', () => {
    expect(html('Jasa bubut baja tahan karat, jasa las', ['bubut', 'baja tahan karat', 'jasa bubut'])).toBe(
      '<mark>Jasa</mark> <mark>bubut</mark> <mark>baja</mark> <mark>tahan</mark> <mark>karat</mark>, jasa las',
    );
  });

  it('escapes everything around the marks', () => {
    expect(html('<b>Bubut</b> & "co"', ['bubut'])).toBe(
      '&lt;b&gt;<mark>Bubut</mark>&lt;/b&gt; &amp; &quot;co&quot;',
    );
  });

  it('starts a long snippet near the first match', () => {
    const text = `${'kata '.repeat(50)}bubut ${'lagi '.repeat(50)}`;
    const s = snippet(text, highlightPhrases(['bubut']), 12);
    expect(s.startsWith('… ')).toBe(true);
    expect(s).toContain('bubut');
  });
});
