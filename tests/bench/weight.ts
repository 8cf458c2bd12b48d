/**
 * Weight benchmark: boots the real server on the demo data (as `npm start` does), logs in as each
 * demo role and prints the bytes on the wire per page: a first visit (HTML plus every linked
 * asset) and a repeat visit (HTML only: fingerprinted assets are cached `immutable`). Then it
 * loads the supplier search results page and the JSON API for the same query side by side, 50
 * connections each, and prints requests per second. Prints figures, asserts nothing.
 * Run with `npm run bench:weight`. Options: BENCH_SECONDS (default 8) per load run; BENCH_SEARCH_ONLY=1
 * skips the per-role weights and runs only the side-by-side search load.
 */
import http from 'node:http';
import { DEMO_PASSWORD, DEMO_USERS } from '../e2e/helpers/auth.js';
import { type RunningServer, startServer } from '../e2e/helpers/server.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 50;
const SEARCH = 'q=bubut';
const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });

interface Fetched {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Status line, headers and body as they crossed the wire. */
  wire: number;
  body: Buffer;
}

function get(
  base: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Fetched> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: body ? 'POST' : 'GET', agent, headers: { 'accept-encoding': 'br, gzip', ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const buf = Buffer.concat(chunks);
          const head = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n${res.rawHeaders
            .map((v, i) => (i % 2 ? `${v}\r\n` : `${v}: `))
            .join('')}\r\n`;
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            wire: head.length + buf.length,
            body: buf,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function login(server: RunningServer, email: string): Promise<string> {
  const res = await get(
    server.url,
    '/login',
    { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
    new URLSearchParams({ email, password: DEMO_PASSWORD }).toString(),
  );
  const cookie = (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  if (!cookie.includes('session')) throw new Error(`login as ${email} failed: ${res.status}`);
  return cookie;
}

const decoded = async (f: Fetched) => {
  const zlib = await import('node:zlib');
  const enc = f.headers['content-encoding'];
  return (
    enc === 'br' ? zlib.brotliDecompressSync(f.body) : enc === 'gzip' ? zlib.gunzipSync(f.body) : f.body
  ).toString();
};

/** The pages of the role's menu, plus home. */
function menuLinks(html: string): string[] {
  const menu = /<details class="menu">([\s\S]*?)<\/details>/.exec(html)?.[1] ?? '';
  return ['/', ...[...menu.matchAll(/<a href="(\/[^"]*)"/g)].map((m) => m[1] as string)];
}

function assetLinks(html: string): string[] {
  return [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1] as string);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function weighRole(server: RunningServer, role: string, email: string | null) {
  const cookie = email ? await login(server, email) : '';
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const home = await get(server.url, '/', headers);
  const pages = [...new Set([...menuLinks(await decoded(home)), '/suppliers?q=bubut'])];
  console.log(`\n${role}`);
  console.log('  page                                   HTML raw   HTML wire   first visit   repeat visit');
  let worstFirst = 0;
  let worstRepeat = 0;
  for (const path of pages) {
    const page = await get(server.url, path, headers);
    if (page.status !== 200) continue;
    const html = await decoded(page);
    let assets = 0;
    for (const a of assetLinks(html)) assets += (await get(server.url, a, headers)).wire;
    const first = page.wire + assets;
    worstFirst = Math.max(worstFirst, first);
    worstRepeat = Math.max(worstRepeat, page.wire);
    console.log(
      `  ${path.padEnd(38)} ${kb(Buffer.byteLength(html)).padStart(9)} ${kb(page.wire).padStart(10)} ${kb(first).padStart(12)} ${kb(page.wire).padStart(13)}`,
    );
  }
  console.log(
    `  worst: first visit ${kb(worstFirst)} (target ≤ 100 KB), repeat ${kb(worstRepeat)} (target ≤ 30 KB)`,
  );
}

/** 50 loops, each issuing the next request when its previous one finished, for SECONDS. */
async function load(base: string, path: string, headers: Record<string, string>): Promise<number> {
  let done = 0;
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < until) {
        // A keep-alive socket the server closed as we reused it: not an answer, ask again.
        const res = await get(base, path, headers).catch((err: NodeJS.ErrnoException) => {
          if (err.code === 'ECONNRESET') return null;
          throw err;
        });
        if (!res) continue;
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
        done++;
      }
    }),
  );
  return done / SECONDS;
}

/** A bearer token made through the account page, as a user would. */
async function apiToken(server: RunningServer, cookie: string): Promise<string> {
  const res = await get(
    server.url,
    '/account/tokens',
    { cookie, 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
    new URLSearchParams({ token_name: 'bench' }).toString(),
  );
  const token = /<code class="token">([^<]+)<\/code>/.exec(await decoded(res))?.[1];
  if (!token) throw new Error(`token creation failed: ${res.status}`);
  return token;
}

/** The machine may be busy booting other servers: try a few times before giving up. */
async function boot(): Promise<RunningServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServer();
    } catch (err) {
      if (attempt >= 3) throw err;
      console.error(`boot attempt ${attempt} failed, retrying`);
    }
  }
}

async function main() {
  const server = await boot();
  try {
    if (!process.env.BENCH_SEARCH_ONLY) {
      await weighRole(server, 'anonymous visitor', null);
      await weighRole(server, 'IKM supplier', DEMO_USERS.supplier.email);
      await weighRole(server, 'buyer', DEMO_USERS.buyer.email);
      await weighRole(server, 'facilitator', DEMO_USERS.facilitator.email);
      await weighRole(server, 'admin', DEMO_USERS.admin.email);
    }

    const cookie = await login(server, DEMO_USERS.buyer.email);
    const token = await apiToken(server, cookie);
    const html = await get(server.url, `/suppliers?${SEARCH}`, { cookie });
    const json = await get(server.url, `/api/v1/suppliers?${SEARCH}`, { authorization: `Bearer ${token}` });
    console.log(
      `\nsearch "${SEARCH}", ${CONNECTIONS} connections, ${SECONDS} s each, brotli accepted (a browser):`,
    );
    console.log(
      `  HTML page ${kb((await decoded(html)).length)} raw, ${kb(html.wire)} wire; JSON ${kb((await decoded(json)).length)} raw, ${kb(json.wire)} wire`,
    );
    for (let round = 1; round <= 2; round++) {
      const pageRps = await load(server.url, `/suppliers?${SEARCH}`, { cookie });
      const apiRps = await load(server.url, `/api/v1/suppliers?${SEARCH}`, {
        authorization: `Bearer ${token}`,
      });
      console.log(
        `  round ${round}: HTML ${pageRps.toFixed(0)} req/s, API ${apiRps.toFixed(0)} req/s, ratio ${(pageRps / apiRps).toFixed(2)} (target ≥ 0.7)`,
      );
    }
  } finally {
    agent.destroy();
    await server.stop();
  }
}

await main();
