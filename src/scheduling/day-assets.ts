import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const JS = 'text/javascript; charset=utf-8';
/** Event-day files: jsQR only for the scan page, the offline agenda's worker and manifest. */
const FILES: Record<string, { file: string; type: string }> = {
  'scan.js': { file: path.join(root, 'public/scan.js'), type: JS },
  'jsQR.js': { file: require.resolve('jsqr/dist/jsQR.js'), type: JS },
  'sw-register.js': { file: path.join(root, 'public/sw-register.js'), type: JS },
  'event-day.css': { file: path.join(root, 'public/event-day.css'), type: 'text/css; charset=utf-8' },
};
const load = (f: string) => new Uint8Array(fs.readFileSync(f));
const loaded = Object.fromEntries(
  Object.entries(FILES).map(([n, f]) => [n, { body: load(f.file), type: f.type }]),
);
const worker = load(path.join(root, 'public/sw.js'));
const manifest = load(path.join(root, 'public/manifest.webmanifest'));

/**
 * Served from our origin before sessions load. The worker lives at /sw.js so its scope can be the
 * whole site (it only ever caches agenda and badge pages) and is revalidated on every visit, so a
 * fix reaches phones at once; the manifest names the app for "add to home screen".
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
  const asset = loaded[c.req.param('name')];
  if (!asset) return c.text('Not found', 404, { 'Cache-Control': 'no-store' });
  return c.body(asset.body, 200, { 'Content-Type': asset.type, 'Cache-Control': 'public, max-age=3600' });
});
