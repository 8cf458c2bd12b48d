import type { SearchRow } from '../rows.js';
import type { Form } from '../tsvector.js';
import {
  type Bitset,
  clearBit,
  createBitset,
  growBitset,
  hasBit,
  remapBitsInPlace,
  setBit,
} from './bitset.js';
import { dayNumber, growFloat64, growInt32, NO_CERT, remapColumn } from './columns.js';
import { FacetForward } from './facet-forward.js';
import { FacetValue } from './facet-value.js';
import { IdTable } from './id-table.js';
import { NameOrder } from './name-order.js';
import type { PostingPart } from './postings.js';
import { StringColumn } from './string-column.js';
import { TextPostings } from './text-postings.js';

/** Facets whose values are stored per value as a slot list, and as a bitset when dense. */
export const BITSET_FACETS = [
  'processes',
  'materials',
  'product_categories',
  'sectors',
  'province',
  'regency',
] as const;
export type BitsetFacet = (typeof BITSET_FACETS)[number];

/**
 * Columnar, in-memory copy of the searchable part of supplier_search: one slot per supplier
 * version. A changed supplier gets a new slot and its old slot dies, so every structure is
 * append-only; dead slots are dropped when the index is rebuilt. Text lives in TextPostings.
 * Dead slots are squeezed out in place by `compact()`, so a clean-up never holds two copies.
 */
export class MemoryIndex {
  capacity = 0;
  size = 0;
  dead = 0;
  /** Bumped on every change; caches derived from the slots key on it. */
  version = 0;
  /** Readers (a snapshot being written) that need slots to stay where they are: no compaction. */
  pins = 0;
  /** Supplier id ↔ slot (a dead slot keeps its id until a compaction). */
  readonly ids = new IdTable();
  /** Writing transaction of each slot's search row and certificate row (-1: none), as numbers. */
  /** @internal (snapshot) */
  txCol: Float64Array = new Float64Array(0);
  /** @internal (snapshot) */
  certTxCol: Float64Array = new Float64Array(0);
  /** `txId/certTxId` of suppliers without a live slot (deleted or not searchable). */
  readonly goneTx = new Map<string, string>();
  alive: Bitset = createBitset(0);
  verified: Bitset = createBitset(0);
  readonly facets: Record<BitsetFacet, Map<string, FacetValue>> = {
    processes: new Map(),
    materials: new Map(),
    product_categories: new Map(),
    sectors: new Map(),
    province: new Map(),
    regency: new Map(),
  };
  /** Each slot's facet values, by FacetValue id; ids handed out so far. */
  readonly forward = new FacetForward();
  valueIds = 0;
  /** Certificate type → per slot the latest valid-until day (NO_CERT when the type is not held). */
  readonly certUntil = new Map<string, Int32Array>();
  /** Slot → [percent, untilDay, percent, untilDay, …] of its TKDN certificates. */
  readonly tkdn = new Map<number, number[]>();
  employees: Int32Array = new Int32Array(0);
  /**
   * Each slot's province and regency as FacetValue id + 1 (0: none). A province or regency
   * filter's own facet is counted over everything else the query keeps, often a third of the
   * directory: one small column read per slot instead of the slot's whole forward list.
   */
  provinceOf: Int32Array = new Int32Array(0);
  regencyOf: Int32Array = new Int32Array(0);
  lat: Float64Array = new Float64Array(0);
  lon: Float64Array = new Float64Array(0);
  updated: Float64Array = new Float64Array(0);
  /** Each slot's normalised name (UTF-8 in one pool). */
  readonly nameNorm = new StringColumn();
  /** Each slot's place in (nameNorm, id) order. */
  readonly names = new NameOrder((a, b) => this.nameNorm.compare(a, b) || this.ids.compare(a, b));
  /** The id's first 52 bits: sorts like the uuid text. */
  idKey: Float64Array = new Float64Array(0);
  /** Lexeme and taxonomy-phrase postings. */
  readonly text: TextPostings;

