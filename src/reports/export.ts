import type ExcelJS from 'exceljs';
import type { CsvCell } from '../exports/csv.js';
import { excel } from '../exports/excel.js';
import { formatTime, zoneAbbrev } from '../i18n/format.js';
import type { Locale, T } from '../i18n/index.js';
import { localLabel } from '../i18n/label.js';
import { localDateOf } from '../outcomes/reminders.js';
import type { ReportMeetingRow } from './repo.js';
import { BREAKDOWNS, type Report } from './service.js';

const COLUMNS = [
  'meeting_id',
  'kind',
  'date',
  'time',
  'zone',
  'event',
  'estate',
  'buyer',
  'supplier',
  'province',
  'regency',
  'sectors',
  'attendance',
  'status',
  'value_idr',
  'products',
  'volume',
  'follow_up_on',
  'no_deal_reason',
  'official_version',
  'awaiting_reconciliation',
] as const;

type Cell = CsvCell;

/**
 * One row per scheduled meeting with its official outcome. `codes` keeps stable column keys and
 * raw codes (for the API and scripts); `labels` translates both for people opening it in Excel.
 */
export function meetingTable(
  rows: ReportMeetingRow[],
  t: T,
  mode: 'codes' | 'labels',
  locale: Locale = 'id',
): Cell[][] {
  const label = (prefix: string, v: string | null) =>
    v === null ? '' : mode === 'codes' ? v : t(`${prefix}.${v}`);
  const header = COLUMNS.map((c) => (mode === 'codes' ? c : t(`reports.col.${c}`)));
  const body = rows.map((r): Cell[] => [
    r.meetingId,
    label('reports.kind', r.kind),
    localDateOf(r.startsAt, r.timezone),
    formatTime(r.startsAt, r.timezone, 'en'),
    zoneAbbrev(r.timezone, r.startsAt),
    r.eventName ?? '',
    r.estateName ?? '',
    r.buyerName,
    r.supplierName,
    r.provinceName ?? '',
    r.regencyName ?? '',
    (mode === 'codes' ? r.sectors : locale === 'en' ? r.sectorLabelsEn : r.sectorLabelsId).join(', '),
    label('outcomes.attendance', r.attendance),
    label('outcomes.status', r.status),
    r.valueIdr,
    r.products ?? '',
    r.volume ?? '',
    r.followUpOn ?? '',
    label('outcomes.reason', r.noDealReason),
    r.officialVersion,
    mode === 'codes' ? String(r.needsReconciliation) : t(r.needsReconciliation ? 'common.yes' : 'common.no'),
  ]);
  return [header, ...body];
}

const IDR_FORMAT = '"Rp" #,##0';

function totalsSheet(sheet: ExcelJS.Worksheet, r: Report, t: T, locale: Locale, heading: string[]): void {
  for (const line of heading) sheet.addRow([line]).font = { bold: true };
  sheet.addRow([]);
  const figure = (key: string, value: number | bigint | null, money = false) => {
    const row = sheet.addRow([t(key), value === null ? '' : Number(value)]);
    if (money) row.getCell(2).numFmt = IDR_FORMAT;
  };
  figure('reports.fig.requests', r.requests.total);
  figure('reports.fig.scheduled', r.scheduled);
  figure('reports.fig.held', r.held);
  figure('reports.fig.no_shows', r.noShows.total);
  const rate = sheet.addRow([t('reports.fig.no_show_rate'), r.noShowRate ?? '']);
  rate.getCell(2).numFmt = '0.0%';
  for (const s of ['deal', 'mou', 'follow_up', 'no_deal', 'pending'] as const)
    figure(`outcomes.status.${s}`, r.statuses[s]);
  figure('reports.fig.value_total', r.value.total, true);
  figure('reports.fig.value_median', r.value.median, true);
  figure('reports.fig.suppliers_with_deal', r.suppliersWithDeal);
  figure('reports.fig.awaiting', r.awaitingReconciliation);
  sheet.addRow([]);
  sheet.addRow([t('reports.funnel')]).font = { bold: true };
  for (const f of r.funnel) sheet.addRow([t(`reports.funnel.${f.step}`), f.count]);
  for (const kind of BREAKDOWNS) {
    sheet.addRow([]);
    sheet.addRow([t(`reports.by.${kind}`)]).font = { bold: true };
    sheet.addRow([
      '',
      t('reports.col.meetings'),
      t('reports.col.held'),
      t('reports.col.deals'),
      t('reports.col.mous'),
      t('reports.col.value_idr'),
    ]).font = { bold: true };
    for (const g of r.breakdowns[kind]) {
      const row = sheet.addRow([
        localLabel(g, locale, t('reports.none')),
        g.meetings,
        g.held,
        g.deals,
        g.mous,
        Number(g.valueIdr),
      ]);
      row.getCell(6).numFmt = IDR_FORMAT;
    }
  }
  sheet.getColumn(1).width = 42;
  for (const c of [2, 3, 4, 5]) sheet.getColumn(c).width = 14;
  sheet.getColumn(6).width = 22;
}

/**
 * The report as a workbook: a sheet of totals (figures, funnel, breakdowns) and a sheet of the
 * meetings with their outcomes. Money cells are numbers with a rupiah format, so they sum in Excel.
 * Text cells hold the raw values (exceljs writes them as text, never as formulas).
 */
export async function toXlsx(
  report: Report,
  meetings: ReportMeetingRow[],
  t: T,
  locale: Locale,
  heading: string[],
): Promise<Buffer> {
  const workbook = new (await excel()).Workbook();
  workbook.creator = 'Pasok';
  totalsSheet(workbook.addWorksheet(t('reports.sheet.totals').slice(0, 31)), report, t, locale, heading);
  const sheet = workbook.addWorksheet(t('reports.sheet.meetings').slice(0, 31));
  const table = meetingTable(meetings, t, 'labels', locale);
  const valueCol = COLUMNS.indexOf('value_idr') + 1;
  for (const [i, row] of table.entries()) {
    const cells = row.map((v, c) => (i > 0 && c === valueCol - 1 && v !== null && v !== '' ? Number(v) : v));
    sheet.addRow(cells);
  }
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((col) => {
    col.width = 18;
  });
  sheet.getColumn(valueCol).numFmt = IDR_FORMAT;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
