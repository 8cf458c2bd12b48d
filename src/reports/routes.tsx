import { type Context, Hono } from 'hono';
import { ImpactPage } from '../../views/reports/ImpactPage.js';
import { ReportPage } from '../../views/reports/ReportPage.js';
import type { AppEnv } from '../context.js';
import { csvOptionsFor, toCsv } from '../exports/csv.js';
import { currentActor, requireRole, requireUser } from '../http/guards.js';
import { render } from '../http/render.js';
import { fieldErrors } from '../http/validate.js';
import { meetingTable, toXlsx } from './export.js';
import { listSharedDeals } from './lookups-repo.js';
import { loadReportExport, loadReportPage } from './pages.js';
import { periodText } from './period.js';
import { listReportMeetings } from './repo.js';
import { type ReportFilter, ReportQuery } from './schema.js';
import { buildReport, type Report } from './service.js';

/** `/reports` (facilitators and admins) and the public `/impact` page. */
export const reportRoutes = new Hono<AppEnv>();

/** Filters from the query string; invalid ones are dropped and reported next to their fields. */
function readFilter(c: Context<AppEnv>): { filter: ReportFilter; errors: Record<string, string> } {
  const parsed = ReportQuery.safeParse(c.req.query());
  if (parsed.success) return { filter: parsed.data, errors: {} };
  const errors = fieldErrors(parsed.error, c.get('t'));
  const valid = Object.fromEntries(Object.entries(c.req.query()).filter(([k]) => !(k in errors)));
  const retry = ReportQuery.safeParse(valid);
  return { filter: retry.success ? retry.data : {}, errors };
}

const staffOnly = [requireUser(), requireRole('facilitator')] as const;

reportRoutes.get('/reports', ...staffOnly, async (c) => {
  const { sql, clock } = c.get('deps');
  const { filter, errors } = readFilter(c);
  const page = await loadReportPage(sql, filter, currentActor(c).userId);
  const t = c.get('t');
  return render(
    c,
    <ReportPage
      t={t}
      locale={c.get('locale')}
      {...page}
      values={c.req.query()}
      errors={errors}
      generatedAt={clock()}
    />,
    { title: t('reports.title'), status: Object.keys(errors).length ? 422 : 200 },
  );
});

const stamp = (c: Context<AppEnv>) => c.get('deps').clock().toISOString().slice(0, 10);

reportRoutes.get('/reports/export.csv', ...staffOnly, async (c) => {
  const { filter } = readFilter(c);
  const rows = await listReportMeetings(c.get('deps').sql, filter);
  const opts = csvOptionsFor(c.req.query('sep'), c.get('locale'));
  return c.body(toCsv(meetingTable(rows, c.get('t'), 'labels', c.get('locale')), opts), 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="laporan-temu-usaha-${stamp(c)}.csv"`,
  });
});

/** The workbook's heading lines: title, the offices covered, and the period in words. */
function workbookHeading(
  c: Context<AppEnv>,
  filter: ReportFilter,
  data: { report: Report; offices: string[] },
) {
  const t = c.get('t');
  return [
    t('reports.title'),
    data.offices.length ? data.offices.join(', ') : t('reports.office_all'),
    `${t('reports.period')}: ${periodText(t, c.get('locale'), filter, data.report.span)}`,
  ];
}

reportRoutes.get('/reports/export.xlsx', ...staffOnly, async (c) => {
  const { filter } = readFilter(c);
  const data = await loadReportExport(c.get('deps').sql, filter, currentActor(c).userId);
  const heading = workbookHeading(c, filter, data);
  const buffer = await toXlsx(data.report, data.rows, c.get('t'), c.get('locale'), heading);
  return c.body(new Uint8Array(buffer), 200, {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': `attachment; filename="laporan-temu-usaha-${stamp(c)}.xlsx"`,
  });
});

reportRoutes.get('/impact', async (c) => {
  const { sql } = c.get('deps');
  const [report, deals] = await Promise.all([buildReport(sql, {}), listSharedDeals(sql)]);
  const t = c.get('t');
  return render(c, <ImpactPage t={t} locale={c.get('locale')} report={report} deals={deals} />, {
    title: t('impact.title'),
  });
});
