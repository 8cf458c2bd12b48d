import type { Db } from '../db/client.js';
import { findOfficeNames, findReportZone, listFilterOptions } from './lookups-repo.js';
import { listReportMeetings, queryResponseRates } from './repo.js';
import type { ReportFilter } from './schema.js';
import { buildReport } from './service.js';
import { queryHelpWanted, queryObstacles } from './survey-needs-repo.js';
import { progressOf, realisationOf } from './targets.js';
import { listEventTargets } from './targets-repo.js';

/** The report page: figures for the filter, the filter's options, and the chosen offices' names. */
export async function loadReportPage(db: Db, filter: ReportFilter, userId: string) {
  const [report, options, offices, responses, zone, targetRows, help, obstacles] = await Promise.all([
    buildReport(db, filter),
    listFilterOptions(db, filter.province),
    findOfficeNames(db, filter.office, userId),
    queryResponseRates(db, filter),
    findReportZone(db, filter),
    filter.event ? listEventTargets(db, filter.event) : Promise.resolve([]),
    queryHelpWanted(db, filter),
    queryObstacles(db, filter),
  ]);
  const realised = realisationOf(report);
  const targets = targetRows.map((row) => ({
    officeName: row.officeName,
    progress: progressOf({ ...row, valueIdr: row.valueIdr === null ? null : BigInt(row.valueIdr) }, realised),
  }));
  return { report, options, offices, responses, zone, targets, help, obstacles };
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
