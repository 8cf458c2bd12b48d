import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.js';
import { IMPORT_LIMITS } from '../../src/imports/limits.js';
import { runImportJob, runQueuedImports, STALE_MS } from '../../src/imports/runner.js';
import { hostileFiles } from '../bench/hostile-files.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { makeUserWithToken } from '../helpers/factories.js';

let t: TestApp;
let fac: Awaited<ReturnType<typeof makeUserWithToken>>;

beforeAll(async () => {
  t = await createTestApp();
  fac = await makeUserWithToken(t.db.sql, {
    platformRole: 'facilitator',
    org: { name: 'Disperin Hostil', kind: 'facilitator' },
  });
});

afterAll(async () => {
  await t?.close();
});

type ErrorBody = { error: { code: string; message: string; fields: Record<string, string> } };

function apiUpload(bytes: Uint8Array, filename: string, opts: { lang?: string; commit?: boolean } = {}) {
  const form = new FormData();
  form.append('file', new Blob([bytes]), filename);
  if (opts.commit) form.append('commit', 'true');
  return t.app.request('/api/v1/imports', {
    method: 'POST',
    body: form,
    headers: {
      authorization: `Bearer ${fac.token}`,
      ...(opts.lang ? { cookie: `lang=${opts.lang}` } : {}),
    },
  });
}

const csvRows = (n: number, line: (i: number) => string, head = 'Nama IKM') =>
  new TextEncoder().encode(`${head}\n${Array.from({ length: n }, (_, i) => line(i)).join('\n')}\n`);

