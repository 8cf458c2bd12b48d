import { type Context, Hono } from 'hono';
import { GapPage } from '../../views/gaps/GapPage.js';
import type { AppEnv } from '../context.js';
import { csvOptionsFor, toCsv } from '../exports/csv.js';
import { requireRole, requireUser } from '../http/guards.js';
import { render } from '../http/render.js';
import { parseGapQuery } from './api.js';
import { gapTable, gapXlsx } from './export.js';
import { loadGapPage, loadGapView } from './pages.js';

/**
 * `/reports/gaps`: the supply-chain gap map, for facilitators and admins. Buyers, tenants of the
 * estate included, are refused: the map aggregates every tenant's needs (closed and invited-only
 * ones too), which one tenant must not read about its neighbours.
 */
export const gapRoutes = new Hono<AppEnv>();

const staffOnly = [requireUser(), requireRole('facilitator')] as const;

const ctx = (c: Context<AppEnv>) => ({ t: c.get('t'), locale: c.get('locale'), now: c.get('deps').clock() });

gapRoutes.get('/reports/gaps', ...staffOnly, async (c) => {
  const page = await loadGapPage(c.get('deps').sql, c.req.query(), ctx(c));
  const t = c.get('t');
  const status = Object.keys(page.errors).length ? 422 : 200;
  return render(c, <GapPage t={t} locale={c.get('locale')} {...page} values={c.req.query()} />, {
    title: t('gaps.title'),
    status,
  });
});

const fileName = (c: Context<AppEnv>, slug: string, ext: string) =>
  `peta-celah-${slug}-${c.get('deps').clock().toISOString().slice(0, 10)}.${ext}`;

gapRoutes.get('/reports/gaps/export.csv', ...staffOnly, async (c) => {
  const view = await loadGapView(c.get('deps').sql, parseGapQuery(c), ctx(c));
  const opts = csvOptionsFor(c.req.query('sep'), c.get('locale'));
  return c.body(toCsv(gapTable(view, c.get('t')), opts), 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${fileName(c, view.estateSlug, 'csv')}"`,
  });
});

gapRoutes.get('/reports/gaps/export.xlsx', ...staffOnly, async (c) => {
  const view = await loadGapView(c.get('deps').sql, parseGapQuery(c), ctx(c));
  const t = c.get('t');
  const heading = [t('gaps.title'), `${view.estateName} · ${view.radiusKm} km · ${view.asOf}`];
  return c.body(new Uint8Array(await gapXlsx(view, t, heading)), 200, {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': `attachment; filename="${fileName(c, view.estateSlug, 'xlsx')}"`,
  });
});
