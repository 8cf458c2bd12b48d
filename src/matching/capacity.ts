import type { Frequency, MonthlyQuantity } from './types.js';

const UNITS: Record<string, [base: string, factor: number]> = {
  pcs: ['pcs', 1],
  pc: ['pcs', 1],
  buah: ['pcs', 1],
  biji: ['pcs', 1],
  piece: ['pcs', 1],
  pieces: ['pcs', 1],
  unit: ['unit', 1],
  units: ['unit', 1],
  set: ['set', 1],
  sets: ['set', 1],
  kg: ['kg', 1],
  ton: ['kg', 1000],
  tons: ['kg', 1000],
  tonne: ['kg', 1000],
  m: ['m', 1],
  meter: ['m', 1],
  l: ['l', 1],
  liter: ['l', 1],
};

const PERIODS: Record<string, number> = {
  hari: 30,
  day: 30,
  minggu: 52 / 12,
  week: 52 / 12,
  bulan: 1,
  bln: 1,
  month: 1,
  tahun: 1 / 12,
  thn: 1 / 12,
  year: 1 / 12,
};

/** Units a need form offers; all of them are understood by `baseUnit`. */
export const NEED_UNITS = ['pcs', 'unit', 'set', 'kg', 'ton', 'm', 'l'] as const;

/** "Ton" → ['kg', 1000]; null for a unit the matcher cannot compare. */
export function baseUnit(unit: string): [string, number] | null {
  return UNITS[unit.trim().toLowerCase().replace(/\.$/, '')] ?? null;
}

/**
 * A supplier's stated capacity ("20 ton/bulan", "5000 pcs/month") per month in a base unit;
 * null when the unit or the period is not one the matcher knows, so capacity then does not score.
 */
export function supplierMonthly(amount: number | null, unit: string | null): MonthlyQuantity | null {
  if (amount === null || !unit) return null;
  const [u, p] = unit.toLowerCase().split(/\s*(?:\/|per)\s*/);
  const b = baseUnit(u ?? '');
  const perMonth = PERIODS[(p ?? '').trim()];
  if (!b || perMonth === undefined) return null;
  return { amount: amount * b[1] * perMonth, base: b[0] };
}

/** A need's demand per month: monthly as is, yearly over twelve months, a one-off order within one month. */
export function needMonthly(
  quantity: number | null,
  unit: string | null,
  frequency: Frequency | null,
): MonthlyQuantity | null {
  if (quantity === null || !unit) return null;
  const b = baseUnit(unit);
  if (!b) return null;
  const perMonth = frequency === 'yearly' ? 1 / 12 : 1;
  return { amount: quantity * b[1] * perMonth, base: b[0] };
}
