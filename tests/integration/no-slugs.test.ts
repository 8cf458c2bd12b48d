import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMailFiles, readMailFile } from '../../src/mail/mailer.js';
import { seedDemo } from '../../src/seed/demo.js';
import { pathPattern } from '../e2e/helpers/crawl.js';
import { createTestApp, type TestApp, type TestClient } from '../helpers/app.js';

/**
 * Labels, never slugs: every page each demo role can reach from `/`, and every export linked from
 * those pages (CSV, XLSX, ICS, e-mail, JSON outside the API), in both languages, must show coded
 * values by their labels. A slug is any taxonomy or estate slug, or a multi-word enum code from a
 * check constraint in migrations/ (`in_review`, `structural-steel-fabrication`). Attribute values,
 * URLs and query strings are not visible text and are ignored.
 */

const PASSWORD = 'pasok-demo-2026';
const ROLES: [string, string | null][] = [
  ['anonymous', null],
  ['supplier', 'ikm@pasok.test'],
  ['buyer', 'pembeli@pasok.test'],
  ['facilitator', 'fasilitator@pasok.test'],
  ['admin', 'admin@pasok.test'],
];
/** Workflow codes that live in TypeScript rather than in a check constraint. */
const EXTRA_CODES = ['in_review', 'no_show', 'walk_in', 'not_interested'];
/** Exports staff can download even when no page links them. */
const STAFF_EXPORTS = [
  '/imports/export.csv',
  '/imports/export.xlsx',
  '/reports/export.csv',
  '/reports/export.xlsx',
];
/** Pages and files fetched per role and language at most, so a bug cannot make the crawl endless. */
const MAX_VISITS = 90;
/** Never followed: leaving the session, switching language, static assets, the JSON API, uploaded files. */
// `/account/data.json` is the UU 27/2022 portability export: machine-readable like the API, so it
// keeps codes (a person's data must be re-usable by another system), and is skipped as the API is.
const SKIP =
  /^\/(logout|lang|assets|static|api|healthz|metrics)\b|^\/account\/data\.json$|\.(pdf|png|jpe?g|webp|svg|css|js|zip|dxf|dwg|step|stp|igs|iges)$|\/files\//;

interface Vocabulary {
  /** Slugs with a separator: never legitimate in visible text. */
  compound: RegExp;
  /** One-word slugs ("lathe"): an offender only when a whole text node is the slug ("2 × lathe"). */
  single: Set<string>;
  /** Labels that happen to contain a slug ("… and roll-forming of metal"), any case: removed before matching. */
  labelsWithSlugs: RegExp | null;
}

let t: TestApp;
let vocab: Vocabulary;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Enum codes from the check constraints of every migration (one-word ones count only as a whole text node). */
function enumCodes(): string[] {
  const dir = path.resolve('migrations');
  const codes = new Set<string>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.sql'))) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const list of text.matchAll(/\bin\s*\(((?:\s*'[^']*'\s*,?)+)\)/gi)) {
      for (const [, v] of list[1]!.matchAll(/'([^']*)'/g))
        if (/^[a-z]+([_-][a-z]+)*$/.test(v!)) codes.add(v!);
    }
  }
  return [...codes, ...EXTRA_CODES];
}

