import { normalizeText } from '../text/normalize.js';
import { IMPORT_LIMITS, LimitExceeded, loopGuard } from './limits.js';
import { BadXml, type XmlHandler, XmlScanner } from './xml.js';
import { BadZip, InflateBudget, listZip, readEntry, type ZipEntry } from './zip.js';

/** One row as the sheet declares it: only the cells that hold text, by 0-based column. */
export interface SparseRow {
  row: number;
  cells: Map<number, string>;
}

/** Excel's own bounds: a row or column past them is a forged file, not a big one. */
const EXCEL_ROWS = 1_048_576;
const EXCEL_COLUMNS = 16_384;

/** A workbook part that is missing or malformed. */
export class BadWorkbook extends Error {}

async function scan(buf: Buffer, e: ZipEntry, budget: InflateBudget, h: XmlHandler): Promise<void> {
  const x = new XmlScanner(h);
  const guard = loopGuard();
  for await (const chunk of readEntry(buf, e, budget)) {
    x.write(chunk);
    await guard();
  }
  x.end();
}

/** Column letters of a cell reference ("AB12" → 27); -1 when there are none. */
export function columnIndex(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return i === 0 ? -1 : col - 1;
}

/** Text of shared strings, each cut at the cell limit plus one (so an over-long one is still seen). */
async function readSharedStrings(buf: Buffer, e: ZipEntry | undefined, budget: InflateBudget) {
  const out: string[] = [];
  if (!e) return out;
  let cur: string[] | null = null;
  let len = 0;
  let inT = false;
  let phonetic = 0;
  await scan(buf, e, budget, {
    open(name) {
      if (name === 'si') {
        cur = [];
        len = 0;
      } else if (name === 't' && phonetic === 0) inT = true;
      else if (name === 'rPh') phonetic++;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && cur) {
        if (out.length >= IMPORT_LIMITS.sharedStrings) throw new LimitExceeded('sharedStrings');
        out.push(cur.join(''));
        cur = null;
      }
    },
    text(s) {
      if (!inT || !cur || len > IMPORT_LIMITS.cellChars) return;
      const piece = s.slice(0, IMPORT_LIMITS.cellChars + 1 - len);
      cur.push(piece);
      len += piece.length;
    },
  });
  return out;
}

const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Which cell styles show a number as a date (built-in date formats, or custom ones with d, m or y). */
async function readDateStyles(buf: Buffer, e: ZipEntry | undefined, budget: InflateBudget) {
  const custom = new Map<number, boolean>();
  const dates: boolean[] = [];
  if (!e) return dates;
  let inXfs = false;
  await scan(buf, e, budget, {
    open(name, a) {
      if (name === 'numFmt') {
        const code = (a.formatCode ?? '').replace(/"[^"]*"|\[[^\]]*\]/g, '');
        custom.set(Number(a.numFmtId), /[dmy]/i.test(code));
      } else if (name === 'cellXfs') inXfs = true;
      else if (name === 'xf' && inXfs) {
        const id = Number(a.numFmtId ?? 0);
        dates.push(BUILTIN_DATES.has(id) || custom.get(id) === true);
      }
    },
    close(name) {
      if (name === 'cellXfs') inXfs = false;
    },
    text() {},
  });
  return dates;
}

