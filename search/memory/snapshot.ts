import { count } from './bitset.js';
import { FacetValue } from './facet-value.js';
import { bytesOf, FrameReader, f64, frame, i32, stringParts, yieldNow } from './frames.js';
import { BITSET_FACETS, MemoryIndex } from './index.js';
import { Lexicon } from './lexicon.js';
import type { DenseList } from './postings.js';

/**
 * Binary form of a MemoryIndex, so an instance can start from the columns another one already
 * built. A stream of frames, each a little-endian u32 length and its bytes: a JSON header, string
 * lists in parts (entries joined by NUL, which PostgreSQL text never holds), then one frame per
 * typed array, read back without a copy. Lexemes and names are UTF-8 pools with Int32 offsets, so
 * neither side makes a string per lexeme or name; phrase keys and gone transactions are string
 * lists. Bump FORMAT whenever the layout changes: a snapshot of another format is ignored and the
 * index is built from the rows.
 */
export const SNAPSHOT_FORMAT = 4;

interface Header {
  format: number;
  size: number;
  version: number;
  lists: number;
  /** Phrase lists (`0..phrases)`); the lexemes own the lists after them. */
  phrases: number;
  gone: number;
  facets: Record<string, string[]>;
  certTypes: string[];
  /** FacetValue ids, in the order of `facets`, and how many were handed out. */
  facetIds: Record<string, number[]>;
  valueIds: number;
  /** Whether the facet forward values are 32-bit. */
  forwardWide: boolean;
  /** Ids that are not uuids, by slot (tests). */
  otherIds: [number, string][];
}

/**
 * Encodes the index as it is when called. The index stays usable meanwhile: it is pinned (no
 * compaction moves a slot), everything that may change is copied up front, and the rest (columns,
 * frozen postings, ids and names of existing slots) only ever grows beyond what is written.
 */
export async function* encodeIndex(ix: MemoryIndex): AsyncGenerator<Uint8Array> {
  ix.pins++;
  try {
    const size = ix.size;
    const words = Math.ceil(size / 32);
    const postings = ix.text.postings.frozen();
    const lists = postings.start.length - 1;
    const dense = [...postings.dense];
    const { lexBase, lexicon } = ix.text;
    const lexemes = lists - lexBase;
    if (lexemes < 0 || lexemes > lexicon.size) throw new Error('snapshot: lists and lexicon disagree');
    const phrases: string[] = new Array(lexBase).fill('');
    for (const [key, id] of ix.text.phraseIds) phrases[id] = key;
    // Views: the lexicon only appends, so lexemes 0..lexemes) stay as they are while this runs.
    const lexPool = lexicon.poolOf(lexemes);
    const lexOffsets = lexicon.offsetsOf(lexemes);
    const gone = [...ix.goneTx].flat();
    const masked = (b: Uint32Array) => {
      const out = b.slice(0, words);
      if (size % 32) out[words - 1]! &= (1 << (size % 32)) - 1;
      return out;
    };
    const alive = masked(ix.alive);
    const verified = masked(ix.verified);
    const facets = BITSET_FACETS.map((f) =>
      [...ix.facets[f]].map(([v, value]) => ({ v, value, n: value.length })),
    );
    const certs = [...ix.certUntil].map(([type, col]) => ({ type, col: col.subarray(0, size) }));
    const tkdn: number[] = [];
    for (const [slot, pairs] of ix.tkdn) if (slot < size) tkdn.push(slot, pairs.length, ...pairs);
    const cols = [ix.txCol, ix.certTxCol, ix.lat, ix.lon, ix.updated, ix.idKey].map((c) =>
      c.subarray(0, size),
    );
    const names = ix.nameNorm.arrays(size);
    const nameOrder = ix.names.order().filter((slot) => slot < size);
    const forward = ix.forward.arrays(size);
    const employees = ix.employees.subarray(0, size);
    const header: Header = {
      format: SNAPSHOT_FORMAT,
      size,
      version: ix.version,
      lists,
      phrases: lexBase,
      gone: gone.length,
      facets: Object.fromEntries(BITSET_FACETS.map((f, i) => [f, facets[i]!.map((x) => x.v)])),
      facetIds: Object.fromEntries(BITSET_FACETS.map((f, i) => [f, facets[i]!.map((x) => x.value.id)])),
      valueIds: ix.valueIds,
      forwardWide: forward.values instanceof Int32Array,
      certTypes: certs.map((c) => c.type),
      otherIds: [...ix.ids.others()].filter(([slot]) => slot < size),
    };
    yield* frame(Buffer.from(JSON.stringify(header), 'utf8'));
    yield* frame(bytesOf(ix.ids.wordsOf(size)));
    yield* frame(bytesOf(names.ends));
    yield* frame(names.pool);
    yield* stringParts(lexBase, (i) => phrases[i]!);
    yield* frame(bytesOf(lexOffsets));
    yield* frame(lexPool);
    yield* stringParts(gone.length, (i) => gone[i]!);
    for (const c of cols) yield* frame(bytesOf(c));
    yield* frame(bytesOf(employees));
    yield* frame(bytesOf(alive));
    yield* frame(bytesOf(verified));
    for (const values of facets) {
      yield* frame(bytesOf(Int32Array.from(values, (x) => x.n)));
      for (const x of values) yield* frame(bytesOf(x.value.slots.subarray(0, x.n)));
      await yieldNow();
    }
    for (const c of certs) yield* frame(bytesOf(c.col));
    yield* frame(bytesOf(Float64Array.from(tkdn)));
    yield* frame(bytesOf(postings.start));
    yield* frame(bytesOf(postings.slotStart));
    yield* frame(bytesOf(postings.slots));
    yield* frame(bytesOf(postings.weights));
    yield* frame(bytesOf(Int32Array.from(dense, ([id]) => id)));
    yield* frame(bytesOf(Int32Array.from(dense, ([, d]) => d.weight)));
    for (const [, d] of dense) yield* frame(bytesOf(d.bits));
    yield* frame(bytesOf(nameOrder));
    yield* frame(bytesOf(forward.start));
    yield* frame(bytesOf(forward.values));
  } finally {
    ix.pins--;
  }
}

