import { yieldNow } from '../../search/memory/frames.js';
import { IdTable } from '../../search/memory/id-table.js';
import { checkFactParts, type FactParts } from './fact-parts.js';
import { HardColumns, OTHER_STATUS, STATUS_CODES } from './hard-columns.js';
import { Interner } from './interner.js';
import { AmountColumn, IdColumn } from './narrow-columns.js';
import { Postings, type RangeFeed } from './postings.js';
import type { SupplierFacts, SupplierStatus } from './types.js';

/** Which postings a slug is looked up in. */
export type TermKind = 'process' | 'material';

/**
 * What ranking reads of the in-memory suppliers: the facts by slot, the slot of an id, and the
 * slots holding a process or material slug (a superset: stale entries are re-checked).
 */
export interface CandidateSource {
  /** Slots, empty ones included. */
  readonly size: number;
  /**
   * The supplier in a slot, or null for an empty slot (a fresh object each call). `named: false`
   * leaves `id` empty: ranking reads ids by slot (see compareIds), which spares writing out the
   * text of every uuid it assesses.
   */
  factsAt(slot: number, named?: boolean): SupplierFacts | null;
  /** Orders two named slots exactly as their ids compare as text. */
  compareIds(a: number, b: number): number;
  /** The slot an id was put in (a removed supplier keeps its slot), or undefined. */
  slotOf(id: string): number | undefined;
  /** The supplier id of a slot holding one (see FactStore.idAt for empty slots). */
  idAt(slot: number): string;
  postings(kind: TermKind, slug: string): Int32Array;
  /** Status and location by slot, and whether the slot's postings are exact (see HardColumns). */
  readonly columns?: HardColumns;
}

const NO_SLUGS: readonly string[] = [];
/** Interner list pools. */
const PROCESS_POOL = 0;
const MATERIAL_POOL = 1;

/**
 * Supplier facts in typed columns, with interned strings and lists and per-slug postings, without
 * any database: CandidateIndex keeps one current with PostgreSQL; benchmarks and tests fill one
 * directly. No object per supplier is kept (`factsAt` builds one for the slots a ranking actually
 * assesses): a million suppliers cost about 24 bytes of id (an IdTable: four words and a hash
 * slot, instead of a string, an array entry and a Map entry of about 100 bytes), 32 bytes of
 * columns (lat/lon stay Float64: the distance checks must see exactly what PostgreSQL holds),
 * ~14 of postings and ~10 of interned lists, and a garbage collection has no million small
 * objects to trace, which also keeps search latency down in the same process. A bulk load
 * (beginLoad … endLoad) builds the postings once at the end, at their exact sizes.
 */
export class FactStore implements CandidateSource {
  /** Slots holding a supplier (the others were removed or stopped being matchable). */
  documents = 0;
  private readonly processes = new Postings();
  private readonly materials = new Postings();
  readonly columns = new HardColumns();
  /** Between beginLoad and endLoad: postings are built once at the end, from the columns. */
  private loading = false;
  /** Posting entries that no longer hold (slug dropped, supplier removed): rebuilt when too many. */
  private stale = 0;
  /** Id ↔ slot; slots are never reused or compacted, so it is only ever added to. */
  private readonly ids = new IdTable();
  /** Slots, named or not (`of` leaves a slot unnamed for a null). */
  private slots = 0;
  /** Slots no id ever named (only `of` makes them). */
  private readonly unnamed = new Set<number>();
  /**
   * The location of a slot whose lat and lon are not both numbers (one of them null or NaN): the
   * others are read from `columns.lat/lon`, which hold exactly those (no second pair of columns).
   */
  private readonly partialLocation = new Map<number, { lat: number | null; lon: number | null }>();
  private readonly capacityAmount = new AmountColumn(1024);
  /** Ids of shared lists (processes, materials, certificates) and strings; narrow where they can be (see narrow-columns.ts). */
  private processList = new Int32Array(1024);
  /** Material lists have their own id space (MATERIAL_POOL): few distinct, so 1–2 bytes here. */
  private readonly materialList = new IdColumn(1024);
  private readonly certList = new IdColumn(1024);
  /** The capacity unit's string id + 1, or 0 for none. */
  private readonly capacityUnit = new IdColumn(1024);
  /** A status outside STATUS_CODES, by slot (never in practice: the column is an enum). */
  private readonly otherStatus = new Map<number, string>();

