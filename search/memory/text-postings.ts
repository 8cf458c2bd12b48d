import { type Form, forEachTsvEntry, formKey } from '../tsvector.js';
import { Lexicon } from './lexicon.js';
import { type PostingPart, Postings } from './postings.js';

interface PhraseDef {
  /** The phrase's list in `postings`. */
  list: number;
  ids: number[];
  offsets: number[];
}

/** Phrases that start with one lexeme, grouped by their second lexeme when it follows directly. */
interface PhraseStart {
  byNext: Map<number, PhraseDef[]>;
  gapped: PhraseDef[];
}

const MAX_POSITION = 16_384;

/**
 * The text side of the in-memory index: a posting list per lexeme of the stored tsvectors (with
 * the best weight per document) and per multi-word taxonomy phrase, found by position while a
 * document is added, so a query for "baja tahan karat" reads one list instead of intersecting three.
 */
export class TextPostings {
  /** Lexemes; lexeme `k` owns list `lexBase + k` in `postings`. */
  private lexemes = new Lexicon();
  /** Taxonomy phrase (form key) → its list in `postings`: lists `0..lexBase)`. */
  readonly phraseIds = new Map<string, number>();
  /** Lexeme and phrase lists, each id's run of slots in one shared layout. */
  readonly postings = new Postings();
  /** Phrase lists come first, so a lexeme's list is its lexicon id plus this (no id map). */
  readonly lexBase: number;
  private readonly phraseStarts: (PhraseStart | undefined)[] = [];
  private readonly posLex = new Int32Array(MAX_POSITION + 2).fill(-1);
  private readonly posWeight = new Uint8Array(MAX_POSITION + 2);
  private readonly touched = new Int32Array(MAX_POSITION + 2);

  /** `phraseForms`: the taxonomy's phrases; their multi-lexeme forms get lists of their own. */
  constructor(phraseForms: Iterable<readonly Form[]>) {
    const phrases: { list: number; form: Form }[] = [];
    for (const forms of phraseForms)
      for (const form of forms) {
        if (form.lexemes.length < 2) continue;
        const key = formKey(form);
        if (this.phraseIds.has(key)) continue;
        const list = this.postings.newList();
        this.phraseIds.set(key, list);
        phrases.push({ list, form });
      }
    this.lexBase = this.postings.count;
    for (const { list, form: f } of phrases) {
      const ids = f.lexemes.map((l) => this.intern(l));
      const start: PhraseStart = this.phraseStarts[ids[0]!] ?? { byNext: new Map(), gapped: [] };
      this.phraseStarts[ids[0]!] = start;
      const def = { list, ids, offsets: f.offsets };
      if (f.offsets[1] === 1) {
        const list = start.byNext.get(ids[1]!) ?? [];
        list.push(def);
        start.byNext.set(ids[1]!, list);
      } else {
        start.gapped.push(def);
      }
    }
  }

  /** The lexemes, in list order (for a snapshot). */
  get lexicon(): Lexicon {
    return this.lexemes;
  }

  /**
   * Takes a snapshot's lexicon in place of the taxonomy's own: it must begin with the same
   * lexemes (those the phrases were matched by), else this throws and the rows are read instead.
   */
  adoptLexicon(lexicon: Lexicon): void {
    const own = this.lexemes;
    if (lexicon.size < own.size) throw new Error('snapshot: lexeme ids differ from the taxonomy');
    for (let k = 0; k < own.size; k++)
      if (lexicon.keyAt(k) !== own.keyAt(k)) throw new Error('snapshot: lexeme ids differ from the taxonomy');
    this.lexemes = lexicon;
    this.postings.count = Math.max(this.postings.count, this.lexBase + lexicon.size);
  }

  /** Calls `fn` for each run of slots holding a lexeme or phrase (by form key), in slot order. */
  forEach(key: string, fn: PostingPart): void {
    const id = this.listOf(key);
    if (id >= 0) this.postings.forEachPart(id, fn);
  }

