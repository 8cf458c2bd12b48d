import type { Db } from '../db/client.js';
import { findOfficeNames, listFilterOptions } from './lookups-repo.js';
import { listReportMeetings } from './repo.js';
import type { ReportFilter } from './schema.js';
import { buildReport } from './service.js';

/** The report page: figures for the filter, the filter's options, and the chosen offices' names. */
export async function loadReportPage(db: Db, filter: ReportFilter, userId: string) {
  const [report, options, offices] = await Promise.all([
    buildReport(db, filter),
    listFilterOptions(db, filter.province),
    findOfficeNames(db, filter.office, userId),
  ]);
  return { report, options, offices };
}

/** What the workbook export holds: the figures, every meeting behind them, and the offices they cover. */
export async function loadReportExport(db: Db, filter: ReportFilter, userId: string) {
  const [report, rows, offices] = await Promise.all([
    buildReport(db, filter),
    listReportMeetings(db, filter),
    findOfficeNames(db, filter.office, userId),
  ]);
  return { report, rows, offices };
}
