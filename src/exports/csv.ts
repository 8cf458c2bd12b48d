import { Readable } from 'node:stream';
import { type Options, stringify } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';

/** One cell of an export: text, a number, or empty. */
export type CsvCell = string | number | bigint | null;

/** Text that a spreadsheet would start as a formula: = + - @, a tab or a carriage return first. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Text that is just a number ("-12", "-6,25"): Excel reads it as a number, never as a formula. */
const PLAIN_NUMBER = /^-?\d+(?:[.,]\d+)?$/;

/**
 * The one formula guard (CSV injection): text a spreadsheet would run as a formula gets a leading
 * apostrophe. Numbers, negative ones included, and number-like text stay as they are. CSV only:
 * an XLSX cell written by exceljs is text already, where the apostrophe would show literally.
 */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * RFC 4180 with a UTF-8 BOM (so Excel reads the accents right) and CRLF line ends. Cells holding a
 * `;` are quoted too: Indonesian Excel splits on it when it opens a CSV.
 */
const OPTIONS: Options = {
  bom: true,
  record_delimiter: 'windows',
  quote_record_delimiter: true,
  quoted_match: [';'],
  cast: { string: guardFormula, bigint: (v) => v.toString(), number: (v) => String(v) },
};

/** The field separator: `;` is what Excel expects where `,` is the decimal mark (Indonesia). */
export type CsvSeparator = ';' | ',';

export interface CsvOptions {
  separator?: CsvSeparator;
}

const withSeparator = (o: CsvOptions = {}): Options => ({
  ...OPTIONS,
  delimiter: o.separator ?? ',',
  quoted_match: [o.separator ?? ',', ';'],
});

/**
 * The separator for an export: `?sep=semicolon|comma` when given, else by the reader's language.
 * Indonesian Windows uses `,` as the decimal mark, so Excel there splits a CSV on `;` and shows a
 * comma-separated file as one column; English keeps the RFC 4180 comma.
 */
export function csvOptionsFor(sep: string | undefined, locale: 'id' | 'en'): CsvOptions {
  if (sep === 'semicolon') return { separator: ';' };
  if (sep === 'comma') return { separator: ',' };
  return { separator: locale === 'id' ? ';' : ',' };
}

/** A whole table (header row first) as CSV text, for exports small enough to hold in memory. */
export function toCsv(rows: readonly (readonly CsvCell[])[], opts?: CsvOptions): string {
  return stringifySync(rows as CsvCell[][], withSeparator(opts));
}

/**
 * The same CSV as a byte stream, row by row, for large exports: the response starts at once and
 * the text of the whole file never sits in memory next to its rows.
 */
export function csvStream(
  rows: Iterable<readonly CsvCell[]> | AsyncIterable<readonly CsvCell[]>,
  opts?: CsvOptions,
): ReadableStream<Uint8Array> {
  const csv = Readable.from(rows).pipe(stringify(withSeparator(opts)));
  return Readable.toWeb(csv) as ReadableStream<Uint8Array>;
}
