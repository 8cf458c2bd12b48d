import { isUtf8 } from 'node:buffer';
import { BadCsv, readCsvRows } from './csv.js';
import { countRecognized } from './headers.js';
import { IMPORT_LIMITS, LimitExceeded } from './limits.js';
import { BadWorkbook, readXlsxRows, type SparseRow } from './xlsx.js';

export { detectDelimiter } from './csv.js';

export type SheetKind = 'xlsx' | 'csv';

export interface SheetRow {
  /** The row number the user sees in the sheet (the first line is 1). */
  row: number;
  cells: string[];
}

export interface Sheet {
  kind: SheetKind;
  headers: string[];
  /** Row number of the header row (1 unless a title sits above it). */
  headerRow: number;
  rows: SheetRow[];
}

/** A file that is neither an XLSX workbook nor UTF-8 text, or holds no table. */
export class UnreadableFile extends Error {
  constructor(readonly code: 'type' | 'empty' | 'xlsx' | 'csv') {
    super(`unreadable spreadsheet: ${code}`);
  }
}

export const MIME: Record<SheetKind, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

/** Decides by content, not by name: XLSX is a ZIP (`PK\x03\x04`), CSV must decode as UTF-8. */
export function detectKind(bytes: Uint8Array): SheetKind {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return 'xlsx';
  // NUL bytes mean UTF-16 or a binary file, even where they happen to be valid UTF-8.
  if (bytes.includes(0) || !isUtf8(bytes)) throw new UnreadableFile('type');
  return 'csv';
}

/** Rows the header search looks at: a title block above the table is rarely longer. */
const HEADER_SEARCH = 10;

function dense(r: SparseRow, width: number): string[] {
  const cells = new Array<string>(width).fill('');
  for (const [i, v] of r.cells) if (i < width) cells[i] = v;
  return cells;
}

function chooseHeader(top: SparseRow[]): number {
  const idx = top.findIndex((r) => countRecognized(dense(r, IMPORT_LIMITS.columns)) >= 2);
  return Math.max(idx, 0);
}

/**
 * Reads the first worksheet (or the CSV) into rows of trimmed, normalised text, as a stream
 * under the import limits (see limits.ts): rows are kept sparse until the header fixes the
 * width, so neither far rows nor far columns allocate anything. The header row is the first
 * row, unless a title sits above the table: then the first of the top ten non-empty rows with
 * two or more recognised headers. Blank rows are skipped but keep their numbers.
 */
export async function parseSpreadsheet(bytes: Uint8Array): Promise<Sheet> {
  const kind = detectKind(bytes);
  const source = kind === 'xlsx' ? readXlsxRows(bytes) : readCsvRows(bytes);
  const top: SparseRow[] = [];
  let header: { row: number; headers: string[] } | null = null;
  const rows: SheetRow[] = [];
  const take = (r: SparseRow) => {
    if (!header) return;
    const cells = dense(r, header.headers.length);
    if (!cells.some((c) => c !== '')) return;
    if (rows.length >= IMPORT_LIMITS.rows) throw new LimitExceeded('rows');
    rows.push({ row: r.row, cells });
  };
  const fixHeader = () => {
    const idx = chooseHeader(top);
    const h = top[idx]!;
    const width = Math.max(0, ...h.cells.keys()) + 1;
    header = { row: h.row, headers: dense(h, width) };
    for (const r of top.slice(idx + 1)) take(r);
  };
  try {
    for await (const r of source) {
      if (header) take(r);
      else {
        top.push(r);
        if (top.length === HEADER_SEARCH) fixHeader();
      }
    }
  } catch (err) {
    if (err instanceof BadWorkbook) throw new UnreadableFile('xlsx');
    if (err instanceof BadCsv) throw new UnreadableFile('csv');
    throw err;
  }
  if (!header) {
    if (top.length === 0) throw new UnreadableFile('empty');
    fixHeader();
  }
  const h = header as unknown as { row: number; headers: string[] };
  return { kind, headers: h.headers, headerRow: h.row, rows };
}
