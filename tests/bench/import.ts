/**
 * Import benchmark: a realistic 10,000-row XLSX through parse, preview and commit against a
 * real (embedded) PostgreSQL, then the same file again (all unchanged). Prints wall time per
 * phase and the peak RSS. Target: first import ≤ 10 s, peak RSS < 400 MB.
 *
 *   npx tsx tests/bench/import.ts [rows]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { registerUser } from '../../src/auth/service.js';
import { loadConfig } from '../../src/config.js';
import { connectDb } from '../../src/db/client.js';
import { startEmbeddedPostgres } from '../../src/db/embedded.js';
import { migrate } from '../../src/db/migrate.js';
import { autoMapping } from '../../src/imports/headers.js';
import { parseSpreadsheet } from '../../src/imports/parse.js';
import { runImportJob } from '../../src/imports/runner.js';
import { commitImport, getImportFor, uploadImport } from '../../src/imports/service.js';
import { checkRows, loadRowContext } from '../../src/imports/sheet.js';
import { createLogger } from '../../src/logger.js';
import { syncReferenceData } from '../../src/reference/sync.js';

const ROWS = Number(process.argv[2] ?? 10_000);

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function timed<T>(label: string, fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const out = await fn();
  const ms = performance.now() - t0;
  console.log(
    `${label.padEnd(44)} ${(ms / 1000).toFixed(2).padStart(7)} s   rss ${mb(process.memoryUsage().rss)}`,
  );
  return [out, ms];
}

const PLACES = [
  ['Kab. Subang', 'Jawa Barat', -6.57, 107.76],
  ['Majalengka', 'Jawa Barat', -6.84, 108.23],
  ['Kabupaten Sumedang', 'Jawa Barat', -6.86, 107.92],
  ['kab purwakarta', 'Jabar', -6.56, 107.44],
  ['Kota Bandung', 'Jawa Barat', -6.91, 107.61],
  ['SIDOARJO', 'Jawa Timur', -7.45, 112.72],
  ['Kab. Pasuruan', 'Jawa Timur', -7.65, 112.91],
  ['Kota Surabaya', 'Jatim', -7.26, 112.75],
  ['Gresik', 'Jawa Timur', -7.16, 112.65],
  ['Kota Mataram', 'NTB', -8.58, 116.12],
  ['Lombok Barat', 'Nusa Tenggara Barat', -8.67, 116.12],
  ['Sumbawa Barat', 'NTB', -8.74, 116.87],
] as const;
const PROCESSES = [
  'bubut',
  'frais',
  'las argon',
  'las listrik',
  'cor logam',
  'tempa',
  'fabrikasi',
  'tekuk plat',
  'potong laser',
  'galvanis',
  'bubut cnc',
  'gerinda',
];
const MATERIALS = ['baja karbon', 'stainless', 'besi cor', 'aluminium', 'kuningan', 'tembaga'];
const PRODUCTS = [
  'Poros',
  'Roda gigi',
  'Bracket',
  'Pagar',
  'Kanopi',
  'Impeller pompa',
  'Mur baut',
  'Cetakan',
  'Suku cadang',
];
const FORMS = ['CV', 'UD', 'PT', '', 'Bengkel'];
const WORDS = [
  'Sinar',
  'Logam',
  'Jaya',
  'Presisi',
  'Makmur',
  'Teknik',
  'Barokah',
  'Mandiri',
  'Abadi',
  'Karya',
  'Sentosa',
  'Baja',
];

function pick<T>(list: readonly T[], i: number, salt: number): T {
  return list[((i * 2654435761 + salt * 40503) % list.length) >>> 0]!;
}

/**
 * A facilitator's list as it comes: mixed spellings, some NIBs missing, a few bad rows. Written
 * with exceljs's streaming writer (shared strings, as Excel does) so the generator's own garbage
 * does not swamp the import's memory figures.
 */
