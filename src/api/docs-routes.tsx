import { Hono } from 'hono';
import { ApiDocsPage } from '../../views/api/ApiDocsPage.js';
import type { AppEnv } from '../context.js';
import { render } from '../http/render.js';
import { docsModel } from './docs-model.js';
import { buildOpenApi, type Json } from './openapi.js';
import { describeRoutes, registeredRoutes } from './openapi-registry.js';

const built = new Map<string, Json>();

/** The document for this origin, assembled once: the declarations are fixed after start. */
export function openApiDocument(origin: string): Json {
  let doc = built.get(origin);
  if (!doc) {
    doc = buildOpenApi(registeredRoutes(), origin);
    built.set(origin, doc);
  }
  return doc;
}

/** `GET /api/v1/openapi.json`: the contract, public so clients and generators need no token. */
export const openApiRoutes = new Hono<AppEnv>();

openApiRoutes.get('/openapi.json', (c) => {
  c.header('Cache-Control', 'public, max-age=300');
  return c.json(openApiDocument(c.get('deps').config.appOrigin));
});

/** `GET /api/docs`: the same document as a server-rendered reference page. */
export const apiDocsRoutes = new Hono<AppEnv>();

apiDocsRoutes.get('/docs', (c) => {
  const t = c.get('t');
  const model = docsModel(openApiDocument(c.get('deps').config.appOrigin));
  return render(c, <ApiDocsPage t={t} model={model} specHref="/api/v1/openapi.json" />, {
    title: t('apidocs.title'),
  });
});

describeRoutes('meta', [
  {
    method: 'get',
    path: '/openapi.json',
    summary: 'This OpenAPI 3.1 document.',
    public: true,
    response: { status: 200, description: 'The OpenAPI document.' },
  },
]);