/** The first worksheet's part: the workbook's first <sheet>, through its relationship. */
async function firstSheetPath(buf: Buffer, entries: Map<string, ZipEntry>, budget: InflateBudget) {
  const wb = entries.get('xl/workbook.xml');
  if (!wb) throw new BadWorkbook('no workbook');
  let rid: string | null = null;
  await scan(buf, wb, budget, {
    open(name, a) {
      if (name === 'sheet' && rid === null) rid = a.id ?? '';
    },
    close() {},
    text() {},
  });
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  let target: string | null = null;
  if (rels && rid)
    await scan(buf, rels, budget, {
      open(name, a) {
        if (name === 'Relationship' && a.Id === rid) target = a.Target ?? null;
      },
      close() {},
      text() {},
    });
  if (!target) return 'xl/worksheets/sheet1.xml';
  const t = target as string;
  return t.startsWith('/') ? t.slice(1) : `xl/${t.replace(/^\.\//, '')}`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Excel's serial day (1900 system) as YYYY-MM-DD; the date is all an import needs. */
export function serialDate(serial: number): string {
  const d = new Date(Math.round((serial - 25569) * 86_400_000));
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

function numberText(raw: string, isDate: boolean): string {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) return raw.trim();
  return isDate && n > 0 && n < 2_958_466 ? serialDate(n) : String(n);
}

/**
 * Streams the first worksheet of an XLSX row by row. Only non-empty cells are kept, keyed by
 * column, so a declared row 1,000,000,000 or a cell in column XFD costs nothing for the gap;
 * text beyond the column limit, an over-long cell or too much XML refuses the file.
 */
export async function* readXlsxRows(bytes: Uint8Array): AsyncGenerator<SparseRow> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const budget = new InflateBudget();
  let entries: Map<string, ZipEntry>;
  try {
    entries = listZip(buf);
  } catch (err) {
    throw err instanceof BadZip ? new BadWorkbook(err.message) : err;
  }
  try {
    const sheetPath = await firstSheetPath(buf, entries, budget);
    const sheet = entries.get(sheetPath);
    if (!sheet) throw new BadWorkbook('no worksheet');
    const shared = await readSharedStrings(buf, entries.get('xl/sharedStrings.xml'), budget);
    const dateStyles = await readDateStyles(buf, entries.get('xl/styles.xml'), budget);
    yield* sheetRows(buf, sheet, budget, shared, dateStyles);
  } catch (err) {
    if (err instanceof BadZip || err instanceof BadXml) throw new BadWorkbook(err.message);
    throw err;
  }
}

async function* sheetRows(
  buf: Buffer,
  e: ZipEntry,
  budget: InflateBudget,
  shared: string[],
  dateStyles: boolean[],
): AsyncGenerator<SparseRow> {
  const ready: SparseRow[] = [];
  let row: SparseRow | null = null;
  let rowNo = 0;
  let col = -1;
  let type = '';
  let isDate = false;
  let text: string[] | null = null;
  let len = 0;
  let collecting = false;
  const finishCell = () => {
    if (!row || !text) return;
    const raw = text.join('');
    text = null;
    let v: string;
    if (type === 's') v = shared[Number(raw)] ?? '';
    else if (type === 'b') v = raw.trim() === '1' ? 'TRUE' : 'FALSE';
    else if (type === 'e') v = '';
    else if (type === 'str' || type === 'inlineStr') v = raw;
    else v = numberText(raw, isDate);
    v = normalizeText(v).trim();
    if (v === '') return;
    if (v.length > IMPORT_LIMITS.cellChars) throw new LimitExceeded('cellChars');
    if (col >= IMPORT_LIMITS.columns) throw new LimitExceeded('columns');
    row.cells.set(col, v);
  };
  const handler: XmlHandler = {
    open(name, a) {
      if (name === 'row') {
        rowNo = a.r ? Number(a.r) : rowNo + 1;
        if (!Number.isInteger(rowNo) || rowNo < 1 || rowNo > EXCEL_ROWS) throw new BadWorkbook('row');
        row = { row: rowNo, cells: new Map() };
        col = -1;
      } else if (name === 'c') {
        col = a.r ? columnIndex(a.r) : col + 1;
        if (col < 0 || col >= EXCEL_COLUMNS) throw new BadWorkbook('column');
        type = a.t ?? 'n';
        isDate = dateStyles[Number(a.s ?? 0)] === true;
        text = null;
      } else if (name === 'v' || (name === 't' && type === 'inlineStr')) {
        if (!text) {
          text = [];
          len = 0;
        }
        collecting = true;
      }
    },
    close(name) {
      if (name === 'v' || name === 't') collecting = false;
      else if (name === 'c') finishCell();
      else if (name === 'row' && row) {
        if (row.cells.size > 0) ready.push(row);
        row = null;
      }
    },
    text(s) {
      if (!text || !collecting || len > IMPORT_LIMITS.cellChars) return;
      const piece = s.slice(0, IMPORT_LIMITS.cellChars + 1 - len);
      text.push(piece);
      len += piece.length;
    },
  };
  const x = new XmlScanner(handler);
  const guard = loopGuard();
  for await (const chunk of readEntry(buf, e, budget)) {
    x.write(chunk);
    yield* ready.splice(0);
    await guard();
  }
  x.end();
  yield* ready.splice(0);
}
