import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Hono } from 'hono';
import { APP_ROOT } from '../root.js';
import { type Coding, compressStatic, negotiateCoding } from './encoding.js';

const require = createRequire(import.meta.url);
const root = APP_ROOT;
const CSS = 'text/css; charset=utf-8';
const JS = 'text/javascript; charset=utf-8';

/**
 * The only static files: htmx from its npm package, our stylesheet (base + app, one request),
 * our error-display script and the event-day files (see src/scheduling/day-assets.ts for the
 * service worker and jsQR, which stay outside). `pico.min.css` is the old URL of the base layer: pages cached
 * before the switch link it next to app.css, so it keeps answering with the base alone.
 */
const FILES: Record<string, { files: string[]; type: string }> = {
  'htmx.min.js': { files: [require.resolve('htmx.org/dist/htmx.min.js')], type: JS },
  'app.css': { files: [path.join(root, 'public/base.css'), path.join(root, 'public/app.css')], type: CSS },
  'pico.min.css': { files: [path.join(root, 'public/base.css')], type: CSS },
  'app.js': { files: [path.join(root, 'public/app.js')], type: JS },
  'location.js': { files: [path.join(root, 'public/location.js')], type: JS },
  // Event day: the scan, badge, agenda, walk-in and refill pages' own stylesheet and scripts.
  'event-day.css': { files: [path.join(root, 'public/event-day.css')], type: CSS },
  'scan.js': { files: [path.join(root, 'public/scan.js')], type: JS },
  'sw-register.js': { files: [path.join(root, 'public/sw-register.js')], type: JS },
};

interface Asset {
  body: Buffer;
  encoded: Record<Coding, Buffer>;
  type: string;
  hash: string;
  /** `app.3f2a9c1b.css`: the URL that may be cached for a year. */
  fingerprinted: string;
}

function fingerprint(name: string, hash: string): string {
  const dot = name.lastIndexOf('.');
  return `${name.slice(0, dot)}.${hash}${name.slice(dot)}`;
}

/** Read and precompressed once at start (brotli 11, gzip 9): a request only picks the bytes. */
function load(name: string, spec: { files: string[]; type: string }): Asset {
  const body = Buffer.concat(spec.files.map((f) => fs.readFileSync(f)));
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  return {
    body,
    encoded: { br: compressStatic(body, 'br'), gzip: compressStatic(body, 'gzip') },
    type: spec.type,
    hash,
    fingerprinted: fingerprint(name, hash),
  };
}

const byName = new Map(Object.entries(FILES).map(([name, spec]) => [name, load(name, spec)]));
const byFingerprint = new Map([...byName.values()].map((a) => [a.fingerprinted, a]));

/** `/assets/app.<hash>.css` for `app.css`: what pages link, so a new deploy is a new URL. */
export function assetUrl(name: string): string {
  const asset = byName.get(name);
  return `/assets/${asset ? asset.fingerprinted : name}`;
}

/** Transferred and raw sizes of every asset, for tests and `bench:weight`. */
export function assetSizes(): { name: string; url: string; raw: number; br: number; gzip: number }[] {
  return [...byName.entries()].map(([name, a]) => ({
    name,
    url: `/assets/${a.fingerprinted}`,
    raw: a.body.length,
    br: a.encoded.br.length,
    gzip: a.encoded.gzip.length,
  }));
}

/** A tiny icon so browsers stop asking for /favicon.ico and logging 404s. */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f6feb"/><text x="16" y="23" font-family="sans-serif" font-size="20" font-weight="700" text-anchor="middle" fill="#fff">P</text></svg>';

/** A fingerprinted name whose hash is not the current one (a page from before a deploy). */
const STALE_FINGERPRINT = /^(.+)\.[0-9a-f]{10}(\.[a-z]+)$/;

export const assetRoutes = new Hono();

assetRoutes.get('/favicon.svg', (c) =>
  c.body(FAVICON_SVG, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400' }),
);

assetRoutes.get('/:name', (c) => {
  const name = c.req.param('name');
  const exact = byFingerprint.get(name);
  const stale = exact ? null : STALE_FINGERPRINT.exec(name);
  const asset = exact ?? byName.get(name) ?? (stale ? byName.get(`${stale[1]}${stale[2]}`) : undefined);
  // Plain text on purpose: this sub-app runs before sessions and translations, so the page shell can't render.
  if (!asset) return c.text('Not found', 404, { 'Cache-Control': 'no-store' });
  const coding = negotiateCoding(c.req.header('accept-encoding'));
  const etag = `"${asset.hash}${coding ? `-${coding}` : ''}"`;
  const headers: Record<string, string> = {
    'Content-Type': asset.type,
    // Only the current fingerprint is forever; plain and stale names are revalidated soon.
    'Cache-Control': exact ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
    ETag: etag,
    Vary: 'Accept-Encoding',
  };
  if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
  if (coding) headers['Content-Encoding'] = coding;
  const bytes = coding ? asset.encoded[coding] : asset.body;
  return c.body(new Uint8Array(bytes), 200, headers);
});
