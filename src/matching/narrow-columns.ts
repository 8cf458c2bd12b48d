/** The widest value each width holds. */
const MAX_U8 = 0xff;
const MAX_U16 = 0xffff;

/**
 * A per-slot column of small non-negative integers (ids of interned lists and strings) that
 * starts one byte wide and widens to two, then four bytes the first time a value needs it. Most
 * of these ids stay small (a handful of capacity units, a few thousand certificate lists), so a
 * million suppliers cost 1–2 bytes per column instead of the 4 an Int32Array always takes; the
 * list ids that do grow large widen once during the load (a copy of a few MB).
 */
export class IdColumn {
  private data: Uint8Array | Uint16Array | Uint32Array;

  constructor(length: number) {
    this.data = new Uint8Array(length);
  }

  get length(): number {
    return this.data.length;
  }

  /** Bytes held, for memory reports. */
  get byteLength(): number {
    return this.data.byteLength;
  }

  get(slot: number): number {
    return this.data[slot]!;
  }

  /** Stores `value` (a non-negative integer below 2³²), widening the column when it needs to. */
  set(slot: number, value: number): void {
    if (value > MAX_U8 && this.data instanceof Uint8Array) this.widen(value);
    else if (value > MAX_U16 && this.data instanceof Uint16Array) this.widen(value);
    this.data[slot] = value;
  }

  /** Slots `0..n)` at the column's width (a copy), for a snapshot. */
  raw(n: number): Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer> {
    return this.data.slice(0, n) as Uint8Array<ArrayBuffer>;
  }

  /** Takes `raw()` output as the column. */
  adopt(data: Uint8Array | Uint16Array | Uint32Array): void {
    this.data = data;
  }

  /** Reallocates to `length` slots at the current width (no-op when already that long). */
  resize(length: number): void {
    if (length === this.data.length) return;
    const next = new (this.data.constructor as Uint32ArrayConstructor)(length);
    next.set(this.data.subarray(0, Math.min(length, this.data.length)));
    this.data = next;
  }

  private widen(value: number): void {
    const next = value > MAX_U16 ? new Uint32Array(this.data.length) : new Uint16Array(this.data.length);
    next.set(this.data);
    this.data = next;
  }
}

/** An empty amount, and one kept in the side map. */
const NO_AMOUNT = 0xffffffff;
const OTHER_AMOUNT = 0xfffffffe;

/**
 * Capacity amounts by slot as whole cents in a Uint32Array (4 bytes instead of a Float64Array's
 * 8). The column is `numeric(14,2)`, so an amount read as a double is exactly `cents / 100` (a
 * correctly rounded division gives back the same double); one that is not, or is beyond ~42.9
 * million, or is -0, is kept as it came in a Map beside, so every amount reads back exactly as
 * written. NaN reads back as null, as before.
 */
export class AmountColumn {
  private cents: Uint32Array;
  private readonly other = new Map<number, number>();

  constructor(length: number) {
    this.cents = new Uint32Array(length);
  }

  get length(): number {
    return this.cents.length;
  }

  get byteLength(): number {
    return this.cents.byteLength;
  }

  get(slot: number): number | null {
    const c = this.cents[slot]!;
    if (c < OTHER_AMOUNT) return c / 100;
    return c === NO_AMOUNT ? null : this.other.get(slot)!;
  }

  set(slot: number, amount: number | null): void {
    if (this.other.size > 0) this.other.delete(slot);
    if (amount === null || Number.isNaN(amount)) {
      this.cents[slot] = NO_AMOUNT;
      return;
    }
    const c = Math.round(amount * 100);
    if (c >= 0 && c < OTHER_AMOUNT && c / 100 === amount && !Object.is(amount, -0)) {
      this.cents[slot] = c;
      return;
    }
    this.cents[slot] = OTHER_AMOUNT;
    this.other.set(slot, amount);
  }

  /** Slots `0..n)`: the cents (a copy) and the amounts kept aside, for a snapshot. */
  parts(n: number): { cents: Uint32Array<ArrayBuffer>; other: [number, number][] } {
    return { cents: this.cents.slice(0, n), other: [...this.other].filter(([slot]) => slot < n) };
  }

  /** Takes `parts()` output as the column. */
  adopt(cents: Uint32Array, other: readonly [number, number][]): void {
    this.cents = cents;
    this.other.clear();
    for (const [slot, amount] of other) {
      if (cents[slot] !== OTHER_AMOUNT) throw new Error('amounts: a kept amount with no mark');
      this.other.set(slot, amount);
    }
    for (let s = 0; s < cents.length; s++)
      if (cents[s] === OTHER_AMOUNT && !this.other.has(s)) throw new Error('amounts: a mark with no amount');
  }

  /** Reallocates to `length` slots (no-op when already that long). */
  resize(length: number): void {
    if (length === this.cents.length) return;
    const next = new Uint32Array(length);
    next.set(this.cents.subarray(0, Math.min(length, this.cents.length)));
    this.cents = next;
  }
}