  /** A store holding `facts` (distinct ids) in this order, slot i = facts[i]; tests and benchmarks. */
  static of(facts: readonly (SupplierFacts | null)[]): FactStore {
    const store = new FactStore();
    for (const f of facts) {
      if (f) store.put(f.id, f);
      else store.unnamed.add(store.slots++);
    }
    store.trim();
    return store;
  }

  get size(): number {
    return this.slots;
  }

  /** Every slot's facts, materialised (tests, benchmarks and the reference scan). */
  get facts(): (SupplierFacts | null)[] {
    return Array.from({ length: this.size }, (_, s) => this.factsAt(s));
  }

  factsAt(s: number, named = true): SupplierFacts | null {
    const code = this.columns.status[s] ?? 0;
    if (code === 0 || s >= this.slots) return null;
    const certs = this.shared.certsAt(this.certList.get(s));
    const partial = this.partialLocation.size > 0 ? this.partialLocation.get(s) : undefined;
    const lat = partial ? partial.lat : this.columns.lat[s]!;
    const lon = partial ? partial.lon : this.columns.lon[s]!;
    const unit = this.capacityUnit.get(s);
    return {
      id: named ? this.ids.idAt(s) : '',
      status: (code === OTHER_STATUS
        ? this.otherStatus.get(s)
        : this.statusNames[code - 1]) as SupplierStatus,
      lat: lat === null || Number.isNaN(lat) ? null : lat,
      lon: lon === null || Number.isNaN(lon) ? null : lon,
      processes: this.shared.listAt(this.processList[s]!) as string[],
      materials: this.shared.listAt(this.materialList.get(s), MATERIAL_POOL) as string[],
      certTypes: certs.types,
      certUntil: certs.until,
      certTkdn: certs.tkdn,
      capacityAmount: this.capacityAmount.get(s),
      capacityUnit: unit === 0 ? null : this.shared.stringAt(unit - 1),
    };
  }

  /** The slot `id` was put in; a removed supplier keeps its slot (and gets it back when it returns). */
  slotOf(id: string): number | undefined {
    return this.ids.get(id);
  }

  /** The supplier id of a slot: the last one put there, or '' for a slot no id ever named. */
  idAt(s: number): string {
    return s >= this.slots || this.unnamed.has(s) ? '' : this.ids.idAt(s);
  }

  compareIds(a: number, b: number): number {
    return this.ids.compare(a, b);
  }

  postings(kind: TermKind, slug: string): Int32Array {
    return (kind === 'process' ? this.processes : this.materials).get(slug);
  }

  private readonly shared = new Interner();
  /** One string object per distinct slug or status (see Interner); compiled needs use it too. */
  readonly intern = this.shared.intern;
  private readonly statusNames = STATUS_CODES.map(this.intern);

