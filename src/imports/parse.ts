import { Readable } from 'node:stream';
import { parse as parseCsvSync } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { countRecognized } from './headers.js';

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

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Picks the delimiter of the header line: Indonesian Excel saves CSV with `;` (the comma is
 * the decimal separator), other tools with `,`. Quoted text is not counted.
 */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const line = (text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const count = (ch: string) => line.split(ch).length - 1;
  const scores = [
    [';', count(';')],
    ['\t', count('\t')],
    [',', count(',')],
  ] as const;
  const best = [...scores].sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : ',';
}

function parseCsv(bytes: Uint8Array): string[][] {
  const text = Buffer.from(bytes).toString('utf8');
  try {
    const records = parseCsvSync(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
    // Our own exports guard formula-like text with an apostrophe (CSV injection); take it off again.
    return records.map((r) => r.map((c) => c.trim().replace(/^'(?=[=+\-@])/, '')));
  } catch {
    throw new UnreadableFile('csv');
  }
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Turns any exceljs cell value (rich text, formula result, hyperlink, date, number) into text. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    return `${v.getUTCFullYear()}-${pad2(v.getUTCMonth() + 1)}-${pad2(v.getUTCDate())}`;
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText))
      return (o.richText as { text?: string }[])
        .map((r) => r.text ?? '')
        .join('')
        .trim();
    if ('result' in o) return cellText(o.result);
    if ('formula' in o || 'sharedFormula' in o || 'error' in o) return '';
    if ('text' in o) return cellText(o.text);
  }
  return '';
}

function rowCells(values: unknown[]): string[] {
  const cells: string[] = [];
  for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
  return cells;
}

/** exceljs's streaming reader: light on memory, row by row. */
async function streamXlsx(bytes: Uint8Array): Promise<string[][]> {
  const out: string[][] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(bytes)), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  for await (const sheet of reader) {
    for await (const row of sheet) out[row.number - 1] = rowCells(row.values as unknown[]);
    break;
  }
  return out;
}

/** The whole workbook in memory: slower and heavier, but immune to the streaming reader's quirks. */
async function loadXlsx(bytes: Uint8Array): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const out: string[][] = [];
  wb.worksheets[0]?.eachRow({ includeEmpty: false }, (row, n) => {
    out[n - 1] = rowCells(row.values as unknown[]);
  });
  return out;
}

/**
 * Reads the first worksheet. exceljs's streaming reader now and then fails on a sound file
 * (about one read in a few hundred: "Cannot read properties of undefined (reading 'sheets')"),
 * so a failure is retried once with the in-memory reader before the file is called unreadable.
 */
async function parseXlsx(bytes: Uint8Array): Promise<string[][]> {
  let grid: string[][];
  try {
    grid = await streamXlsx(bytes);
  } catch {
    try {
      grid = await loadXlsx(bytes);
    } catch {
      throw new UnreadableFile('xlsx');
    }
  }
  return Array.from(grid, (r) => r ?? []);
}

/**
 * Reads the first worksheet (or the CSV) into rows of trimmed text. The header row is the
 * first row, unless a title sits above the table: then the first of the top ten rows that
 * has two or more recognised headers. Blank rows are skipped but keep their numbers.
 */
export async function parseSpreadsheet(bytes: Uint8Array): Promise<Sheet> {
  const kind = detectKind(bytes);
  const grid = kind === 'xlsx' ? await parseXlsx(bytes) : parseCsv(bytes);
  const nonEmpty = (r: string[] | undefined) => !!r && r.some((c) => c !== '');
  let headerIdx = grid.findIndex(nonEmpty);
  if (headerIdx < 0) throw new UnreadableFile('empty');
  for (let i = headerIdx, seen = 0; i < grid.length && seen < 10; i++) {
    if (!nonEmpty(grid[i])) continue;
    seen++;
    if (countRecognized(grid[i]!) >= 2) {
      headerIdx = i;
      break;
    }
  }
  const headerCells = grid[headerIdx]!;
  let width = headerCells.length;
  while (width > 0 && headerCells[width - 1] === '') width--;
  const headers = headerCells.slice(0, width);
  const rows: SheetRow[] = [];
  for (let i = headerIdx + 1; i < grid.length; i++) {
    const cells = grid[i]!.slice(0, width);
    if (!cells.some((c) => c !== '')) continue;
    while (cells.length < width) cells.push('');
    rows.push({ row: i + 1, cells });
  }
  return { kind, headers, headerRow: headerIdx + 1, rows };
}
