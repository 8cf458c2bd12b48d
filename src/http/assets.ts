import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Hono } from 'hono';
import { APP_ROOT } from '../root.js';

const require = createRequire(import.meta.url);

/** The only static files: htmx and Pico from their npm packages, our own CSS and error-display script. Loaded once, served from our origin. */
const FILES: Record<string, { file: string; type: string }> = {
  'htmx.min.js': {
    file: require.resolve('htmx.org/dist/htmx.min.js'),
    type: 'text/javascript; charset=utf-8',
  },
  'pico.min.css': {
    file: require.resolve('@picocss/pico/css/pico.min.css'),
    type: 'text/css; charset=utf-8',
  },
  'app.css': { file: path.join(APP_ROOT, 'public/app.css'), type: 'text/css; charset=utf-8' },
  'app.js': { file: path.join(APP_ROOT, 'public/app.js'), type: 'text/javascript; charset=utf-8' },
};

const loaded = Object.fromEntries(
  Object.entries(FILES).map(([name, f]) => {
    const body = fs.readFileSync(f.file);
    return [
      name,
      { body, type: f.type, etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"` },
    ];
  }),
);

/** A tiny icon so browsers stop asking for /favicon.ico and logging 404s. */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f6feb"/><text x="16" y="23" font-family="sans-serif" font-size="20" font-weight="700" text-anchor="middle" fill="#fff">P</text></svg>';

export const assetRoutes = new Hono();

assetRoutes.get('/favicon.svg', (c) =>
  c.body(FAVICON_SVG, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400' }),
);

assetRoutes.get('/:name', (c) => {
  const asset = loaded[c.req.param('name')];
  // Plain text on purpose: this sub-app runs before sessions and translations, so the page shell can't render.
  if (!asset) return c.text('Not found', 404, { 'Cache-Control': 'no-store' });
  if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304, { ETag: asset.etag });
  return c.body(new Uint8Array(asset.body), 200, {
    'Content-Type': asset.type,
    'Cache-Control': 'public, max-age=3600',
    ETag: asset.etag,
  });
});
