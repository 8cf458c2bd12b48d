import type { Context } from 'hono';
import { matchedRoutes } from 'hono/route';

/** Route parameters whose values are secrets: `/invites/:token`, `/imports/claim/:token`, `/s/:token` (survey links), any `:…token`, `:secret`, `:key`. */
const SECRET_PARAM = /^:[\w-]*(token|secret|key)\b/i;
/** Backstop for requests no token route matched (404s, other methods): known secret-bearing prefixes. */
const SECRET_PREFIXES = [/^(\/invites\/)[^/]+/, /^(\/imports\/claim\/)[^/]+/, /^(\/s\/)[^/]+/];
/** Query parameters that carry credentials. */
const SECRET_QUERY = /^(token|access_token|key|api_key|secret|code|password|sig|signature)$/i;
const REDACTED = '[redacted]';

/** Replaces secret path segments of `path` wherever `pattern` has a secret parameter. */
function redactByPattern(path: string, pattern: string): string {
  const p = pattern.split('/');
  if (!p.some((s) => SECRET_PARAM.test(s))) return path;
  const segments = path.split('/');
  return segments.map((s, i) => (p[i] && SECRET_PARAM.test(p[i]) ? REDACTED : s)).join('/');
}

/** Keeps query parameter names, hides the values of credential-like ones. */
export function redactQuery(query: string): string {
  if (!query) return '';
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {}
      return eq >= 0 && SECRET_QUERY.test(decoded) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
}

/** A path (with an optional query string) safe to log, given the route patterns that matched it. */
export function redactPath(pathAndQuery: string, patterns: string[] = []): string {
  const q = pathAndQuery.indexOf('?');
  let path = q < 0 ? pathAndQuery : pathAndQuery.slice(0, q);
  for (const pattern of patterns) path = redactByPattern(path, pattern);
  for (const re of SECRET_PREFIXES) path = path.replace(re, `$1${REDACTED}`);
  return q < 0 ? path : `${path}?${redactQuery(pathAndQuery.slice(q + 1))}`;
}

/**
 * The request's path for the log: secrets in path segments (by the matched route's
 * parameter names) and in query strings never reach it.
 */
export function loggablePath(c: Context): string {
  let patterns: string[] = [];
  try {
    patterns = matchedRoutes(c).map((r) => r.path);
  } catch {}
  return redactPath(c.req.path, patterns);
}
