import type { SupplierFacts, SupplierStatus } from './types.js';

/** Status → small code; 0 is an empty slot, OTHER a status the ranking does not know. */
export const STATUS_CODES: readonly SupplierStatus[] = [
  'draft',
  'submitted',
  'verified',
  'rejected',
  'suspended',
];
export const OTHER_STATUS = STATUS_CODES.length + 1;

/**
 * Per-slot columns of what the status and distance checks read, next to the facts objects:
 * counting the hundreds of thousands of suppliers that can no longer enter a shown list then
 * reads a few typed arrays in slot order instead of one scattered object each (see rank.ts).
 * `exact` says the slot's postings hold no stale entry, so being a candidate proves relevance.
 */
export class HardColumns {
  status = new Uint8Array(1024);
  /** NaN when the supplier has no complete location. */
  lat = new Float64Array(1024);
  lon = new Float64Array(1024);
  exact = new Uint8Array(1024);

  set(slot: number, f: SupplierFacts | null): void {
    const len = this.status.length;
    if (slot >= len) this.resize(Math.max(slot + 1, len + Math.max(len >> 3, 1024)));
    const code = f ? STATUS_CODES.indexOf(f.status) + 1 : 0;
    this.status[slot] = f && code === 0 ? OTHER_STATUS : code;
    const located = f !== null && f.lat !== null && f.lon !== null;
    this.lat[slot] = located ? f.lat! : Number.NaN;
    this.lon[slot] = located ? f.lon! : Number.NaN;
  }

  /** Reallocates every column to `len` slots (growing by an eighth, or trimming after a load; not when already that long). */
  resize(len: number): void {
    if (len === this.status.length) return;
    const copy = <T extends Uint8Array | Float64Array>(a: T, b: T) => {
      b.set(a.subarray(0, Math.min(a.length, len)));
      return b;
    };
    this.status = copy(this.status, new Uint8Array(len));
    this.lat = copy(this.lat, new Float64Array(len));
    this.lon = copy(this.lon, new Float64Array(len));
    this.exact = copy(this.exact, new Uint8Array(len));
  }
}
