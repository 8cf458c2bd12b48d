import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Hono } from 'hono';
import { assetUrl } from '../http/assets.js';
import { APP_ROOT } from '../root.js';

const require = createRequire(import.meta.url);
const root = APP_ROOT;

const JS = 'text/javascript; charset=utf-8';
const load = (f: string) => new Uint8Array(fs.readFileSync(f));
/**
 * jsQR (250 KB) stays out of the fingerprinted pipeline: precompressing it at brotli 11 would hold
 * every start for seconds, and only a scan page without BarcodeDetector ever fetches it.
 */
const jsQr = load(require.resolve('jsqr/dist/jsQR.js'));
const worker = load(path.join(root, 'public/sw.js'));
const manifest = load(path.join(root, 'public/manifest.webmanifest'));
/** The event-day files that moved to /assets/ (fingerprinted, immutable); old cached pages still ask here. */
const MOVED = new Set(['event-day.css', 'scan.js', 'sw-register.js']);

/**
 * Served from our origin before sessions load. The worker lives at /sw.js so its scope can be the
 * whole site (it only ever caches agenda and badge pages) and is revalidated on every visit, so a
 * fix reaches phones at once; the manifest names the app for "add to home screen". Both URLs must
 * stay stable, so they are never fingerprinted.
 */
export const dayAssetRoutes = new Hono();

dayAssetRoutes.get('/sw.js', (c) =>
  c.body(worker, 200, { 'Content-Type': JS, 'Cache-Control': 'no-cache', 'Service-Worker-Allowed': '/' }),
);

dayAssetRoutes.get('/manifest.webmanifest', (c) =>
  c.body(manifest, 200, {
    'Content-Type': 'application/manifest+json',
    'Cache-Control': 'public, max-age=3600',
  }),
);

dayAssetRoutes.get('/event-day/:name', (c) => {
  const name = c.req.param('name');
  if (MOVED.has(name)) return c.redirect(assetUrl(name), 301);
  if (name !== 'jsQR.js') return c.text('Not found', 404, { 'Cache-Control': 'no-store' });
  return c.body(jsQr, 200, { 'Content-Type': JS, 'Cache-Control': 'public, max-age=3600' });
});