/**
 * Rebuilds an index from `encodeIndex` output. `phraseForms` must be the taxonomy the snapshot
 * was written under (the caller checks the version); a mismatch in the phrase or lexeme ids
 * throws, and the caller builds from the rows instead.
 */
export async function decodeIndex(
  phraseForms: ConstructorParameters<typeof MemoryIndex>[0],
  chunks: AsyncIterable<Uint8Array>,
  total?: number,
): Promise<MemoryIndex> {
  const r = new FrameReader(chunks[Symbol.asyncIterator](), total);
  const header = JSON.parse(Buffer.from((await r.frame()).buffer).toString('utf8')) as Header;
  if (header.format !== SNAPSHOT_FORMAT) throw new Error(`snapshot: format ${header.format}`);
  const { size } = header;
  const ix = new MemoryIndex(phraseForms);
  const capacity = Math.max(1024, size);
  const idWords = new Uint32Array((await r.frame()).buffer);
  const nameEnds = i32(await r.frame());
  if (nameEnds.length !== size) throw new Error('snapshot: name list of the wrong length');
  ix.nameNorm.load(await r.frame(), nameEnds);
  const phrases = await r.strings(header.phrases);
  if (header.phrases !== ix.text.lexBase) throw new Error('snapshot: phrase ids differ from the taxonomy');
  for (const [key, id] of ix.text.phraseIds)
    if (phrases[id] !== key) throw new Error('snapshot: phrase ids differ from the taxonomy');
  const lexOffsets = i32(await r.frame());
  const lexicon = await Lexicon.load(await r.frame(), lexOffsets);
  if (header.phrases + lexicon.size !== header.lists) throw new Error('snapshot: lists and lexicon disagree');
  ix.text.adoptLexicon(lexicon);
  const gone = await r.strings(header.gone);
  for (let i = 0; i + 1 < gone.length; i += 2) ix.goneTx.set(gone[i]!, gone[i + 1]!);

  // Columns and bitsets are adopted as read (`grow` below pads them when capacity exceeds size):
  // filling capacity-sized arrays first and copying into them blocked the event loop for 110 ms.
  const sized = <T extends { length: number }>(a: T, n: number): T => {
    if (a.length !== n) throw new Error('snapshot: a column of the wrong length');
    return a;
  };
  const cols = ['txCol', 'certTxCol', 'lat', 'lon', 'updated', 'idKey'] as const;
  for (const c of cols) ix[c] = sized(f64(await r.frame()), size);
  ix.employees = sized(i32(await r.frame()), size);
  const words = Math.ceil(size / 32);
  ix.alive = sized(new Uint32Array((await r.frame()).buffer), words);
  ix.verified = sized(new Uint32Array((await r.frame()).buffer), words);
  for (const f of BITSET_FACETS) {
    const lengths = i32(await r.frame());
    const values = header.facets[f] ?? [];
    const ids = header.facetIds[f] ?? [];
    for (let k = 0; k < values.length; k++) {
      const value = new FacetValue(ids[k]!);
      value.slots = i32(await r.frame());
      value.length = lengths[k]!;
      if (value.length * 32 > capacity) value.bits = value.toBits(capacity);
      ix.facets[f].set(values[k]!, value);
    }
    await yieldNow();
  }
  for (const type of header.certTypes) ix.certUntil.set(type, sized(i32(await r.frame()), size));
  ix.grow(capacity);
  const tkdn = f64(await r.frame());
  for (let i = 0; i < tkdn.length; ) {
    const n = tkdn[i + 1]!;
    ix.tkdn.set(tkdn[i]!, Array.from(tkdn.subarray(i + 2, i + 2 + n)));
    i += 2 + n;
  }
  const start = i32(await r.frame());
  const slotStart = i32(await r.frame());
  const slots = i32(await r.frame());
  const weights = await r.frame();
  const dense = new Map<number, DenseList>();
  const denseIds = i32(await r.frame());
  const denseWeights = i32(await r.frame());
  for (let i = 0; i < denseIds.length; i++) {
    const bits = new Uint32Array((await r.frame()).buffer);
    dense.set(denseIds[i]!, { bits, count: count(bits), weight: denseWeights[i]! });
  }
  ix.text.postings.adopt({ start, slotStart, slots, weights, dense });
  ix.names.load(i32(await r.frame()), size);
  const forwardStart = i32(await r.frame());
  const forwardBytes = await r.frame();
  ix.forward.adopt(
    forwardStart,
    header.forwardWide
      ? i32(forwardBytes)
      : new Uint16Array(forwardBytes.buffer as ArrayBuffer, 0, forwardBytes.byteLength / 2),
    size,
  );
  ix.valueIds = header.valueIds;
  ix.fillRegions();
  if (idWords.length !== size * 4) throw new Error('snapshot: id list of the wrong length');
  await ix.ids.load(
    idWords,
    new Map(header.otherIds),
    size,
    (k) => ((ix.alive[k >>> 5]! >>> (k & 31)) & 1) === 1,
  );
  ix.size = size;
  ix.dead = size - ix.ids.size;
  ix.version = header.version + 1;
  return ix;
}
