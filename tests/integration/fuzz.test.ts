import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { seedDemo } from '../../src/seed/demo.js';
import { createApiToken } from '../../src/tokens/service.js';
import { createTestApp, ORIGIN, type TestApp } from '../helpers/app.js';
import { harvestForms, routeRegex } from '../helpers/fuzz-forms.js';
import { loadVocabulary, type Vocabulary } from '../helpers/fuzz-input.js';
import {
  buildRequest,
  type Credentials,
  caseArbitrary,
  ROLES,
  type Role,
  type SeenForm,
} from '../helpers/fuzz-requests.js';
import { type IdPools, listRoutes, loadIdPools, poolFor, type Route } from '../helpers/fuzz-targets.js';

/**
 * Every route, every role, hostile input: nothing may answer 5xx or show a stack trace.
 * Deterministic (fixed seed) and bounded (RUNS requests per route) so it stays a normal test.
 */
const SEED = 20261205;
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEMO_EMAILS: Record<Exclude<Role, 'anonymous'>, string> = {
  admin: 'admin@pasok.test',
  facilitator: 'fasilitator@pasok.test',
  buyer: 'pembeli@pasok.test',
  supplier: 'ikm@pasok.test',
};
const STACK =
  /\n\s+at \S.*\(|\bat [\w.<>]+ \(\/|(TypeError|RangeError|ReferenceError|PostgresError|SyntaxError):|node_modules\//;

let t: TestApp;
let pools: IdPools;
let vocab: Vocabulary;
const userIds = new Map<Role, string>();
const creds = new Map<Role, Credentials>();
const seenForms: SeenForm[] = [];
let sent = 0;
const statuses: string[] = [];
let lastError: unknown = null;
/** Requests the database safety net answered: each one is an input path that skipped normalisation or validation. */
const safetyNet: string[] = [];
let current = '';

async function login(role: Role): Promise<void> {
  const userId = userIds.get(role);
  if (!userId) {
    creds.set(role, { cookie: null, token: null });
    return;
  }
  const session = await t.deps.lucia.createSession(userId, { user_agent: 'fuzz' });
  const token = creds.get(role)?.token ?? (await createApiToken(t.db.sql, userId, 'fuzz')).token;
  creds.set(role, { cookie: `${t.deps.lucia.sessionCookieName}=${session.id}`, token });
}

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-11-22T04:00:00Z') });
  await seedDemo(t.db.sql);
  for (const [role, email] of Object.entries(DEMO_EMAILS)) {
    const [u] = await t.db.sql<{ id: string }[]>`select id from users where email = ${email}`;
    userIds.set(role as Role, u!.id);
  }
  for (const role of ROLES) await login(role);
  pools = await loadIdPools(t.db.sql);
  vocab = await loadVocabulary(ROOT, [...(pools.org ?? []), ...(pools.event ?? [])]);
  await harvest();
  // The logger is silent in tests; keep the last unhandled error so a failure names its cause.
  const error = t.deps.logger.error.bind(t.deps.logger);
  t.deps.logger.error = ((obj: unknown, ...rest: unknown[]) => {
    const err = (obj as { err?: unknown })?.err;
    if (err) lastError = err;
    return (error as (...a: unknown[]) => void)(obj, ...rest);
  }) as typeof t.deps.logger.error;
  t.deps.logger.warn = ((obj: unknown) => {
    const err = (obj as { err?: Error })?.err;
    if (err) safetyNet.push(`${current}: ${err.message}`);
  }) as typeof t.deps.logger.warn;
}, 300_000);

afterAll(async () => {
  console.log(`fuzz: ${sent} requests`);
  if (process.env.FUZZ_DEBUG)
    (await import('node:fs')).writeFileSync(process.env.FUZZ_DEBUG, statuses.join('\n'));
  await t?.close();
});

/** Reads every page as every role, keeping the POST forms it shows (with real ids in their actions). */
async function harvest(): Promise<void> {
  const pages = routes.filter(
    (r) => r.method === 'GET' && !/\.(csv|xlsx|ics)$|^\/assets|^\/api\//.test(r.path),
  );
  for (const role of ROLES) {
    for (const page of pages) {
      const path = page.path.replace(/:([A-Za-z_]+)(\{[^}]*\})?/g, (_, name: string) => {
        const pool = pools[poolFor(page.path, name)] ?? [];
        return pool[0] ?? '00000000-0000-4000-8000-000000000000';
      });
      const res = await t.app.request(path, { headers: { cookie: creds.get(role)!.cookie ?? '' } });
      if (!(res.headers.get('content-type') ?? '').includes('html')) continue;
      for (const form of harvestForms(await res.text(), path)) seenForms.push({ ...form, role });
    }
  }
}

function formsFor(route: Route): SeenForm[] {
  if (route.method !== 'POST') return [];
  const re = routeRegex(route.path);
  return seenForms.filter((f) => re.test(f.action.split('?')[0]!));
}

const routes = listRoutes(createApp({ config: { appOrigin: ORIGIN } } as Parameters<typeof createApp>[0]));

describe('hostile input never takes Pasok down', () => {
  it('covers every route of the app, pages and API', () => {
    expect(routes.length).toBeGreaterThan(150);
    expect(routes.some((r) => r.path.startsWith('/api/v1') && r.method === 'PATCH')).toBe(true);
  });

  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s answers below 500, without internals',
    async (_, route) => {
      await fc.assert(
        fc.asyncProperty(caseArbitrary(route, pools, vocab, formsFor(route)), async (fuzz) => {
          const { url, init } = buildRequest(route, fuzz, creds.get(fuzz.role)!, vocab, ORIGIN);
          const shown = `${init.method} ${url.slice(0, 300)} as ${fuzz.role} (${fuzz.body} body)`;
          lastError = null;
          current = shown;
          sent++;
          const res = await t.app.request(url, init);
          if (process.env.FUZZ_DEBUG) {
            const peek = res.status === 422 ? await res.clone().text() : '';
            const errs = [...peek.matchAll(/id="([^"]+)-error" class="field-error">([^<]*)/g)].map(
              (m) => `${m[1]}:${m[2]}`,
            );
            statuses.push(
              `${res.status} ${route.method} ${route.path} ${fuzz.role} ${fuzz.body} ${fuzz.form ? 'F' : '-'} ${errs.join('|').slice(0, 200)} ${JSON.stringify(fuzz.mutations).slice(0, 150)}`,
            );
          }
          const type = res.headers.get('content-type') ?? '';
          const text = /text|json|html/.test(type) ? await res.text() : '';
          if (res.headers.getSetCookie().some((c) => c.startsWith(`${t.deps.lucia.sessionCookieName}=`))) {
            await login(fuzz.role);
          }
          const cause =
            lastError instanceof Error ? `${lastError.message}\n${lastError.stack}` : String(lastError);
          expect(res.status, `${shown}: ${cause}`).toBeLessThan(500);
          expect(STACK.test(text), `${shown} leaks internals:\n${text.slice(0, 2000)}`).toBe(false);
        }),
        { seed: SEED + routes.indexOf(route), numRuns: RUNS, endOnFailure: true },
      );
    },
  );

  it('finds the forms of the app to post back', () => {
    console.log(`fuzz: ${seenForms.length} forms harvested`);
    expect(routes.filter((r) => formsFor(r).length).length).toBeGreaterThan(30);
  });

  it('never leans on the database safety net: input is normalised and validated before SQL', () => {
    if (process.env.FUZZ_DEBUG) for (const hit of safetyNet) console.log(`FUZZNET ${hit.slice(0, 400)}`);
    expect(safetyNet).toEqual([]);
  });
});