  /** `phraseForms`: the taxonomy's phrases; their multi-lexeme forms get postings of their own. */
  constructor(phraseForms: Iterable<readonly Form[]>) {
    this.text = new TextPostings(phraseForms);
  }

  /**
   * Calls `fn` for each run of the slots (with weights) whose document contains a lexeme or
   * taxonomy phrase (by form key), in slot order; not at all when none ever did.
   */
  forEachPosting(key: string, fn: PostingPart): void {
    this.text.forEach(key, fn);
  }

  /** Live documents containing the lexeme (an estimate: dead slots count until a compaction). */
  df(lexeme: string): number {
    return this.text.df(lexeme);
  }

  /** Applies the current state of one supplier: a new slot when searchable, and the old one dies. */
  apply(row: SearchRow): void {
    const gone = `${row.txId}/${row.certTxId ?? ''}`;
    const tx = Number(row.txId);
    const certTx = row.certTxId === null ? -1 : Number(row.certTxId);
    const old = this.ids.get(row.supplierId);
    if (old !== undefined) {
      if (this.txCol[old] === tx && this.certTxCol[old] === certTx) return;
      clearBit(this.alive, old);
      this.ids.delete(row.supplierId);
      this.dead++;
    } else if (this.goneTx.get(row.supplierId) === gone) return;
    this.version++;
    if (row.deleted || !row.searchable) {
      this.goneTx.set(row.supplierId, gone);
      return;
    }
    this.goneTx.delete(row.supplierId);
    const slot = this.size++;
    if (slot >= this.capacity) this.grow(Math.max(1024, this.capacity * 2));
    this.ids.set(row.supplierId, slot);
    this.txCol[slot] = tx;
    this.certTxCol[slot] = certTx;
    setBit(this.alive, slot);
    if (row.verified) setBit(this.verified, slot);
    const valueIds: number[] = [];
    this.addValues('processes', slot, row.processes, valueIds);
    this.addValues('materials', slot, row.materials, valueIds);
    this.addValues('product_categories', slot, row.productCategories, valueIds);
    this.addValues('sectors', slot, row.sectors, valueIds);
    if (row.provinceCode) this.addValues('province', slot, [row.provinceCode], valueIds);
    if (row.regencyCode) this.addValues('regency', slot, [row.regencyCode], valueIds);
    this.forward.add(slot, valueIds);
    this.provinceOf[slot] = row.provinceCode ? this.facets.province.get(row.provinceCode)!.id + 1 : 0;
    this.regencyOf[slot] = row.regencyCode ? this.facets.regency.get(row.regencyCode)!.id + 1 : 0;
    this.employees[slot] = row.employees ?? -1;
    this.lat[slot] = row.lat ?? Number.NaN;
    this.lon[slot] = row.lon ?? Number.NaN;
    this.updated[slot] = Number(row.updatedUs);
    this.nameNorm.push(slot, row.nameNorm);
    this.names.add(slot);
    this.idKey[slot] = Number.parseInt(row.supplierId.replace(/-/g, '').slice(0, 13), 16);
    this.addCertificates(slot, row);
    this.text.add(slot, row.tsv);
  }

