import type { Child } from 'hono/jsx';

const WORD = /([\p{L}\p{N}]+)/u;

/** Matched phrases as lists of lower-case words; a phrase is marked only where all its words follow each other. */
export type Phrases = readonly (readonly string[])[];

/** Engine highlight phrases → word lists, longest first, so the longest match wins. */
export function highlightPhrases(phrases: readonly string[]): Phrases {
  return phrases
    .map((p) =>
      p
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean),
    )
    .filter((words) => words.length > 0 && words.join('').length >= 2)
    .sort((a, b) => b.length - a.length);
}

/** False when no phrase's first word occurs anywhere in the text (so nothing can be marked). */
function mayMatch(text: string, phrases: Phrases): boolean {
  const lower = text.toLowerCase();
  return phrases.some((p) => lower.includes(p[0]!));
}

/** Which word tokens (by index among the words of `tokens`) are covered by some phrase. */
function covered(words: string[], phrases: Phrases): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < words.length; i++)
    for (const p of phrases) {
      if (i + p.length > words.length) continue;
      if (p.every((w, k) => words[i + k] === w)) for (let k = 0; k < p.length; k++) out.add(i + k);
    }
  return out;
}

/**
 * Text with the matched phrases wrapped in <mark>. Everything is rendered as text nodes, so the
 * JSX renderer escapes it; nothing from a profile can become markup.
 */
export function Highlight({ text, phrases }: { text: string; phrases: Phrases }) {
  // Most labels and names contain no query word at all: one substring test each spares the split.
  if (phrases.length === 0 || !mayMatch(text, phrases)) return <>{text}</>;
  const parts = text.split(WORD);
  const words = parts.filter((_, i) => i % 2 === 1).map((w) => w.toLowerCase());
  const marked = covered(words, phrases);
  const out: Child[] = parts.map((part, i) =>
    i % 2 === 1 && marked.has((i - 1) / 2) ? <mark>{part}</mark> : part,
  );
  return <>{out}</>;
}

/** About `size` words of `text`, starting a little before the first match (the card's description snippet). */
export function snippet(text: string, phrases: Phrases, size = 36): string {
  const tokens = text.split(/\s+/).filter(Boolean);
  if (tokens.length <= size) return tokens.join(' ');
  const first = new Set(phrases.map((p) => p[0]!));
  const hit = tokens.findIndex((t) => first.has(t.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')));
  const start = Math.max(0, Math.min(tokens.length - size, hit - Math.floor(size / 3)));
  const body = tokens.slice(start, start + size).join(' ');
  return `${start > 0 ? '… ' : ''}${body}${start + size < tokens.length ? ' …' : ''}`;
}
