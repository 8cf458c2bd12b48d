import type { z } from 'zod';

/** Every API module is mounted here; declarations use the sub-app's own paths (`/needs/:id`). */
export const API_PREFIX = '/api/v1';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 422 | 429 | 503;

/** What one API route promises: declared beside the zod schemas its handler validates with. */
export interface RouteDoc {
  method: HttpMethod;
  /** Hono path template relative to the mount point, `:param` style. */
  path: string;
  summary: string;
  description?: string;
  /** The schema `parseQuery` (or the route's own query parser) runs. */
  query?: z.ZodType;
  /** The schema `parseJson` runs, or the multipart fields for `bodyType: 'multipart'`. */
  body?: z.ZodType;
  bodyType?: 'json' | 'multipart';
  /** The success answer: status, what it holds, its media type (JSON unless said) and shape if declared. */
  response: { status: number; description: string; contentType?: string; schema?: z.ZodType };
  /** Refusals beyond those implied (401 without a token, 404 with path params, 400/422 with input, 503). */
  errors?: ErrorStatus[];
  /** No bearer token needed. */
  public?: boolean;
}

/** A declared route with its capability tag and full path. */
export interface RegisteredRoute extends RouteDoc {
  tag: string;
  fullPath: string;
}

const registry: RegisteredRoute[] = [];

/**
 * Declares the routes of one API module under one tag. Called once at module load, next to the
 * schemas, so the OpenAPI document is assembled from the very objects that validate requests
 * and a route cannot be added without the coverage test noticing a missing declaration.
 */
export function describeRoutes(tag: string, routes: RouteDoc[]): void {
  for (const r of routes) {
    const fullPath = API_PREFIX + (r.path === '/' ? '' : r.path);
    const i = registry.findIndex((x) => x.method === r.method && x.fullPath === fullPath);
    const entry = { ...r, tag, fullPath };
    if (i >= 0) registry[i] = entry;
    else registry.push(entry);
  }
}

/** The declarations made so far (all of them once `createApp`'s imports have loaded). */
export function registeredRoutes(): readonly RegisteredRoute[] {
  return registry;
}
