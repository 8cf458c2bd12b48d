import { bytesOf, FrameReader, f64, frame, i32 } from '../../search/memory/frames.js';
import {
  readStoredSnapshot,
  type SavedSnapshot,
  type SnapshotKind,
  type StoredSnapshot,
  storeSnapshot,
} from '../../search/memory/snapshot-store.js';
import type { Sql } from '../db/client.js';
import type { FactParts } from './fact-parts.js';
import type { CertList } from './interner.js';

/**
 * Matching's candidates as a stored snapshot, so an instance starts from the columns another one
 * built instead of reading every supplier's facts again (about 10 s at a million suppliers on two
 * cores, against about one). The frames of search/memory/frames.ts: a JSON header with what is
 * small (strings, certificate lists, the few slots kept aside), then one frame per typed array.
 * Bump FACTS_FORMAT whenever the layout changes: a snapshot of another format is ignored.
 */
export const FACTS_FORMAT = 1;

/** Facts do not depend on the taxonomy: every snapshot is of this one "version". */
const KIND: SnapshotKind = { name: 'matching', format: FACTS_FORMAT, taxonomyVersion: 'facts' };

type Narrow = Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer>;
/** A number JSON cannot carry (NaN, ±Infinity, -0) travels as its text. */
type NumJson = number | string | null;

interface Header {
  format: number;
  slots: number;
  documents: number;
  unnamed: number[];
  otherIds: [number, string][];
  partialLocation: [number, NumJson, NumJson][];
  otherAmounts: [number, NumJson][];
  otherStatus: [number, string][];
  strings: string[];
  certs: { types: readonly string[]; until: readonly (string | null)[]; tkdn: NumJson[] }[];
  /** Bytes per entry of the narrow columns: material lists, certificate lists, capacity units. */
  widths: [number, number, number];
}

const numOut = (x: number | null): NumJson =>
  x === null || (Number.isFinite(x) && !Object.is(x, -0)) ? x : Object.is(x, -0) ? '-0' : String(x);
const numIn = (x: NumJson): number | null => (typeof x === 'string' ? Number(x) : x);

/** The frames of `parts` (taken at once by FactStore.parts, so the store may change meanwhile). */
export async function* encodeFacts(p: FactParts): AsyncGenerator<Uint8Array> {
  const narrow = [p.materialList, p.certList, p.capacityUnit];
  const header: Header = {
    format: FACTS_FORMAT,
    slots: p.slots,
    documents: p.documents,
    unnamed: p.unnamed,
    otherIds: p.otherIds,
    partialLocation: p.partialLocation.map(([s, lat, lon]) => [s, numOut(lat), numOut(lon)]),
    otherAmounts: p.otherAmounts.map(([s, a]) => [s, numOut(a)]),
    otherStatus: p.otherStatus,
    strings: p.interner.strings,
    certs: p.interner.certs.map((c) => ({ types: c.types, until: c.until, tkdn: c.tkdn.map(numOut) })),
    widths: narrow.map((c) => c.BYTES_PER_ELEMENT) as Header['widths'],
  };
  yield* frame(Buffer.from(JSON.stringify(header), 'utf8'));
  for (const a of [p.idWords, p.status, p.lat, p.lon, p.cents, p.processList, ...narrow])
    yield* frame(bytesOf(a));
  for (const pool of p.interner.pools) {
    yield* frame(bytesOf(pool.items));
    yield* frame(bytesOf(pool.start));
  }
}

const narrowOf = (b: Uint8Array<ArrayBuffer>, width: number): Narrow => {
  const buf = b.buffer as ArrayBuffer;
  if (width === 1) return b;
  if (width === 2) return new Uint16Array(buf, 0, b.byteLength / 2);
  if (width === 4) return new Uint32Array(buf, 0, b.byteLength / 4);
  throw new Error('facts: a column of an unknown width');
};

/** The parts `encodeFacts` wrote; lengths and ids are checked when a store adopts them. */
export async function decodeFacts(chunks: AsyncIterable<Uint8Array>, total?: number): Promise<FactParts> {
  const r = new FrameReader(chunks[Symbol.asyncIterator](), total);
  const header = JSON.parse(Buffer.from((await r.frame()).buffer).toString('utf8')) as Header;
  if (header.format !== FACTS_FORMAT) throw new Error(`facts snapshot: format ${header.format}`);
  const idWords = new Uint32Array((await r.frame()).buffer);
  const status = await r.frame();
  const lat = f64(await r.frame());
  const lon = f64(await r.frame());
  const cents = new Uint32Array((await r.frame()).buffer);
  const processList = i32(await r.frame());
  const narrow: Narrow[] = [];
  for (const width of header.widths) narrow.push(narrowOf(await r.frame(), width));
  const pools: { items: Int32Array<ArrayBuffer>; start: Int32Array<ArrayBuffer> }[] = [];
  for (let k = 0; k < 2; k++) pools.push({ items: i32(await r.frame()), start: i32(await r.frame()) });
  const certs: CertList[] = header.certs.map((c) => ({
    types: c.types,
    until: c.until,
    tkdn: c.tkdn.map(numIn),
  }));
  return {
    slots: header.slots,
    documents: header.documents,
    unnamed: header.unnamed,
    idWords,
    otherIds: header.otherIds,
    status,
    lat,
    lon,
    partialLocation: header.partialLocation.map(([s, lat, lon]) => [s, numIn(lat), numIn(lon)]),
    cents,
    otherAmounts: header.otherAmounts.map(([s, a]) => [s, numIn(a) ?? Number.NaN]),
    processList,
    materialList: narrow[0]!,
    certList: narrow[1]!,
    capacityUnit: narrow[2]!,
    otherStatus: header.otherStatus,
    interner: { strings: header.strings, pools, certs },
  };
}

/** Stores the parts as the newest matching snapshot; `xmin` is the poller's, read before `parts` were taken. */
export function saveFactsSnapshot(sql: Sql, parts: FactParts, xmin: string): Promise<SavedSnapshot> {
  return storeSnapshot(sql, KIND, { xmin, documents: parts.documents }, encodeFacts(parts));
}

/** The newest matching snapshot of this format, decoded; null when there is none. */
export function loadFactsSnapshot(
  sql: Sql,
  onCopyError?: (err: unknown) => void,
): Promise<StoredSnapshot<FactParts> | null> {
  return readStoredSnapshot(sql, KIND, decodeFacts, onCopyError);
}
