/**
 * What one import file may cost. Every limit is checked while the file streams in, so a
 * hostile file is refused as soon as it crosses one, before it can allocate or block much.
 * The README's "Limits" section lists them; the i18n texts quote the same numbers (a unit
 * test keeps them in step).
 */
export const IMPORT_LIMITS = {
  /** Data rows under the header (blank rows are not counted). An office list is a few thousand. */
  rows: 20_000,
  /** Columns that hold text: a cell with content beyond this column refuses the file. */
  columns: 60,
  /** Characters in one cell: the longest field (the description) keeps 5,000. */
  cellChars: 5_000,
  /** Bytes of XML (or CSV text) after decompression, summed over every ZIP entry read. */
  decompressedBytes: 50 * 1024 * 1024,
  /** Shared strings of a workbook (at most one per cell the limits allow). */
  sharedStrings: 1_200_000,
  /** Entries of the ZIP container: a workbook has a dozen; thousands mean a hostile file. */
  zipEntries: 2_000,
} as const;

export type LimitName = 'rows' | 'columns' | 'cellChars' | 'decompressedBytes' | 'sharedStrings';

/** A file that crosses one of the limits; the 422 names it (`imports.limit.<name>`). */
export class LimitExceeded extends Error {
  constructor(readonly limit: LimitName) {
    super(`import file over the ${limit} limit (${IMPORT_LIMITS[limit]})`);
  }
}

/** Gives the event loop a turn; long loops call it every few milliseconds of work. */
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Yields when more than `budgetMs` passed since the last turn, so a loop of cheap steps never
 * holds the event loop for long, whatever the input size.
 */
export function loopGuard(budgetMs = 15): () => Promise<void> | undefined {
  let last = performance.now();
  return () => {
    const now = performance.now();
    if (now - last < budgetMs) return undefined;
    return yieldToLoop().then(() => {
      last = performance.now();
    });
  };
}