  /**
   * Drops the dead slots in place: live slots move down in the same order, every column, bitset
   * and posting is rewritten where it lies, and values no live slot holds any more disappear. The
   * result equals a fresh build from the live rows, without a second copy of the index.
   */
  compact(): void {
    if (this.dead === 0 || this.pins > 0) return;
    const size = this.size;
    const remap = new Int32Array(size).fill(-1);
    let n = 0;
    for (let s = 0; s < size; s++) if (hasBit(this.alive, s)) remap[s] = n++;
    // First, while names and ids still sit at the old slots (a pending merge compares them).
    this.names.remap(remap);
    this.ids.remap(remap, size);
    this.forward.remap(remap);
    remapColumn(this.employees, remap, size, -1);
    remapColumn(this.provinceOf, remap, size, 0);
    remapColumn(this.regencyOf, remap, size, 0);
    remapColumn(this.lat, remap, size, Number.NaN);
    remapColumn(this.lon, remap, size, Number.NaN);
    for (const col of [this.updated, this.idKey, this.txCol]) remapColumn(col, remap, size, 0);
    remapColumn(this.certTxCol, remap, size, -1);
    for (const [type, col] of this.certUntil) {
      remapColumn(col, remap, size, NO_CERT);
      if (!col.subarray(0, n).some((d) => d !== NO_CERT)) this.certUntil.delete(type);
    }
    this.nameNorm.remap(remap, size);
    remapBitsInPlace(this.alive, remap);
    remapBitsInPlace(this.verified, remap);
    for (const f of BITSET_FACETS)
      for (const [v, value] of this.facets[f]) {
        value.remap(remap, this.capacity);
        if (value.length === 0) this.facets[f].delete(v);
      }
    const tkdn = [...this.tkdn].filter(([slot]) => remap[slot]! >= 0);
    this.tkdn.clear();
    for (const [slot, pairs] of tkdn) this.tkdn.set(remap[slot]!, pairs);
    this.text.postings.remap(remap);
    this.trim();
    this.size = n;
    this.dead = 0;
    this.version++;
  }

  /** Moves every posting written since the last load or compaction into the shared layout. */
  trim(): void {
    this.text.postings.freeze();
  }

  /** Before a load of many rows: postings go to a flat log, sorted into place by `trim()`. */
  beginLoad(): void {
    this.text.postings.beginBulk();
  }

  private addValues(facet: BitsetFacet, slot: number, values: readonly string[], ids: number[]): void {
    const map = this.facets[facet];
    for (const v of values) {
      let value = map.get(v);
      if (!value) {
        value = new FacetValue(this.valueIds++);
        map.set(v, value);
      }
      value.add(slot, this.capacity);
      if (!ids.includes(value.id)) ids.push(value.id);
    }
  }

  private addCertificates(slot: number, row: SearchRow): void {
    const types = row.certTypes ?? [];
    const untils = row.certUntil ?? [];
    types.forEach((type, i) => {
      let col = this.certUntil.get(type);
      if (!col) {
        col = new Int32Array(this.capacity).fill(NO_CERT);
        this.certUntil.set(type, col);
      }
      const day = dayNumber(untils[i] ?? 'infinity');
      if (day > col[slot]!) col[slot] = day;
    });
    const percents = row.tkdnPercent ?? [];
    if (percents.length) {
      const tkdnUntil = row.tkdnUntil ?? [];
      this.tkdn.set(
        slot,
        percents.flatMap((p, i) => [p, dayNumber(tkdnUntil[i] ?? 'infinity')]),
      );
    }
  }

  /** Fills `provinceOf`/`regencyOf` from the facet lists (a snapshot does not store them). */
  fillRegions(): void {
    for (const [facet, col] of [
      ['province', this.provinceOf],
      ['regency', this.regencyOf],
    ] as const)
      for (const value of this.facets[facet].values())
        for (let k = 0; k < value.length; k++) col[value.slots[k]!] = value.id + 1;
  }

  /** Room for `capacity` slots in every column and bitset (internal; also used by a snapshot load). */
  grow(capacity: number): void {
    this.alive = growBitset(this.alive, capacity);
    this.verified = growBitset(this.verified, capacity);
    for (const f of BITSET_FACETS) for (const value of this.facets[f].values()) value.grow(capacity);
    for (const [t, col] of this.certUntil) this.certUntil.set(t, growInt32(col, capacity, NO_CERT));
    this.employees = growInt32(this.employees, capacity, -1);
    this.provinceOf = growInt32(this.provinceOf, capacity, 0);
    this.regencyOf = growInt32(this.regencyOf, capacity, 0);
    this.lat = growFloat64(this.lat, capacity, Number.NaN);
    this.lon = growFloat64(this.lon, capacity, Number.NaN);
    this.updated = growFloat64(this.updated, capacity, 0);
    this.idKey = growFloat64(this.idKey, capacity, 0);
    this.txCol = growFloat64(this.txCol, capacity, 0);
    this.certTxCol = growFloat64(this.certTxCol, capacity, -1);
    this.capacity = capacity;
  }
}