async function generate(rows: number): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: true,
    useStyles: false,
  });
  const ws = wb.addWorksheet('IKM Binaan');
  ws.addRow(['DAFTAR IKM BINAAN TAHUN 2026']).commit();
  ws.addRow([
    'No',
    'Nama IKM',
    'NIB',
    'Alamat',
    'Kab/Kota',
    'Provinsi',
    'Produk',
    'Proses',
    'Bahan',
    'Tenaga Kerja',
    'No. HP',
    'Koordinat',
    'Sertifikat',
    'Tahun Berdiri',
  ]).commit();
  for (let i = 0; i < rows; i++) {
    const [regency, province, lat, lon] = pick(PLACES, i, 1);
    const name = `${pick(FORMS, i, 2)} ${pick(WORDS, i, 3)} ${pick(WORDS, i, 4)} ${i}`.trim();
    const nib = i % 10 < 7 ? String(3200000000000 + i) : '';
    ws.addRow([
      i + 1,
      name,
      i % 500 === 499 ? '12345' : nib,
      `Jl. ${pick(WORDS, i, 5)} No. ${i % 200}`,
      i % 1000 === 999 ? 'Kab. Atlantis' : regency,
      province,
      `${pick(PRODUCTS, i, 6)}, ${pick(PRODUCTS, i, 7)}`,
      `${pick(PROCESSES, i, 8)}, ${pick(PROCESSES, i, 9)}`,
      pick(MATERIALS, i, 10),
      1 + (i % 80),
      `08${String(1200000000 + i)}`,
      `${(lat + (i % 100) / 2000).toFixed(4)}, ${(lon + (i % 97) / 2000).toFixed(4)}`,
      i % 3 === 0 ? 'SNI, Halal' : '',
      1980 + (i % 45),
    ]).commit();
  }
  ws.commit();
  await wb.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pasok-bench-'));
  fs.chmodSync(tmp, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'data') });
  const db = connectDb(pg.url, { max: 10 });
  try {
    await migrate(db.sql);
    await syncReferenceData(db.sql);
    const config = loadConfig({
      DATABASE_URL: pg.url,
      DATA_DIR: path.join(tmp, 'data'),
      LOG_LEVEL: 'silent',
    });
    const deps = {
      sql: db.sql,
      config,
      logger: createLogger('error', 'stderr'),
      clock: () => new Date(),
      jobs: null,
    };
    const user = await registerUser(db.sql, {
      email: 'bench@pasok.test',
      name: 'Bench',
      password: 'bench-password-2026',
      platformRole: 'facilitator',
      org: { name: 'Disperin Bench', kind: 'facilitator' },
    });
    const actor = { userId: user.id, platformRole: 'facilitator' as const };

    console.log(`Pasok import bench: ${ROWS} rows\n`);
    const [bytes] = await timed('generate XLSX (exceljs)', () => generate(ROWS));
    console.log(`${''.padEnd(44)} file ${mb(bytes.byteLength)}\n`);
    peakRss = process.memoryUsage().rss;

    // The phases alone, for the record; the import below does them again (in a block, so their
    // results can be collected before the import runs).
    let parseMs = 0;
    let previewMs = 0;
    {
      const [sheet, ms] = await timed('parse', () => parseSpreadsheet(bytes));
      const [checked, ms2] = await timed(
        'preview (validate all rows)',
        async () =>
          await checkRows(sheet, autoMapping(sheet.headers), await loadRowContext(db.sql, new Date())),
      );
      parseMs = ms;
      previewMs = ms2;
      const valid = checked.filter((r) => r.ok).length;
      console.log(`${''.padEnd(44)} ${valid} valid, ${checked.length - valid} rejected\n`);
    }

    const run = async (label: string) => {
      const [imp, uploadMs] = await timed(`${label}: upload (parse+preview+store)`, () =>
        uploadImport(deps, actor, { filename: 'bench.xlsx', bytes }),
      );
      const [, commitMs] = await timed(`${label}: commit`, async () => {
        await commitImport(deps, actor, imp);
        await runImportJob(deps, { importId: imp.id, actorUserId: actor.userId });
      });
      const done = await getImportFor(deps, actor, imp.id);
      console.log(
        `${''.padEnd(44)} ${done.status}: ${done.created} created, ${done.updated} updated, ${done.unchanged} unchanged, ${done.rejected} rejected`,
      );
      return uploadMs + commitMs;
    };
    const firstMs = await run('first import');
    const againMs = await run('re-import');
    const [{ n }] = (await db.sql`select count(*)::int as n from suppliers`) as unknown as [{ n: number }];
    clearInterval(sampler);
    console.log(
      `\nphases parse ${(parseMs / 1000).toFixed(2)} s, preview ${(previewMs / 1000).toFixed(2)} s (measured alone)`,
    );
    console.log(`first import total (upload + commit): ${(firstMs / 1000).toFixed(2)} s  (target ≤ 10 s)`);
    console.log(`re-import total (upload + commit):    ${(againMs / 1000).toFixed(2)} s`);
    console.log(`suppliers in database: ${n}`);
    console.log(`peak RSS: ${mb(peakRss)}  (target < 400 MB)`);
  } finally {
    clearInterval(sampler);
    await db.close();
    await pg.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
