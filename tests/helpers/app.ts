import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSearch } from '../../search/create.js';
import { createApp } from '../../src/app.js';
import { createLucia } from '../../src/auth/lucia.js';
import { loadConfig } from '../../src/config.js';
import type { Deps } from '../../src/context.js';
import { startJobs } from '../../src/jobs/queue.js';
import { createLogger } from '../../src/logger.js';
import { createMailer } from '../../src/mail/mailer.js';
import { createTestDb, type TestDb } from './db.js';

export const ORIGIN = 'http://pasok.test';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  db: TestDb;
  deps: Deps;
  /** A browser-like client with its own cookie jar and client address. */
  client(opts?: { ip?: string }): TestClient;
  close(): Promise<void>;
}

/** The real app on a fresh database, driven through `app.request()`. */
export async function createTestApp(
  opts: {
    now?: () => Date;
    env?: Record<string, string>;
    /** Share another app's database, as a second instance behind a load balancer. */
    db?: TestDb;
  } = {},
): Promise<TestApp> {
  const db = opts.db ?? (await createTestDb());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pasok-app-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    APP_ORIGIN: ORIGIN,
    TRUST_PROXY: 'true',
    LOG_LEVEL: 'silent',
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    ...opts.env,
  });
  const logger = createLogger('silent');
  const deps: Deps = {
    sql: db.sql,
    config,
    logger,
    lucia: createLucia(db.authSql, config),
    clock: opts.now ?? (() => new Date()),
    jobs: await startJobs(db.url, logger, { workers: false }),
    mailer: createMailer({ from: config.mailFrom, sql: db.sql, logger }),
    search: createSearch(db.sql, config, logger, { waitForIndex: true }).engine,
  };
  const app = createApp(deps);
  let ipCounter = 0;
  return {
    app,
    db,
    deps,
    client: (o = {}) =>
      new TestClient(app, o.ip ?? `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`),
    close: async () => {
      await deps.jobs?.stop();
      if (!opts.db) await db.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type Body = Record<string, string | string[]>;

export class TestClient {
  readonly cookies = new Map<string, string>();
  constructor(
    private readonly app: ReturnType<typeof createApp>,
    readonly ip: string,
  ) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return { 'x-forwarded-for': this.ip, ...(cookie ? { cookie } : {}), ...extra };
  }

  private store(res: Response): Response {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /max-age=0/i.test(a.trim())) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.store(await this.app.request(path, { headers: this.headers(headers) }));
  }

  /** Posts a urlencoded form the way a same-origin browser does (with an Origin header). */
  async post(path: string, body: Body = {}, headers: Record<string, string> = {}): Promise<Response> {
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(body)) for (const x of Array.isArray(v) ? v : [v]) form.append(k, x);
    return this.store(
      await this.app.request(path, {
        method: 'POST',
        body: form,
        headers: this.headers({
          'content-type': 'application/x-www-form-urlencoded',
          origin: ORIGIN,
          ...headers,
        }),
      }),
    );
  }

  async login(email: string, password: string): Promise<Response> {
    return this.post('/login', { email, password });
  }
}

/** Calls the JSON API with a bearer token. */
export async function api(
  app: ReturnType<typeof createApp>,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  return app.request(path, {
    method,
    headers,
    ...(opts.body !== undefined
      ? { body: typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body) }
      : {}),
  });
}
