import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type TestApp } from '../helpers/app.js';
import {
  ACTORS,
  buildOfficeWorld,
  type OfficeWorld,
  sendMultipart,
  snapshotDb,
  type Who,
} from '../helpers/cross-office.js';
import type { FormBody, Probe } from '../helpers/cross-office-matrix.js';
import { MATRIX } from '../helpers/cross-office-routes.js';
import { PNG } from '../unit/files/fixtures.js';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let t: TestApp;
let w: OfficeWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildOfficeWorld(t);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

/** Sends the probe's request as `who`: bearer token for /api/v1, the signed-in browser otherwise. */
async function send(who: Who, route: string, p: Probe): Promise<Response> {
  const method = route.split(' ')[0]!;
  const path = p.path(w);
  const body = p.body?.(w);
  if (path.startsWith('/api/')) {
    const token = who === 'anon' ? undefined : w.users[who].token;
    return api(t.app, method, path, { ...(token ? { token } : {}), ...(body ? { body } : {}) });
  }
  const client = w.clients[who];
  if (p.file)
    return sendMultipart(t, client, path, (body ?? {}) as Record<string, string>, p.file, {
      name: 'bengkel.png',
      type: 'image/png',
      bytes: PNG,
    });
  return client.post(path, (body ?? {}) as FormBody);
}

/** 401/403/404, a page's redirect of an anonymous visitor to the login form, or the probe's own refusal. */
function refused(res: Response, who: Who, p: Probe, api: boolean): boolean {
  if ([401, 403, 404].includes(res.status)) return true;
  if (p.refusedAlso?.status === res.status) return true;
  return (
    !api && who === 'anon' && res.status === 303 && (res.headers.get('location') ?? '').startsWith('/login')
  );
}

function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
}

describe('cross-office matrix', () => {
  it('covers every mutating route of the app, and nothing else', () => {
    const routes = [
      ...new Set(t.app.routes.filter((r) => MUTATING.has(r.method)).map((r) => `${r.method} ${r.path}`)),
    ];
    const table = MATRIX.map((e) => e.route);
    expect(
      routes.filter((r) => !table.includes(r)),
      'routes missing from the matrix',
    ).toEqual([]);
    expect(
      table.filter((r) => !routes.includes(r)),
      'matrix rows without a route',
    ).toEqual([]);
    expect(new Set(table).size, 'each route once').toBe(table.length);
    for (const e of MATRIX) expect(!!e.self !== !!e.probes?.length, `${e.route}: self xor probes`).toBe(true);
  });

  for (const entry of MATRIX) {
    for (const p of entry.probes ?? []) {
      const denied = ACTORS.filter((a) => !p.may.includes(a));
      it(`${entry.route} on ${p.on}: refused to ${denied.join(', ')}`, async () => {
        const isApi = entry.route.split(' ')[1]!.startsWith('/api/');
        let before = await snapshotDb(t.db.sql);
        for (const who of denied) {
          const res = await send(who, entry.route, p);
          const text = await res.text();
          if (!p.silent)
            expect(refused(res, who, p, isApi), `${who} got ${res.status}: ${text.slice(0, 300)}`).toBe(true);
          expect(res.status, `${who}: no server error`).toBeLessThan(500);
          const after = await snapshotDb(t.db.sql);
          expect(changedTables(before, after), `${who} changed data`).toEqual([]);
          before = after;
        }
        if (p.proof) {
          const res = await send(p.proof, entry.route, p);
          expect(
            res.status,
            `${p.proof} (may) got ${res.status}: ${(await res.text()).slice(0, 300)}`,
          ).toBeLessThan(400);
        }
      });
    }
  }
});
