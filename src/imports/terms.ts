export interface TermRef {
  slug: string;
  labelId: string;
  labelEn: string;
  synonymsId: readonly string[];
  synonymsEn: readonly string[];
}

export interface TermMatch {
  slugs: string[];
  /** Words no term accounts for, in the writer's spelling ("las listrik tenaga surya" → "tenaga surya"). */
  unknown: string[];
}

export type TermMatcher = (text: string) => TermMatch;

const normalize = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Filler words in capability lists that name no process ("jasa bubut dan las"). */
const FILLER = new Set([
  'dan',
  'serta',
  'and',
  'jasa',
  'service',
  'services',
  'atau',
  'or',
  'lain',
  'lainnya',
  'dll',
  'etc',
  'the',
  'of',
  'untuk',
  'dengan',
]);

const MAX_WORDS = 6;

/**
 * Builds a matcher that turns free text ("bubut, las argon") into taxonomy slugs (turning, tig).
 * Whole phrases are tried first, so a label containing "dan" or "/" still matches itself (which
 * keeps exports re-importable); then the longest known run of words wins, left to right.
 */
export function buildTermMatcher(terms: readonly TermRef[]): TermMatcher {
  const phrases = new Map<string, string>();
  const add = (phrase: string, slug: string) => {
    const p = normalize(phrase);
    if (p && !phrases.has(p)) phrases.set(p, slug);
  };
  for (const t of terms) {
    add(t.labelId, t.slug);
    add(t.labelEn, t.slug);
    add(t.slug.replace(/-/g, ' '), t.slug);
  }
  for (const t of terms) for (const s of [...t.synonymsId, ...t.synonymsEn]) add(s, t.slug);
  for (const t of terms) {
    for (const label of [t.labelId, t.labelEn]) {
      add(label.replace(/\([^)]*\)/g, ' '), t.slug);
      for (const m of label.matchAll(/\(([^)]*)\)/g)) add(m[1]!, t.slug);
    }
  }

  function words(text: string, out: TermMatch) {
    const ws = normalize(text).split(' ').filter(Boolean);
    let i = 0;
    let unknownRun: string[] = [];
    const flush = () => {
      if (unknownRun.length) out.unknown.push(unknownRun.join(' '));
      unknownRun = [];
    };
    while (i < ws.length) {
      let hit: string | undefined;
      let n = Math.min(MAX_WORDS, ws.length - i);
      for (; n > 0; n--) {
        hit = phrases.get(ws.slice(i, i + n).join(' '));
        if (hit) break;
      }
      if (hit) {
        flush();
        out.slugs.push(hit);
        i += n;
      } else {
        if (!FILLER.has(ws[i]!)) unknownRun.push(ws[i]!);
        else flush();
        i += 1;
      }
    }
    flush();
  }

  return (text) => {
    const out: TermMatch = { slugs: [], unknown: [] };
    for (const token of text.split(/[,;\n|•]+/)) {
      const whole = phrases.get(normalize(token));
      if (whole) {
        out.slugs.push(whole);
        continue;
      }
      for (const part of token.split(/[/&+]|\s(?:dan|serta|and)\s/i)) {
        const p = phrases.get(normalize(part));
        if (p) out.slugs.push(p);
        else words(part, out);
      }
    }
    return { slugs: [...new Set(out.slugs)], unknown: [...new Set(out.unknown)] };
  };
}