describe('import limits', () => {
  const overLimit: [string, Uint8Array, string][] = [
    ['rows', csvRows(IMPORT_LIMITS.rows + 1, (i) => `CV ${i}`), '20.000|20,000'],
    ['columns', csvRows(1, () => `CV A${',x'.repeat(IMPORT_LIMITS.columns)}`), '60'],
    ['cellChars', csvRows(1, () => 'a'.repeat(IMPORT_LIMITS.cellChars + 1)), '5.000|5,000'],
  ];
  const byName = new Map(hostileFiles().map((f) => [f.filename, f.bytes]));
  overLimit.push(['decompressedBytes', byName.get('bomb.xlsx')!, '50 MB']);
  overLimit.push(['sharedStrings', byName.get('shared.xlsx')!, '1.200.000|1,200,000']);

  for (const [limit, bytes, figure] of overLimit) {
    it(`refuses a file over the ${limit} limit with a 422 naming it, in Indonesian and in English`, async () => {
      for (const lang of ['id', 'en'] as const) {
        const res = await apiUpload(
          bytes,
          limit.includes('Strings') || limit.startsWith('dec') ? 'x.xlsx' : 'x.csv',
          {
            lang,
          },
        );
        expect(res.status).toBe(422);
        const body = (await res.json()) as ErrorBody;
        const text = translator(lang)(`imports.limit.${limit}`);
        expect(text).not.toBe(`imports.limit.${limit}`);
        expect(text).toMatch(new RegExp(figure));
        expect(body.error.fields.file).toBe(text);
        expect(body.error.message).toBe(text);
      }
    });
  }

  it('quotes the configured limits in both catalogs', () => {
    for (const lang of ['id', 'en'] as const) {
      const tr = translator(lang);
      const fmt = (n: number) => n.toLocaleString(lang === 'id' ? 'id-ID' : 'en-US');
      expect(tr('imports.limit.rows')).toContain(fmt(IMPORT_LIMITS.rows));
      expect(tr('imports.limit.columns')).toContain(fmt(IMPORT_LIMITS.columns));
      expect(tr('imports.limit.cellChars')).toContain(fmt(IMPORT_LIMITS.cellChars));
      expect(tr('imports.limit.sharedStrings')).toContain(fmt(IMPORT_LIMITS.sharedStrings));
      expect(tr('imports.limit.decompressedBytes')).toContain(
        `${IMPORT_LIMITS.decompressedBytes / 1024 / 1024} MB`,
      );
    }
  });

  it('stores nothing for a refused file', async () => {
    const before = await t.db.sql`select count(*)::int as n from files where purpose = 'import'`;
    await apiUpload(
      csvRows(1, () => 'a'.repeat(IMPORT_LIMITS.cellChars + 1)),
      'x.csv',
    );
    const after = await t.db.sql`select count(*)::int as n from files where purpose = 'import'`;
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});

describe('hostile files', () => {
  for (const f of hostileFiles()) {
    it(`answers "${f.name}" with ${f.expect === 'accepted' ? 'a pending import' : `422 ${f.expect}`}`, async () => {
      const res = await apiUpload(f.bytes, f.filename);
      if (f.expect === 'accepted') {
        expect(res.status, await res.clone().text()).toBe(201);
        expect(((await res.json()) as { status: string }).status).toBe('pending');
      } else {
        expect(res.status, await res.clone().text()).toBe(422);
        const body = (await res.json()) as ErrorBody;
        expect(body.error.fields.file).toBe(translator('id')(f.expect));
      }
    });
  }

  it('keeps the text of a cell with NUL bytes and lone surrogates, cleaned', async () => {
    const f = hostileFiles().find((x) => x.filename === 'nul.xlsx')!;
    const res = await apiUpload(f.bytes, f.filename, { commit: true });
    expect(res.status).toBe(201);
    await runQueuedImports(t.deps);
    const rows = await t.db.sql`select legal_name from suppliers where legal_name like 'CV Nul%'`;
    expect(rows.map((r) => r.legalName)).toEqual(['CV Nul \ufffd Jaya']);
  });
});

describe('an import whose worker died', () => {
  it('is finished by another worker after the lease goes stale, with every row exactly once', async () => {
    const n = 1_234;
    const res = await apiUpload(
      csvRows(n, (i) => `CV Ambil Alih ${String(i).padStart(4, '0')}`),
      'takeover.csv',
      { commit: true },
    );
    expect(res.status).toBe(201);
    const imp = (await res.json()) as { id: string; status: string };
    expect(imp.status).toBe('running');
    const job = { importId: imp.id, actorUserId: fac.user.id };

    expect(await runImportJob(t.deps, job, { workerId: 'dies', stopAfterBatches: 1 })).toBe('stopped');
    const progress = (await (
      await t.app.request(`/api/v1/imports/${imp.id}`, { headers: { authorization: `Bearer ${fac.token}` } })
    ).json()) as { status: string; processed_rows: number };
    expect(progress).toMatchObject({ status: 'running', processed_rows: 500 });

    // While the lease is fresh, no other worker may take the import.
    expect(await runImportJob(t.deps, job, { workerId: 'eager' })).toBe('skipped');

    const later = { ...t.deps, clock: () => new Date(Date.now() + STALE_MS + 1_000) };
    expect(await runImportJob(later, job, { workerId: 'heir' })).toBe('done');

    const [row] = await t.db.sql`
      select status, processed_rows, created, rejected, lease_owner from imports where id = ${imp.id}`;
    expect(row).toMatchObject({
      status: 'done',
      processedRows: n,
      created: n,
      rejected: 0,
      leaseOwner: null,
    });
    const [outcomes] = await t.db.sql`
      select count(*)::int as n, count(distinct row_number)::int as d from import_rows where import_id = ${imp.id}`;
    expect(outcomes).toMatchObject({ n, d: n });
    const [made] = await t.db
      .sql`select count(*)::int as n from suppliers where legal_name like 'CV Ambil Alih %'`;
    expect(made!.n).toBe(n);
    // The job queued by the commit finds nothing left to do.
    await runQueuedImports(t.deps);
    const [again] = await t.db
      .sql`select count(*)::int as n from suppliers where legal_name like 'CV Ambil Alih %'`;
    expect(again!.n).toBe(n);
  });
});
