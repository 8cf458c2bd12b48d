import { type Context, Hono } from 'hono';
import { describeRoutes } from '../api/openapi-registry.js';
import type { AppEnv } from '../context.js';
import { Invalid } from '../errors.js';
import { requireRole } from '../http/guards.js';
import { fieldErrors } from '../http/validate.js';
import { cachedTaxonomy } from '../taxonomy/cache.js';
import { normalizeDeep } from '../text/normalize.js';
import { gapMapToJson } from './present.js';
import { type GapFilter, GapQuery } from './schema.js';
import { buildGapMap } from './service.js';

/**
 * The gap map's query or a 422 naming the field: a radius out of range is a value the client can
 * fix (as an unknown estate is), not a malformed request.
 */
export function parseGapQuery(c: Context<AppEnv>): GapFilter {
  const parsed = GapQuery.safeParse(normalizeDeep(c.req.query()));
  if (!parsed.success) throw new Invalid(fieldErrors(parsed.error, c.get('t')));
  return parsed.data;
}

/** `GET /api/v1/reports/gaps?estate=<slug>&radius_km=<n>` (facilitators and admins). */
export const gapApi = new Hono<AppEnv>();

gapApi.get('/reports/gaps', requireRole('facilitator'), async (c) => {
  const f = parseGapQuery(c);
  const { sql, clock } = c.get('deps');
  const [map, tax] = await Promise.all([
    buildGapMap(sql, f.estate, f.radius_km, clock()),
    cachedTaxonomy(sql),
  ]);
  return c.json(gapMapToJson(map, tax, c.get('locale')));
});

describeRoutes('reports', [
  {
    method: 'get',
    path: '/reports/gaps',
    summary:
      "Supply-chain gap map: an estate's tenant demand against verified local supply within a radius, gaps ranked, with the nearest partial suppliers and what they lack (facilitators).",
    query: GapQuery,
    errors: [403, 422],
    response: { status: 200, description: 'The gap map.' },
  },
]);
