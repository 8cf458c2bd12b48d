import fc from 'fast-check';
import { sessionHandle } from '../../src/auth/session.js';
import type { Sql } from '../../src/db/client.js';
import { TERM_KINDS } from '../../src/taxonomy/dictionary.js';
import { hostileString } from './fuzz-input.js';

/** One route of the app as Hono lists it: method and pattern (`/events/:id/participants/:pid`). */
export interface Route {
  method: string;
  path: string;
}

/** Every concrete route of the app, once each (middleware-only `ALL` entries left out). */
export function listRoutes(app: { routes: { method: string; path: string }[] }): Route[] {
  const seen = new Map<string, Route>();
  for (const r of app.routes) {
    if (r.method === 'ALL') continue;
    seen.set(`${r.method} ${r.path}`, { method: r.method, path: r.path });
  }
  return [...seen.values()];
}

/** Real values for path params, so some requests reach the handlers' deep ends. */
export type IdPools = Record<string, string[]>;

/**
 * Percent-encodes any JS string, lone surrogates included (as the bytes a careless client would send,
 * `%ED%A0%80`), which `encodeURIComponent` refuses to do.
 */
export function encodeAny(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (pair) {
      out += encodeURIComponent(s.slice(i, i + 2));
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out +=
        `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    } else {
      out += encodeURIComponent(s[i]!);
    }
  }
  return out;
}

/** Reads existing row ids from every table a path param can point at. */
export async function loadIdPools(sql: Sql): Promise<IdPools> {
  const q = async (rows: Promise<{ v: string }[]>) => (await rows).map((r) => String(r.v));
  const sessions = await q(sql`select id as v from user_sessions limit 20`);
  // The busiest event first, and its own participants, tables, requests and runs first, so a path
  // built from the first ids of each pool names rows that belong together.
  const event = await q(sql`
    select e.id as v from events e
    order by (select count(*) from event_participants p where p.event_id = e.id) desc, e.id limit 20`);
  const top = event[0] ?? null;
  const child = (table: string) =>
    q(sql`select id as v from ${sql(table)} order by (event_id = ${top}) desc nulls last, id limit 40`);
  return {
    event,
    pid: await child('event_participants'),
    tid: await child('event_tables'),
    rid: await child('meeting_requests'),
    runId: await child('schedule_runs'),
    meeting: await q(sql`select id as v from meetings limit 40`),
    supplier: await q(sql`select organization_id as v from suppliers limit 40`),
    org: await q(sql`select id as v from organizations limit 40`),
    need: await q(sql`select id as v from needs limit 20`),
    notification: await q(sql`select id as v from notifications limit 20`),
    import: await q(sql`select id as v from imports limit 20`),
    file: await q(sql`select id as v from files limit 20`),
    token: await q(sql`select id as v from api_tokens limit 20`),
    savedSearch: await q(sql`select id as v from saved_searches limit 20`),
    estate: await q(sql`select slug as v from estates limit 20`),
    term: await q(sql`select slug as v from taxonomy_terms limit 40`),
    kind: [...TERM_KINDS],
    handle: sessions.map(sessionHandle),
  };
}

/** Which pool a path param draws from, by its name and the route it sits in. */
export function poolFor(path: string, param: string): string {
  if (param === 'id') {
    if (/meetings\/:id/.test(path)) return 'meeting';
    if (path.startsWith('/api/v1/requests')) return 'rid';
    const first = path.replace(/^\/api\/v1/, '').split('/')[1] ?? '';
    const byPrefix: Record<string, string> = {
      events: 'event',
      needs: 'need',
      suppliers: 'supplier',
      notifications: 'notification',
      imports: 'import',
      files: 'file',
      account: 'token',
      'saved-searches': 'savedSearch',
    };
    return byPrefix[first] ?? 'event';
  }
  const byName: Record<string, string> = {
    orgId: 'org',
    supplierId: 'supplier',
    supplier_id: 'supplier',
    fid: 'file',
    slug: path.includes('taxonomy') ? 'term' : 'estate',
  };
  return byName[param] ?? param;
}

/** Fills every `:param` (and `:param{regex}`) of a route with a real id, a random UUID or something hostile. */
export function pathArbitrary(route: Route, pools: IdPools): fc.Arbitrary<string> {
  const parts = route.path.split('/');
  const arbs = parts.map((part) => {
    const m = /^:([A-Za-z_]+)(\{.*\})?(\.[a-z]+)?$/.exec(part);
    if (!m) {
      // `agenda.ics`-style suffix after a param is handled above; literal parts stay as they are.
      return fc.constant(part);
    }
    const pool = pools[poolFor(route.path, m[1]!)] ?? [];
    const real = pool.length ? fc.constantFrom(...pool) : fc.uuid();
    return fc
      .oneof(
        { weight: 6, arbitrary: real },
        { weight: 2, arbitrary: fc.uuid() },
        { weight: 2, arbitrary: hostileString.map((s) => encodeAny(s.slice(0, 300))) },
      )
      .map((v) => v + (m[3] ?? ''));
  });
  return fc.tuple(...arbs).map((xs) => xs.join('/') || '/');
}
