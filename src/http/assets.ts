import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The only static files: htmx and Pico from their npm packages, our own CSS. Loaded once, served from our origin. */
const FILES: Record<string, { file: string; type: string }> = {
  'htmx.min.js': {
    file: require.resolve('htmx.org/dist/htmx.min.js'),
    type: 'text/javascript; charset=utf-8',
  },
  'pico.min.css': {
    file: require.resolve('@picocss/pico/css/pico.min.css'),
    type: 'text/css; charset=utf-8',
  },
  'app.css': { file: path.join(root, 'public/app.css'), type: 'text/css; charset=utf-8' },
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

export const assetRoutes = new Hono();

assetRoutes.get('/:name', (c) => {
  const asset = loaded[c.req.param('name')];
  if (!asset) return c.notFound();
  if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304, { ETag: asset.etag });
  return c.body(new Uint8Array(asset.body), 200, {
    'Content-Type': asset.type,
    'Cache-Control': 'public, max-age=3600',
    ETag: asset.etag,
  });
});
