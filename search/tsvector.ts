/**
 * Reading and writing PostgreSQL's text forms of tsvector and tsquery. Lexemes always come
 * from PostgreSQL (its parser and the 'indonesian'/'simple' configurations), so the in-memory
 * index and SQL agree on what a word is.
 */

/** Weight letters as numbers: D (no letter) = 0 … A = 3. */
export type WeightCode = 0 | 1 | 2 | 3;

/**
 * Parses `'baja':4C,9 'bubut':1A` and calls `fn(lexeme, positions, weights)` per lexeme.
 * The arrays are reused between calls; copy them if kept.
 */
export function forEachTsvEntry(
  text: string,
  fn: (lexeme: string, positions: number[], weights: number[], count: number) => void,
): void {
  const positions: number[] = [];
  const weights: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && text.charCodeAt(i) === 32) i++;
    if (i >= n) break;
    if (text.charCodeAt(i) !== 39) throw new Error(`bad tsvector at ${i}: ${text.slice(i, i + 20)}`);
    i++;
    let lexeme = '';
    let start = i;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 39) {
        if (text.charCodeAt(i + 1) === 39) {
          lexeme += `${text.slice(start, i)}'`;
          i += 2;
          start = i;
          continue;
        }
        lexeme += text.slice(start, i);
        i++;
        break;
      }
      if (c === 92) {
        lexeme += text.slice(start, i) + text.charAt(i + 1);
        i += 2;
        start = i;
        continue;
      }
      if (i >= n) throw new Error('unterminated tsvector lexeme');
      i++;
    }
    let count = 0;
    if (text.charCodeAt(i) === 58) {
      i++;
      for (;;) {
        let pos = 0;
        let c = text.charCodeAt(i);
        while (c >= 48 && c <= 57) {
          pos = pos * 10 + (c - 48);
          c = text.charCodeAt(++i);
        }
        let w = 0;
        if (c === 65) w = 3;
        else if (c === 66) w = 2;
        else if (c === 67) w = 1;
        else if (c === 68) w = 0;
        if (c >= 65 && c <= 68) c = text.charCodeAt(++i);
        positions[count] = pos;
        weights[count] = w;
        count++;
        if (c === 44) {
          i++;
          continue;
        }
        break;
      }
    }
    fn(lexeme, positions, weights, count);
  }
}

/** A phrase as lexemes with their offsets from the first one (`<->` is offset 1). */
export interface Form {
  lexemes: string[];
  offsets: number[];
}

/** The lexemes of a short text in position order, e.g. `'karat':3 'baja':1 'tahan':2` → baja tahan karat. */
export function formOf(tsv: string): Form | null {
  const byPos: [number, string][] = [];
  forEachTsvEntry(tsv, (lexeme, positions, _w, count) => {
    for (let k = 0; k < count; k++) byPos.push([positions[k]!, lexeme]);
    if (count === 0) byPos.push([1, lexeme]);
  });
  if (byPos.length === 0) return null;
  byPos.sort((a, b) => a[0] - b[0]);
  const first = byPos[0]![0];
  return { lexemes: byPos.map(([, l]) => l), offsets: byPos.map(([p]) => p - first) };
}

/** Identity of a form: the key of its posting list in the in-memory index. */
export function formKey(f: Form): string {
  if (f.lexemes.length === 1) return f.lexemes[0]!;
  return f.lexemes.map((l, i) => `${f.offsets[i]}\u0001${l}`).join('\u0002');
}

/** A lexeme as a tsquery operand: quoted, with quotes doubled and backslashes escaped. */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** `'baja' <-> 'tahan' <-> 'karat'`; gaps (removed stop words) become `<2>` and so on. */
export function formToTsquery(f: Form): string {
  let out = quoteLexeme(f.lexemes[0]!);
  for (let i = 1; i < f.lexemes.length; i++) {
    const gap = f.offsets[i]! - f.offsets[i - 1]!;
    out += ` <${gap}> ${quoteLexeme(f.lexemes[i]!)}`;
  }
  return out;
}