async function loadVocabulary(): Promise<Vocabulary> {
  const terms = await t.db.sql<{ kind: string; slug: string; labelId: string; labelEn: string }[]>`
    select kind, slug, label_id, label_en from taxonomy_terms`;
  const estates = await t.db.sql<{ slug: string; name: string }[]>`select slug, name from estates`;
  const labels = new Set([...terms.flatMap((x) => [x.labelId, x.labelEn]), ...estates.map((e) => e.name)]);
  const codes = terms.filter((x) => x.kind !== 'kbli').map((x) => x.slug);
  const slugs = [...codes, ...estates.map((e) => e.slug), ...enumCodes()].filter(
    (s) => !labels.has(s) && s.length > 2,
  );
  const compound = [...new Set(slugs.filter((s) => /[-_]/.test(s)))].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\w-])(${compound.map(escapeRe).join('|')})(?![\\w-])`, 'g');
  const withSlugs = [...labels]
    .filter((l) => l.toLowerCase().search(pattern) >= 0)
    .sort((a, b) => b.length - a.length);
  return {
    compound: pattern,
    single: new Set(slugs.filter((s) => !/[-_]/.test(s))),
    labelsWithSlugs: withSlugs.length ? new RegExp(withSlugs.map(escapeRe).join('|'), 'gi') : null,
  };
}

/** Drops URLs, paths and query strings from a piece of visible text. */
function withoutUrls(text: string): string {
  return text
    .replace(/\S*:\/\/\S*/g, ' ')
    .replace(/(^|\s)\/\S+/g, ' ')
    .replace(/\S*[?&][\w.-]+=\S*/g, ' ');
}

/** The slugs a text node (or cell) shows. */
function slugsIn(text: string): string[] {
  let clean = withoutUrls(text);
  if (vocab.labelsWithSlugs) clean = clean.replace(vocab.labelsWithSlugs, ' ');
  const found = [...clean.matchAll(vocab.compound)].map((m) => m[1]!);
  const whole = clean.trim().replace(/^\d+\s*×\s*/, '');
  if (vocab.single.has(whole)) found.push(whole);
  return found;
}

function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

/** Text nodes of an HTML document: scripts, styles and comments removed, tags (and their attributes) dropped. */
function visibleText(html: string): string[] {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, '')
    .split(/<[^>]*>/)
    .map((s) => decodeEntities(s).trim())
    .filter(Boolean);
}

function links(html: string): string[] {
  return [...html.matchAll(/\shref="([^"]+)"/g)].map((m) => decodeEntities(m[1]!));
}

/** Cells of a CSV in either separator the writer offers (`;` for Indonesian Excel, or `,`). */
function csvCells(text: string): string[] {
  const body = text.replace(/^\uFEFF/, '');
  const delimiter = (body.split(/\r?\n/, 1)[0] ?? '').includes(';') ? ';' : ',';
  return (parse(body, { delimiter, relax_column_count: true, relax_quotes: true }) as string[][]).flat();
}

async function xlsxCells(buf: ArrayBuffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf);
  const cells: string[] = [];
  for (const ws of wb.worksheets) {
    ws.name && cells.push(ws.name);
    ws.eachRow((row) => row.eachCell((cell) => cells.push(cell.text ?? '')));
  }
  return cells;
}

/** Calendar fields a person reads; UID, URL and the like are identifiers. */
function icsText(text: string): string[] {
  return text
    .replace(/\r?\n[ \t]/g, '')
    .split(/\r?\n/)
    .filter((l) => /^(SUMMARY|DESCRIPTION|LOCATION|X-WR-CALNAME)[:;]/.test(l))
    .map((l) =>
      l
        .slice(l.indexOf(':') + 1)
        .replace(/\\n/g, '\n')
        .replace(/\\([,;\\])/g, '$1'),
    );
}

/** The readable parts of a stored e-mail: subject and the quoted-printable text decoded. */
function emlText(raw: string): string[] {
  const qp = raw.replace(/=\r?\n/g, '').replace(/(?:=[0-9A-F]{2})+/g, (m) =>
    Buffer.from(
      m
        .split('=')
        .slice(1)
        .map((h) => Number.parseInt(h, 16)),
    ).toString('utf8'),
  );
  return qp
    .split(/\r?\n/)
    .filter((l) => !/^[\w-]+: /.test(l) || /^Subject: /.test(l))
    .flatMap((l) => (l.includes('<') ? visibleText(l) : [l]));
}

function jsonStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(jsonStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(jsonStrings);
  return [];
}

/** The visible text of one response, by content type. */
async function readableText(res: Response): Promise<{ kind: string; text: string[]; html?: string }> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('text/html')) {
    const html = await res.text();
    return { kind: 'page', text: visibleText(html), html };
  }
  if (type.includes('spreadsheetml')) return { kind: 'xlsx', text: await xlsxCells(await res.arrayBuffer()) };
  if (type.includes('text/csv')) return { kind: 'csv', text: csvCells(await res.text()) };
  if (type.includes('text/calendar')) return { kind: 'ics', text: icsText(await res.text()) };
  if (type.includes('message/rfc822')) return { kind: 'eml', text: emlText(await res.text()) };
  if (type.includes('json')) return { kind: 'json', text: jsonStrings(await res.json().catch(() => null)) };
  return { kind: 'other', text: [] };
}

interface Offence {
  url: string;
  kind: string;
  slug: string;
  context: string;
}

/** Breadth-first over same-origin GET links from `/`, one visit per kind of page, bounded. */
async function crawl(
  client: TestClient,
  start: readonly string[],
): Promise<{ visited: string[]; offences: Offence[] }> {
  const seen = new Set<string>(start.map(pathPattern));
  const queue = [...start];
  const visited: string[] = [];
  const offences: Offence[] = [];
  while (queue.length > 0 && visited.length < MAX_VISITS) {
    const target = queue.shift()!;
    const res = await client.get(target);
    if (res.status !== 200) {
      await res.body?.cancel();
      continue;
    }
    const { kind, text, html } = await readableText(res);
    visited.push(`${kind} ${target}`);
    for (const piece of text) {
      for (const slug of slugsIn(piece))
        offences.push({ url: target, kind, slug, context: piece.slice(0, 120) });
    }
    for (const href of html ? links(html) : []) {
      const url = new URL(href, `http://pasok.test${target}`);
      if (url.host !== 'pasok.test' || SKIP.test(url.pathname)) continue;
      const key = pathPattern(url.pathname);
      if (seen.has(key)) continue;
      seen.add(key);
      queue.push(url.pathname + url.search);
    }
  }
  return { visited, offences };
}