  /** Writes (or, with null, removes) one supplier; its new slugs are appended to the postings. */
  put(id: string, raw: SupplierFacts | null): void {
    let slot = this.ids.get(id);
    const had = slot !== undefined && this.columns.status[slot] !== 0;
    // List ids before the write (-1: none); an unchanged list id leaves its postings alone.
    const was = { p: had ? this.processList[slot!]! : -1, m: had ? this.materialList.get(slot!) : -1 };
    if (slot === undefined) {
      if (!raw) return;
      slot = this.slots++;
      this.ids.set(id, slot);
      this.grow(slot + 1);
      this.columns.set(slot, raw);
      this.columns.exact[slot] = 1;
    } else {
      this.columns.set(slot, raw);
    }
    this.documents += (raw ? 1 : 0) - (had ? 1 : 0);
    if (!raw) this.partialLocation.delete(slot);
    const now = { p: -1, m: -1 };
    if (raw) {
      const p = this.shared.list(raw.processes);
      const m = this.shared.list(raw.materials, MATERIAL_POOL);
      this.processList[slot] = p;
      this.materialList.set(slot, m);
      this.certList.set(slot, this.shared.certs(raw.certTypes, raw.certUntil, raw.certTkdn));
      this.locate(slot, raw.lat, raw.lon);
      this.capacityAmount.set(slot, raw.capacityAmount);
      this.capacityUnit.set(slot, raw.capacityUnit === null ? 0 : this.shared.stringId(raw.capacityUnit) + 1);
      if (this.columns.status[slot] === OTHER_STATUS) this.otherStatus.set(slot, this.intern(raw.status));
      else this.otherStatus.delete(slot);
      now.p = p;
      now.m = m;
    }
    if (this.loading) return;
    this.index(this.processes, slot, now.p, was.p, PROCESS_POOL);
    this.index(this.materials, slot, now.m, was.m, MATERIAL_POOL);
    const entries = this.processes.entries + this.materials.entries;
    if (this.stale > 65_536 && this.stale * 2 > entries) this.reindex();
  }

  /** Appends the slugs list `nowId` holds that `wasId` did not (-1: no list); counts those dropped as stale. */
  private index(p: Postings, slot: number, nowId: number, wasId: number, pool: number): void {
    if (nowId === wasId) return;
    const now = nowId < 0 ? NO_SLUGS : this.shared.listAt(nowId, pool);
    const before = wasId < 0 ? NO_SLUGS : this.shared.listAt(wasId, pool);
    for (const s of now) if (!before.includes(s)) p.add(s, slot);
    for (const s of before)
      if (!now.includes(s)) {
        this.stale++;
        this.columns.exact[slot] = 0;
      }
  }

  /**
   * Rebuilds the postings from the columns at their exact sizes, dropping stale entries. Each
   * slot's list is read in place: an array per slot, twice per kind, was four million short-lived
   * arrays at a million suppliers (about 1.5 s of a 10 s load, most of it garbage collection).
   */
  private reindex(): void {
    for (const _ of this.reindexSteps(Number.POSITIVE_INFINITY));
  }

  /** `reindex` for a load, 100,000 slots at a time with a turn of the event loop between. */
  private async reindexInSlices(): Promise<void> {
    for (const _ of this.reindexSteps(100_000)) await yieldNow();
  }

  private *reindexSteps(slice: number): Generator<void> {
    const feed =
      (listOf: (slot: number) => number, pool: number): RangeFeed =>
      (emit, from, to) => {
        for (let slot = from; slot < to; slot++)
          if (this.columns.status[slot] !== 0) this.shared.forEachListed(listOf(slot), pool, slot, emit);
      };
    yield* this.processes.rebuildSteps(
      feed((s) => this.processList[s]!, PROCESS_POOL),
      this.slots,
      slice,
    );
    yield* this.materials.rebuildSteps(
      feed((s) => this.materialList.get(s), MATERIAL_POOL),
      this.slots,
      slice,
    );
    this.stale = 0;
    this.columns.exact.fill(1);
  }

  /** Copies of everything the store holds, taken at once (so the store may change right after). */
  parts(): FactParts {
    const n = this.slots;
    const amounts = this.capacityAmount.parts(n);
    // Unnamed slots (`of`) may lie past the id words written so far: theirs are zero.
    const idWords = new Uint32Array(n * 4);
    const named = this.ids.wordsOf(n);
    idWords.set(named.subarray(0, Math.min(named.length, n * 4)));
    return {
      slots: n,
      documents: this.documents,
      unnamed: [...this.unnamed],
      idWords,
      otherIds: [...this.ids.others()].filter(([slot]) => slot < n),
      status: this.columns.status.slice(0, n),
      lat: this.columns.lat.slice(0, n),
      lon: this.columns.lon.slice(0, n),
      partialLocation: [...this.partialLocation].map(([slot, l]) => [slot, l.lat, l.lon]),
      cents: amounts.cents,
      otherAmounts: amounts.other,
      processList: this.processList.slice(0, n),
      materialList: this.materialList.raw(n),
      certList: this.certList.raw(n),
      capacityUnit: this.capacityUnit.raw(n),
      otherStatus: [...this.otherStatus],
      interner: this.shared.parts(),
    };
  }

