import type { EventRow } from '../events/repo.js';
import { excel } from '../exports/excel.js';
import { formatTime, zoneAbbrev } from '../i18n/format.js';
import type { T } from '../i18n/index.js';
import { tableLabel } from './agenda.js';
import type { MeetingRow } from './repo.js';

const localDate = (d: Date, tz: string) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);

/**
 * The whole schedule as rows, header first, in the event's wall-clock time with the zone spelled
 * out: offices paste this into their own reports, where a UTC time would be silently wrong.
 */
export function scheduleRows(t: T, event: EventRow, meetings: MeetingRow[]): string[][] {
  const header = [
    'date',
    'start',
    'end',
    'zone',
    'table',
    'a_org',
    'a_name',
    'b_org',
    'b_name',
    'priority',
    'locked',
    'attendance',
  ].map((k) => t(`events.export.${k}`));
  const rows = meetings.map((m) => [
    localDate(m.startsAt, event.timezone),
    formatTime(m.startsAt, event.timezone, 'en'),
    formatTime(m.endsAt, event.timezone, 'en'),
    zoneAbbrev(event.timezone, m.startsAt),
    tableLabel(t, m.tableName),
    m.aOrgName,
    m.aName,
    m.bOrgName,
    m.bName,
    t(`events.priority.${m.priority}`),
    m.locked ? t('common.yes') : t('common.no'),
    m.attendance ? t(`events.attendance.${m.attendance}`) : '',
  ]);
  return [header, ...rows];
}

/** The same rows as an .xlsx workbook with a bold, frozen header; cells hold the raw text (never formulas). */
export async function toXlsx(rows: string[][], sheetName: string): Promise<Buffer> {
  const workbook = new (await excel()).Workbook();
  workbook.creator = 'Pasok';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((col) => {
    col.width = 18;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
