import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.js';
import { CompressedCache, negotiateCoding } from './encoding.js';

/** Text we render or serialise. CSV, spreadsheets, images, PDFs, ZIPs and event streams are left alone. */
const COMPRESSIBLE =
  /^(text\/html|text\/css|text\/javascript|application\/javascript|application\/json|image\/svg\+xml)\b/i;

/** Below this the coding's own overhead eats the gain (one TCP packet either way). */
export const MIN_COMPRESS_BYTES = 1024;

/** Adds `token` to a Vary header unless it is already listed. */
function addVary(headers: Headers, token: string) {
  const current = headers.get('vary');
  if (!current) headers.set('Vary', token);
  else if (
    !current
      .toLowerCase()
      .split(/\s*,\s*/)
      .includes(token.toLowerCase())
  )
    headers.set('Vary', `${current}, ${token}`);
}

/**
 * Brotli or gzip for HTML, CSS, JS and JSON, negotiated from Accept-Encoding, always with
 * `Vary: Accept-Encoding`. Bodies of those types are whole documents in Pasok (streams are CSV
 * exports, which pass untouched and keep streaming). Bodies already encoded (precompressed
 * assets) and tiny ones are sent as they are. The same body compressed again comes from `cache`.
 */
export function compress(cache = new CompressedCache()): MiddlewareHandler<AppEnv> {
  return async function compressMiddleware(c, next) {
    await next();
    const res = c.res;
    if (!COMPRESSIBLE.test(res.headers.get('content-type') ?? '')) return;
    addVary(res.headers, 'Accept-Encoding');
    if (c.req.method === 'HEAD' || !res.body || res.status === 204 || res.status === 304) return;
    if (res.headers.has('content-encoding')) return;
    const declared = Number(res.headers.get('content-length') ?? Number.NaN);
    if (declared < MIN_COMPRESS_BYTES) return;
    const coding = negotiateCoding(c.req.header('accept-encoding'));
    if (!coding) return;
    const body = new Uint8Array(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    if (body.byteLength < MIN_COMPRESS_BYTES) {
      c.res = new Response(body, { status: res.status, statusText: res.statusText, headers });
      return;
    }
    const encoded = await cache.compress(body, coding);
    headers.set('Content-Encoding', coding);
    headers.delete('Content-Length');
    // A strong ETag names the bytes, and these bytes are different ones.
    const etag = headers.get('etag');
    if (etag && !etag.startsWith('W/')) headers.set('ETag', `W/${etag}`);
    c.res = undefined;
    c.res = new Response(new Uint8Array(encoded), {
      status: res.status,
      statusText: res.statusText,
      headers,
    });
  };
}