function summary(offences: Offence[]): string {
  const byKey = new Map<string, Offence>();
  for (const o of offences) byKey.set(`${o.kind} ${pathPattern(o.url.split('?')[0]!)} ${o.slug}`, o);
  return [...byKey.entries()].map(([k, o]) => `${k}  «${o.context}»`).join('\n');
}

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db.sql);
  vocab = await loadVocabulary();
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('labels, never slugs', () => {
  it('recognises slugs in visible text but not in attributes, URLs or labels', () => {
    expect(slugsIn('Mesin: milling-machine')).toEqual(['milling-machine']);
    expect(slugsIn('2 × lathe')).toEqual(['lathe']);
    expect(slugsIn('Bengkel bubut, lathe dan bor')).toEqual([]);
    expect(slugsIn('Status: in_review')).toEqual(['in_review']);
    expect(
      visibleText('<a href="/search?process=structural-steel-fabrication" title="in_review">Fabrikasi</a>'),
    ).toEqual(['Fabrikasi']);
    expect(slugsIn('lihat /suppliers?equipment=milling-machine')).toEqual([]);
    expect(slugsIn('Mesin bubut, Mesin frais')).toEqual([]);
  });

  for (const locale of ['id', 'en'] as const) {
    for (const [role, email] of ROLES) {
      it(`shows labels to the ${role} in ${locale} on every page and export`, async () => {
        const client = t.client();
        client.cookies.set('lang', locale);
        if (email) expect((await client.login(email, PASSWORD)).status).toBe(303);
        client.cookies.set('lang', locale);
        const staff = role === 'facilitator' || role === 'admin';
        const { visited, offences } = await crawl(client, staff ? ['/', ...STAFF_EXPORTS] : ['/']);
        if (process.env.NO_SLUGS_VERBOSE)
          console.log(`[no-slugs] ${role}/${locale} visited:\n${visited.join('\n')}`);
        if (offences.length) console.log(`[no-slugs] ${role}/${locale}:\n${summary(offences)}`);
        expect(visited.length).toBeGreaterThan(email ? 5 : 2);
        expect(summary(offences)).toBe('');
      }, 300_000);
    }
  }

  it('shows labels on every demo supplier profile, not just the one the crawl visits', async () => {
    const ids = await t.db.sql<
      { id: string }[]
    >`select organization_id as id from suppliers order by organization_id limit 80`;
    const client = t.client();
    expect((await client.login('admin@pasok.test', PASSWORD)).status).toBe(303);
    const offences: Offence[] = [];
    for (const locale of ['id', 'en']) {
      client.cookies.set('lang', locale);
      for (const { id } of ids) {
        const res = await client.get(`/suppliers/${id}`);
        expect(res.status).toBe(200);
        for (const piece of visibleText(await res.text())) {
          for (const slug of slugsIn(piece))
            offences.push({ url: `/suppliers/${id}`, kind: 'page', slug, context: piece });
        }
      }
    }
    expect(ids.length).toBeGreaterThan(10);
    expect(summary(offences)).toBe('');
  }, 300_000);

  it('shows labels in every e-mail written while the demo was built and crawled', async () => {
    const offences: Offence[] = [];
    for (const mail of await listMailFiles(t.db.sql, 500)) {
      const raw = (await readMailFile(t.db.sql, mail.name)) ?? '';
      for (const piece of emlText(raw)) {
        for (const slug of slugsIn(piece))
          offences.push({ url: mail.name, kind: 'eml', slug, context: piece });
      }
    }
    expect(summary(offences)).toBe('');
  });
});
