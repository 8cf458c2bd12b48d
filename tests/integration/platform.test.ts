import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresEngine } from '../../search/postgres.js';
import { createApp } from '../../src/app.js';
import { createLucia } from '../../src/auth/lucia.js';
import { loadConfig } from '../../src/config.js';
import { connectDb } from '../../src/db/client.js';
import { listMigrations, migrate } from '../../src/db/migrate.js';
import { handleError } from '../../src/http/error-handler.js';
import { createLogger } from '../../src/logger.js';
import { createMailer } from '../../src/mail/mailer.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createTestDb } from '../helpers/db.js';
import { makeUser } from '../helpers/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('health', () => {
  it('reports ok with the database up', async () => {
    const res = await t.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', db: 'up' });
  });

  it('is ready for traffic only once the search index has loaded', async () => {
    const search = new PostgresEngine(t.db.sql);
    const app = createApp({ ...t.deps, search });
    const before = await app.request('/readyz');
    expect(before.status).toBe(503);
    expect(await before.json()).toMatchObject({ status: 'starting', db: 'up', search: { index: 'idle' } });
    expect((await app.request('/healthz')).status).toBe(200);
    await search.start();
    const after = await app.request('/readyz');
    expect(after.status).toBe(200);
    expect(await after.json()).toMatchObject({ status: 'ready', search: { index: 'ready' } });
  });

  it('answers 503 when the database is down', async () => {
    const config = loadConfig({
      APP_ORIGIN: 'http://pasok.test',
      DATABASE_URL: 'postgres://x:y@127.0.0.1:1/none',
    });
    const db = connectDb('postgres://x:y@127.0.0.1:1/none');
    const app = createApp({
      sql: db.sql,
      config,
      logger: createLogger('silent'),
      lucia: createLucia(db.authSql, config),
      clock: () => new Date(),
      jobs: null,
      mailer: createMailer({
        from: config.mailFrom,
        sql: db.sql,
        logger: createLogger('silent'),
      }),
    });
    const res = await app.request('/healthz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'error', db: 'down' });
    await db.close(0);
  });
});

describe('HTTP conventions', () => {
  it('sends security headers with a CSP that forbids inline scripts and framing', async () => {
    const res = await t.app.request('/login');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('returns the full page normally and only the content for htmx, always with Vary: HX-Request', async () => {
    const full = await t.app.request('/login');
    const fullHtml = await full.text();
    expect(fullHtml.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(fullHtml).toContain('<nav');
    expect(full.headers.get('vary')).toContain('HX-Request');

    const partial = await t.app.request('/login', { headers: { 'hx-request': 'true' } });
    const partialHtml = await partial.text();
    expect(partialHtml).not.toContain('<nav');
    expect(partialHtml).toContain('id="login"');
    expect(partial.headers.get('vary')).toContain('HX-Request');

    const boosted = await t.app.request('/login', {
      headers: { 'hx-request': 'true', 'hx-boosted': 'true' },
    });
    expect(await boosted.text()).toContain('<nav');
  });

  it('serves htmx and the CSS from our own origin', async () => {
    const html = await (await t.app.request('/login')).text();
    expect(html).toMatch(/src="\/assets\/htmx\.min\.[0-9a-f]{10}\.js"/);
    expect(html).not.toMatch(/https?:\/\/(unpkg|cdn|jsdelivr)/);
    const js = await t.app.request('/assets/htmx.min.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('javascript');
    expect((await t.app.request('/assets/pico.min.css')).status).toBe(200);
    expect((await t.app.request('/assets/../package.json')).status).toBe(404);
  });

  it('renders a 404 page without internals', async () => {
    const res = await t.app.request('/no/such/page');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Halaman atau data tidak ditemukan.');
  });

  it('renders a 500 page with a request id and no stack trace', async () => {
    const app = new Hono();
    app.use('*', async (c, next) => {
      c.set('deps' as never, t.deps as never);
      c.set('requestId' as never, 'req-123' as never);
      c.set('user' as never, null as never);
      await next();
    });
    app.get('/boom', () => {
      throw new Error('secret internal detail');
    });
    app.onError(handleError as never);
    const res = await app.request('/boom');
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).not.toContain('secret internal detail');
    expect(html).toContain('req-123');
  });
});

describe('language', () => {
  it('defaults to Bahasa Indonesia', async () => {
    const html = await (await t.app.request('/login', { headers: { 'accept-language': 'en-US' } })).text();
    expect(html).toContain('<html lang="id">');
    expect(html).toContain('Kata sandi');
  });

  it('switches to English with a cookie, and back', async () => {
    const c = t.client();
    const res = await c.post('/lang', { lang: 'en', next: '/login' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login');
    const html = await (await c.get('/login')).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Password');
    await c.post('/lang', { lang: 'id', next: '/login' });
    expect(await (await c.get('/login')).text()).toContain('<html lang="id">');
  });

  it("remembers the choice in the user's profile for their next login elsewhere", async () => {
    const u = await makeUser(t.db.sql, { name: 'Komang' });
    const c = t.client();
    await c.login(u.email, u.password);
    await c.post('/lang', { lang: 'en', next: '/' });
    const [row] = await t.db.sql`select locale from users where id = ${u.user.id}`;
    expect(row?.locale).toBe('en');
    const other = t.client();
    await other.login(u.email, u.password);
    expect(await (await other.get('/')).text()).toContain('Hello, Komang');
  });

  it('localises validation errors in English', async () => {
    const c = t.client();
    await c.post('/lang', { lang: 'en' });
    const res = await c.post('/register', { name: 'X', email: 'nope', password: 'a', password_confirm: 'b' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Enter a valid email address.');
  });
});

describe('migrations', () => {
  it('applies every file once and is idempotent, also when instances race', async () => {
    const db = await createTestDb();
    try {
      await db.sql`drop schema public cascade`;
      await db.sql`create schema public`;
      const results = await Promise.all([migrate(db.sql), migrate(db.sql), migrate(db.sql)]);
      const applied = results.flat();
      expect(applied.sort()).toEqual(listMigrations().map((m) => `${m.version}_${m.name}`));
      expect(await migrate(db.sql)).toEqual([]);
      const rows = await db.sql`select version from schema_migrations order by version`;
      expect(rows.map((r) => r.version)).toEqual(listMigrations().map((m) => m.version));
      const ext = await db.sql`select extname from pg_extension order by extname`;
      expect(ext.map((r) => r.extname)).toEqual(expect.arrayContaining(['cube', 'earthdistance', 'pg_trgm']));
    } finally {
      await db.drop();
    }
  });
});

describe('configuration', () => {
  it('rejects invalid settings with a message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ APP_ORIGIN: 'not a url' })).toThrow(/APP_ORIGIN/);
  });

  it('marks cookies Secure when the public origin is https', () => {
    expect(loadConfig({ APP_ORIGIN: 'https://pasok.example.id' }).secureCookies).toBe(true);
    expect(loadConfig({}).secureCookies).toBe(false);
  });
});