  /**
   * Fills a new, empty store from `parts()` output, then builds the postings from its lists.
   * Parts that do not fit together (see checkFactParts), or with two slots naming one supplier,
   * throw (and the caller reads the rows instead): a damaged snapshot never reaches a ranking.
   */
  protected async adoptParts(p: FactParts): Promise<void> {
    if (this.slots > 0) throw new Error('facts: the store is not empty');
    const { documents } = checkFactParts(p);
    await yieldNow();
    this.shared.adopt(p.interner);
    await yieldNow();
    const n = p.slots;
    this.slots = n;
    this.documents = documents;
    for (const s of p.unnamed) this.unnamed.add(s);
    await this.ids.load(p.idWords, new Map(p.otherIds), n, (s) => !this.unnamed.has(s));
    this.columns.status = p.status;
    this.columns.lat = p.lat;
    this.columns.lon = p.lon;
    this.columns.exact = new Uint8Array(n);
    for (const [slot, lat, lon] of p.partialLocation) this.partialLocation.set(slot, { lat, lon });
    this.capacityAmount.adopt(p.cents, p.otherAmounts);
    await yieldNow();
    this.processList = p.processList;
    this.materialList.adopt(p.materialList);
    this.certList.adopt(p.certList);
    this.capacityUnit.adopt(p.capacityUnit);
    for (const [slot, status] of p.otherStatus) this.otherStatus.set(slot, this.intern(status));
    await this.reindexInSlices();
  }

  /** Keeps a location the columns cannot hold (not both numbers) beside them. */
  private locate(slot: number, lat: number | null, lon: number | null): void {
    const both = lat !== null && lon !== null && !Number.isNaN(lat) && !Number.isNaN(lon);
    if (both || (lat === null && lon === null)) this.partialLocation.delete(slot);
    else this.partialLocation.set(slot, { lat, lon });
  }

  /**
   * Starts a bulk load of about `slots` suppliers: the columns are sized once, and `put` leaves
   * the postings alone until endLoad builds them at their exact sizes. Nothing may rank meanwhile.
   */
  beginLoad(slots: number): void {
    this.reserve(slots);
    this.loading = true;
  }

  /** Ends a bulk load: builds the postings from the columns and drops the columns' slack. */
  endLoad(): void {
    this.loading = false;
    this.reindex();
    this.trim();
  }

  /** `endLoad` in a serving process: the postings are built a slice of slots at a time. */
  async endLoadInSlices(): Promise<void> {
    await this.reindexInSlices();
    this.loading = false;
    this.trim();
  }

  /** Sizes the columns for `slots` slots at once (before a bulk load: no reallocation on the way). */
  reserve(slots: number): void {
    if (slots > this.capacityAmount.length) this.resize(slots);
    if (slots > this.columns.status.length) this.columns.resize(slots);
  }

  /** Drops the growth slack of the postings and columns (after a bulk load). */
  trim(): void {
    this.processes.trim();
    this.materials.trim();
    this.shared.trim();
    this.resize(this.slots);
    this.columns.resize(this.slots);
  }

  /** Grows by an eighth, not double: at a million slots, doubling could leave ~60 MB unused. */
  private grow(min: number): void {
    const len = this.capacityAmount.length;
    if (min > len) this.resize(Math.max(min, len + Math.max(len >> 3, 1024)));
  }

  /** Reallocates the slot columns to `len` (a no-op at that length: no copy of ~40 MB after a load). */
  private resize(len: number): void {
    if (len === this.capacityAmount.length) return;
    const to = <T extends Int32Array>(a: T, b: T) => {
      b.set(a.subarray(0, Math.min(a.length, len)));
      return b;
    };
    this.capacityAmount.resize(len);
    this.processList = to(this.processList, new Int32Array(len));
    this.materialList.resize(len);
    this.certList.resize(len);
    this.capacityUnit.resize(len);
  }
}
