import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { cachedTaxonomy } from './cache.js';
import { taxonomyToJson } from './service.js';

/** `GET /api/v1/taxonomy` and `GET /api/v1/estates`: reference data for clients. */
export const referenceApi = new Hono<AppEnv>();

referenceApi.get('/taxonomy', async (c) => c.json(taxonomyToJson(await cachedTaxonomy(c.get('deps').sql))));

referenceApi.get('/estates', async (c) => {
  const rows = await c.get('deps').sql<
    { slug: string; name: string; regencyCode: string; lat: number; lon: number }[]
  >`
    select slug, name, regency_code, lat, lon from estates order by name`;
  return c.json({
    estates: rows.map((e) => ({
      slug: e.slug,
      name: e.name,
      regency_code: e.regencyCode,
      location: { lat: e.lat, lon: e.lon },
    })),
  });
});
