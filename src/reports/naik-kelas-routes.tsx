import { type Context, Hono } from 'hono';
import { NaikKelasPage } from '../../views/naik-kelas/NaikKelasPage.js';
import { TimelinePage } from '../../views/naik-kelas/TimelinePage.js';
import { describeRoutes } from '../api/openapi-registry.js';
import type { AppEnv } from '../context.js';
import { currentActor, requireRole, requireUser } from '../http/guards.js';
import { render } from '../http/render.js';
import { fieldErrors, parseQuery } from '../http/validate.js';
import { cachedTaxonomy } from '../taxonomy/cache.js';
import { listFilterOptions } from './lookups-repo.js';
import { buildNaikKelas, loadTimeline } from './naik-kelas.js';
import { type NaikKelasFilter, NaikKelasQuery } from './naik-kelas-schema.js';

/** `/reports/naik-kelas` (staff), its JSON twin, and one IKM's timeline (staff and its members). */
export const naikKelasRoutes = new Hono<AppEnv>();
export const naikKelasApi = new Hono<AppEnv>();

const staffOnly = [requireUser(), requireRole('facilitator')] as const;

/** Valid filters, with invalid ones dropped and reported next to their fields (as on /reports). */
function readFilter(c: Context<AppEnv>): { filter: NaikKelasFilter; errors: Record<string, string> } {
  const parsed = NaikKelasQuery.safeParse(c.req.query());
  if (parsed.success) return { filter: parsed.data, errors: {} };
  return { filter: {}, errors: fieldErrors(parsed.error, c.get('t')) };
}

naikKelasRoutes.get('/reports/naik-kelas', ...staffOnly, async (c) => {
  const { sql } = c.get('deps');
  const { filter, errors } = readFilter(c);
  const [report, options] = await Promise.all([
    buildNaikKelas(sql, filter),
    listFilterOptions(sql, undefined),
  ]);
  const t = c.get('t');
  const page = { report, offices: options.offices, values: c.req.query(), errors };
  return render(c, <NaikKelasPage t={t} locale={c.get('locale')} {...page} />, {
    title: t('naik.title'),
    status: Object.keys(errors).length ? 422 : 200,
  });
});

naikKelasRoutes.get('/suppliers/:id/naik-kelas', requireUser(), async (c) => {
  const { sql } = c.get('deps');
  const timeline = await loadTimeline(sql, currentActor(c), c.req.param('id'));
  const tax = await cachedTaxonomy(sql);
  const locale = c.get('locale');
  const certLabel = (slug: string) => tax.label('certification', slug, locale);
  const t = c.get('t');
  const props = { supplier: timeline, milestones: timeline.milestones, zone: timeline.zone, certLabel };
  return render(c, <TimelinePage t={t} locale={locale} {...props} />, { title: t('naik.timeline') });
});

naikKelasApi.get('/reports/naik-kelas', requireRole('facilitator'), async (c) => {
  const report = await buildNaikKelas(c.get('deps').sql, parseQuery(c, NaikKelasQuery));
  return c.json({
    zone: report.zone,
    total: report.total,
    by_kind: report.byKind,
    by_province: report.byProvince,
    by_sector: report.bySector,
    by_estate: report.byEstate,
  });
});

describeRoutes('reports', [
  {
    method: 'get',
    path: '/reports/naik-kelas',
    summary:
      'IKM that moved up in a period (verified, first certificate of a kind, first or repeat deal with a large tenant), per province, sector and estate (facilitators).',
    query: NaikKelasQuery,
    errors: [403, 422],
    response: { status: 200, description: 'Counts and their breakdowns.' },
  },
]);
