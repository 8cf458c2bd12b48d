import type { GapMapView } from '../../views/gaps/models.js';
import type { CsvCell } from '../exports/csv.js';
import { excel } from '../exports/excel.js';
import type { T } from '../i18n/index.js';

const COLUMNS = [
  'capability',
  'materials',
  'certs',
  'min_tkdn',
  'level',
  'qualified',
  'needs',
  'open_needs',
  'unmatched_needs',
  'tenants',
  'partial',
] as const;

/**
 * The gap map as a table, one row per demand line, labels instead of slugs. The partial suppliers
 * go in one cell ("name (place, 12 km): lacks; …") so the sheet stays one row per gap.
 */
export function gapTable(view: GapMapView, t: T): CsvCell[][] {
  const header = COLUMNS.map((c) => t(`gaps.col.${c}`));
  const body = view.rows.map((r): CsvCell[] => [
    r.capability,
    r.materials,
    r.certs,
    r.minTkdn,
    t(`gaps.level.${r.level}`),
    r.qualified,
    r.needs,
    r.openNeeds,
    r.unmatchedNeeds,
    r.tenants,
    r.partial.map((p) => `${p.name} (${p.place}, ${p.distanceKm} km): ${p.lacks.join(', ')}`).join('; '),
  ]);
  return [header, ...body];
}

/** The gap map as a workbook: heading lines, then the table with a frozen header row. */
export async function gapXlsx(view: GapMapView, t: T, heading: string[]): Promise<Buffer> {
  const workbook = new (await excel()).Workbook();
  workbook.creator = 'Pasok';
  const sheet = workbook.addWorksheet(t('gaps.title').slice(0, 31));
  for (const line of heading) sheet.addRow([line]);
  sheet.addRow([]);
  const table = gapTable(view, t);
  const headerRow = sheet.addRow(table[0]!);
  headerRow.font = { bold: true };
  for (const row of table.slice(1)) sheet.addRow(row.map((c) => (typeof c === 'bigint' ? Number(c) : c)));
  sheet.views = [{ state: 'frozen', ySplit: headerRow.number }];
  sheet.columns.forEach((col, i) => {
    col.width = i === 0 ? 30 : i === COLUMNS.length - 1 ? 80 : 14;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