  /** Calls `fn(slot, weight)` for the slots holding a lexeme or phrase that are also in `filter`. */
  forEachIn(key: string, filter: Uint32Array, fn: (slot: number, weight: number) => void): void {
    const id = this.listOf(key);
    if (id >= 0) this.postings.forEachIn(id, filter, fn);
  }

  /** `dst |= slots holding the lexeme or phrase` (a dense list is OR-ed word by word). */
  orInto(key: string, dst: Uint32Array): void {
    const id = this.listOf(key);
    if (id >= 0) this.postings.orInto(id, dst);
  }

  /** Documents containing the lexeme (dead slots count until a compaction). */
  df(lexeme: string): number {
    const id = this.lexemes.get(lexeme);
    return id < 0 ? 0 : this.postings.length(this.lexBase + id);
  }

  /** Indexes a document's tsvector (PostgreSQL's own lexemes and positions) and the phrases in it. */
  add(slot: number, tsv: string): void {
    const { posLex, posWeight, touched } = this;
    const state = { n: 0, extra: null as Map<number, number[]> | null };
    forEachTsvEntry(tsv, (lexeme, positions, weights, count) => {
      const id = this.intern(lexeme);
      let best = 0;
      for (let k = 0; k < count; k++) {
        const w = weights[k]!;
        if (w > best) best = w;
        const p = positions[k]!;
        if (posLex[p] === -1) {
          posLex[p] = id;
          posWeight[p] = w;
          touched[state.n++] = p;
        } else {
          state.extra ??= new Map();
          state.extra.set(p, [...(state.extra.get(p) ?? []), id]);
        }
      }
      this.postings.add(id, slot, best);
    });
    const { n, extra } = state;
    for (let k = 0; k < n; k++) {
      const p = touched[k]!;
      const start = this.phraseStarts[posLex[p]!];
      if (start) this.matchPhrasesAt(slot, p, start, extra);
      if (extra?.has(p))
        for (const a of extra.get(p)!) {
          const other = this.phraseStarts[a];
          if (other) this.matchPhrasesAt(slot, p, other, extra);
        }
    }
    for (let k = 0; k < n; k++) posLex[touched[k]!] = -1;
  }

  private matchPhrasesAt(slot: number, p: number, start: PhraseStart, extra: Map<number, number[]> | null) {
    const next = this.posLex[p + 1]!;
    if (next !== -1) {
      const defs = start.byNext.get(next);
      if (defs) for (const def of defs) this.checkPhrase(slot, p, def, 2, extra);
    }
    const more = extra?.get(p + 1);
    if (more)
      for (const b of more)
        for (const def of start.byNext.get(b) ?? []) this.checkPhrase(slot, p, def, 2, extra);
    for (const def of start.gapped) this.checkPhrase(slot, p, def, 1, extra);
  }

  private checkPhrase(
    slot: number,
    p: number,
    def: PhraseDef,
    from: number,
    extra: Map<number, number[]> | null,
  ) {
    for (let j = from; j < def.ids.length; j++) {
      const q = p + def.offsets[j]!;
      if (q > MAX_POSITION) return;
      if (this.posLex[q] !== def.ids[j] && !(extra?.get(q)?.includes(def.ids[j]!) ?? false)) return;
    }
    this.postings.add(def.list, slot, this.posWeight[p]!);
  }

  /** The list of a phrase (by form key) or lexeme; -1 when none. */
  private listOf(key: string): number {
    const phrase = this.phraseIds.get(key);
    if (phrase !== undefined) return phrase;
    const id = this.lexemes.get(key);
    return id < 0 ? -1 : this.lexBase + id;
  }

  /** The list of `lexeme`, a new one when it is new (lexicon ids and lists grow together). */
  private intern(lexeme: string): number {
    const before = this.lexemes.size;
    const id = this.lexemes.intern(lexeme);
    if (id === before) this.postings.newList();
    return this.lexBase + id;
  }
}
