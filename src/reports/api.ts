import { Hono } from 'hono';
import { describeRoutes } from '../api/openapi-registry.js';
import type { AppEnv } from '../context.js';
import { toCsv } from '../exports/csv.js';
import { requireRole } from '../http/guards.js';
import { parseQuery } from '../http/validate.js';
import { meetingTable } from './export.js';
import { listReportMeetings } from './repo.js';
import { ReportQuery } from './schema.js';
import { buildReport, reportToJson } from './service.js';

/** `/api/v1/reports`: the report page's figures as JSON, and its meetings as CSV (facilitators). */
export const reportApi = new Hono<AppEnv>();

reportApi.get('/reports/summary', requireRole('facilitator'), async (c) => {
  const filter = parseQuery(c, ReportQuery);
  return c.json(reportToJson(await buildReport(c.get('deps').sql, filter)));
});

reportApi.get('/reports/meetings.csv', requireRole('facilitator'), async (c) => {
  const filter = parseQuery(c, ReportQuery);
  const rows = await listReportMeetings(c.get('deps').sql, filter);
  return c.body(toCsv(meetingTable(rows, c.get('t'), 'codes')), 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': 'attachment; filename="meetings.csv"',
  });
});

describeRoutes('reports', [
  {
    method: 'get',
    path: '/reports/summary',
    summary: "The report page's figures: meetings, outcomes, deal values and RFQ awards (facilitators).",
    query: ReportQuery,
    errors: [403],
    response: { status: 200, description: 'The summary.' },
  },
  {
    method: 'get',
    path: '/reports/meetings.csv',
    summary: 'The meetings behind the report as CSV with codes (facilitators).',
    query: ReportQuery,
    errors: [403],
    response: { status: 200, description: 'CSV, one meeting a row.', contentType: 'text/csv' },
  },
]);
