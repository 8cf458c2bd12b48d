import { z } from 'zod';
import type { ErrorStatus, RegisteredRoute } from './openapi-registry.js';

/** A JSON Schema (2020-12) or OpenAPI object: plain JSON. */
export type Json = Record<string, unknown>;

const ERROR_TEXT: Record<ErrorStatus, string> = {
  400: 'Malformed request: bad JSON, a bad query parameter or a bad multipart body; `fields` names the parameters.',
  401: 'Missing, unknown or revoked bearer token.',
  403: 'The token is valid, but its user may not do this.',
  404: 'No such object, or it belongs to another organisation or office.',
  409: 'Conflict with the current state (already answered, double-booked, duplicate).',
  410: 'The object existed and is no longer usable.',
  413: 'The upload exceeds its size limit.',
  422: 'Validation failed: `fields` maps every invalid or unknown key to a message.',
  429: 'Too many requests; retry after the `Retry-After` seconds.',
  503: 'The database is unavailable for a moment; retry after the `Retry-After` seconds.',
};

const ErrorSchema: Json = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'fields'],
      properties: {
        code: { type: 'string', description: 'Stable machine code: `invalid`, `not_found`, `conflict`, …' },
        message: {
          type: 'string',
          description: 'A sentence in the request language (Indonesian or English).',
        },
        fields: {
          type: 'object',
          additionalProperties: { type: 'string' },
          description: 'Key (dotted for nested ones, `days.0.date`) → message; `_` for the body as a whole.',
        },
      },
    },
  },
};

/**
 * A zod schema as the JSON Schema its *input* satisfies: the request side of coercions and
 * defaults, which is what a client must send. Transforms and refinements have no JSON form and
 * are documented by the route's prose instead of failing the document.
 */
export function toJsonSchema(schema: z.ZodType): Json {
  const out = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as Json;
  delete out.$schema;
  return out;
}

const pathTemplate = (honoPath: string) => honoPath.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');

function operationId(r: RegisteredRoute): string {
  const words = r.fullPath
    .replace(/^\/api\/v1\//, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return r.method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

function parameters(r: RegisteredRoute): Json[] {
  const out: Json[] = [...r.fullPath.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  if (!r.query) return out;
  const q = toJsonSchema(r.query);
  const required = new Set((q.required as string[] | undefined) ?? []);
  for (const [name, schema] of Object.entries((q.properties ?? {}) as Record<string, Json>)) {
    out.push({ name, in: 'query', required: required.has(name), schema });
  }
  return out;
}

function errorStatuses(r: RegisteredRoute): ErrorStatus[] {
  const set = new Set<ErrorStatus>(r.errors ?? []);
  if (!r.public) set.add(401);
  if (r.fullPath.includes(':')) set.add(404);
  if (r.query) set.add(400);
  if (r.body) {
    set.add(400);
    set.add(422);
  }
  set.add(503);
  return [...set].sort((a, b) => a - b);
}

function operation(r: RegisteredRoute): Json {
  const res = r.response;
  const type = res.contentType ?? 'application/json';
  const success: Json =
    res.status === 204
      ? { description: res.description }
      : {
          description: res.description,
          content: {
            [type]: {
              schema: res.schema
                ? toJsonSchema(res.schema)
                : type.includes('json')
                  ? { type: 'object' }
                  : { type: 'string' },
            },
          },
        };
  const responses: Json = { [String(res.status)]: success };
  for (const s of errorStatuses(r)) responses[String(s)] = { $ref: `#/components/responses/E${s}` };
  const op: Json = {
    operationId: operationId(r),
    tags: [r.tag],
    summary: r.summary,
    ...(r.description ? { description: r.description } : {}),
    parameters: parameters(r),
    responses,
  };
  if (r.public) op.security = [];
  if (r.body) {
    const media = r.bodyType === 'multipart' ? 'multipart/form-data' : 'application/json';
    op.requestBody = { required: true, content: { [media]: { schema: toJsonSchema(r.body) } } };
  }
  return op;
}

/**
 * Assembles the OpenAPI 3.1 document from the route declarations. Servers come from the
 * configured public origin, so a client generated from it calls this deployment.
 */
export function buildOpenApi(routes: readonly RegisteredRoute[], origin: string): Json {
  const paths: Record<string, Json> = {};
  for (const r of [...routes].sort((a, b) => a.fullPath.localeCompare(b.fullPath))) {
    const key = pathTemplate(r.fullPath);
    paths[key] ??= {};
    paths[key][r.method] = operation(r);
  }
  const tags = [...new Set(routes.map((r) => r.tag))].sort().map((name) => ({ name }));
  const responses = Object.fromEntries(
    (Object.keys(ERROR_TEXT) as unknown as ErrorStatus[]).map((s) => [
      `E${s}`,
      {
        description: ERROR_TEXT[s],
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    ]),
  );
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Pasok API',
      version: '1.0.0',
      description:
        "Business matching for Indonesian temu usaha: suppliers, needs, events, meetings and outcomes. Bodies are snake_case JSON; error messages follow the token owner's language (Indonesian by default).",
    },
    servers: [{ url: origin }],
    security: [{ bearerAuth: [] }],
    tags,
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'A personal API token from the Account page.',
        },
      },
      schemas: { Error: ErrorSchema },
      responses,
    },
  };
}
