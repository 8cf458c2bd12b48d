import { Hono } from 'hono';
import { describeRoutes } from '../api/openapi-registry.js';
import type { AppEnv } from '../context.js';
import { listEstates } from '../reference/repo.js';
import { cachedTaxonomy } from './cache.js';
import { taxonomyToJson } from './service.js';

/** `GET /api/v1/taxonomy` and `GET /api/v1/estates`: reference data for clients. */
export const referenceApi = new Hono<AppEnv>();

referenceApi.get('/taxonomy', async (c) => c.json(taxonomyToJson(await cachedTaxonomy(c.get('deps').sql))));

referenceApi.get('/estates', async (c) => {
  const rows = await listEstates(c.get('deps').sql);
  return c.json({
    estates: rows.map((e) => ({
      slug: e.slug,
      name: e.name,
      regency_code: e.regencyCode,
      location: { lat: e.lat, lon: e.lon },
    })),
  });
});

describeRoutes('reference', [
  {
    method: 'get',
    path: '/taxonomy',
    summary: 'Processes, materials, certifications, sectors and product categories, with labels.',
    response: { status: 200, description: 'The taxonomy: slugs with Indonesian and English labels.' },
  },
  {
    method: 'get',
    path: '/estates',
    summary: 'Industrial estates with their regency code and location.',
    response: { status: 200, description: '`estates`: slug, name, regency_code, location {lat, lon}.' },
  },
]);
