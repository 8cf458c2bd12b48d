import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { normalizeText } from '../text/normalize.js';
import { IMPORT_LIMITS, LimitExceeded, loopGuard } from './limits.js';
import type { SparseRow } from './xlsx.js';

/** A CSV that csv-parse cannot read (for instance an unclosed quote at the end). */
export class BadCsv extends Error {}

/**
 * Picks the delimiter of the header line: Indonesian Excel saves CSV with `;` (the comma is
 * the decimal separator), other tools with `,`. Quoted text is not counted. Only the first
 * 64 KB are looked at, whatever the file's size.
 */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const head = text.slice(0, 64 * 1024).replace(/^\uFEFF/, '');
  const line = (head.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const count = (ch: string) => line.split(ch).length - 1;
  const scores = [
    [';', count(';')],
    ['\t', count('\t')],
    [',', count(',')],
  ] as const;
  const best = [...scores].sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : ',';
}

function* chunks(buf: Buffer): Generator<Buffer> {
  for (let i = 0; i < buf.length; i += 64 * 1024) yield buf.subarray(i, i + 64 * 1024);
}

/**
 * Streams a UTF-8 CSV record by record (csv-parse, 64 KB at a time), keeping only non-empty
 * cells. A record longer than a full row of full cells, an over-long cell or text beyond the
 * column limit refuses the file before the rest is read.
 */
export async function* readCsvRows(bytes: Uint8Array): AsyncGenerator<SparseRow> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parser = parse({
    bom: true,
    delimiter: detectDelimiter(buf.toString('utf8', 0, Math.min(buf.length, 64 * 1024))),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: IMPORT_LIMITS.cellChars * IMPORT_LIMITS.columns,
  });
  Readable.from(chunks(buf)).pipe(parser);
  const guard = loopGuard();
  let n = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      n++;
      const cells = new Map<number, string>();
      for (let i = 0; i < record.length; i++) {
        // Our own exports guard formula-like text with an apostrophe (CSV injection); take it off again.
        const v = normalizeText(record[i]!)
          .trim()
          .replace(/^'(?=[=+\-@])/, '');
        if (v === '') continue;
        if (v.length > IMPORT_LIMITS.cellChars) throw new LimitExceeded('cellChars');
        if (i >= IMPORT_LIMITS.columns) throw new LimitExceeded('columns');
        cells.set(i, v);
      }
      if (cells.size > 0) yield { row: n, cells };
      await guard();
    }
  } catch (err) {
    if (err instanceof LimitExceeded) throw err;
    if ((err as { code?: string }).code === 'CSV_MAX_RECORD_SIZE') throw new LimitExceeded('cellChars');
    throw new BadCsv(err instanceof Error ? err.message : 'csv');
  } finally {
    parser.destroy();
  }
}
