import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | null = null;

/**
 * exceljs, imported on the first spreadsheet written rather than at start: it is the heaviest
 * import of the app (about 0.3 s of every start, before any request can be served).
 */
export function excel(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((m) => m.default);
  return loading;
}
