import { PassThrough } from 'node:stream';
import type { Db } from '../db/client.js';
import { Invalid } from '../errors.js';
import { csvStream } from '../exports/csv.js';
import { excel } from '../exports/excel.js';
import { translator } from '../i18n/index.js';
import { listMembershipsForUser } from '../orgs/repo.js';
import type { Actor } from '../suppliers/access.js';
import { normalizeName } from '../suppliers/normalize.js';
import type { SupplierStatus } from '../suppliers/schema.js';
import { loadTaxonomy, type Taxonomy } from '../taxonomy/service.js';
import { type ExportRow, listSuppliersForExport } from './export-repo.js';
import { buildRegionIndex } from './regions.js';
import { listRegions } from './repo.js';

export interface ExportQuery {
  q?: string | undefined;
  province?: string | undefined;
  regency?: string | undefined;
  status?: SupplierStatus | undefined;
  binaan?: 'mine' | undefined;
}

type Value = string | number | null;

/** The file's own language: statuses are written as their Indonesian labels, like the lists. */
const FILE_TEXT = translator('id');

/**
 * The columns of an export. Their headers are the Indonesian ones the importer recognises on
 * its own, and lists are written as taxonomy labels, so an exported file re-imports unchanged.
 * They are a file format, not interface text, so they stay Indonesian in every locale.
 */
const COLUMNS: [string, (r: ExportRow, tax: Taxonomy) => Value][] = [
  ['Nama IKM', (r) => r.legalName],
  ['Nama Merek', (r) => r.tradingName],
  ['NIB', (r) => r.nib],
  ['KBLI', (r) => r.kbli.join(', ') || null],
  ['Tahun Berdiri', (r) => r.yearFounded],
  ['Tenaga Kerja', (r) => r.employees],
  ['Alamat', (r) => r.address],
  ['Kabupaten/Kota', (r) => r.regencyName],
  ['Provinsi', (r) => r.provinceName],
  ['Latitude', (r) => r.lat],
  ['Longitude', (r) => r.lon],
  ['Produk', (r) => r.products],
  ['Proses', (r, tax) => r.processes.map((s) => tax.label('process', s, 'id')).join(', ') || null],
  ['Bahan', (r, tax) => r.materials.map((s) => tax.label('material', s, 'id')).join(', ') || null],
  [
    'Sertifikat',
    (r, tax) => r.certifications.map((s) => tax.label('certification', s, 'id')).join(', ') || null,
  ],
  ['Nama Pemilik', (r) => r.contactName],
  ['No HP', (r) => r.contactPhone],
  ['Email', (r) => r.contactEmail],
  ['Keterangan', (r) => r.descriptionId],
  ['Status', (r) => FILE_TEXT(`suppliers.status.${r.status}`)],
];

export const EXPORT_HEADERS = COLUMNS.map(([h]) => h);

/**
 * Resolves the filter (names or codes for places) and loads the matching suppliers as sheet rows.
 * Personal contact columns are filled only where the actor's office may hand them on (see
 * `listSuppliersForExport`); admins get them all.
 */
export async function exportRows(db: Db, actor: Actor, q: ExportQuery): Promise<Value[][]> {
  const regions = buildRegionIndex(await listRegions(db));
  const provinceCode = q.province ? regions.province(q.province) : undefined;
  if (provinceCode === null)
    throw new Invalid({ province: 'imports.export.bad_province' }, 'errors.bad_request', 400);
  let regencyCode: string | undefined;
  if (q.regency) {
    const m = regions.regency(q.regency, provinceCode);
    if (!m.ok) throw new Invalid({ regency: `imports.e.${m.code}` }, 'errors.bad_request', 400);
    regencyCode = m.code;
  }
  const offices = (await listMembershipsForUser(db, actor.userId))
    .filter((m) => m.kind === 'facilitator')
    .map((m) => m.id);
  const [rows, tax] = await Promise.all([
    listSuppliersForExport(db, {
      nameContains: q.q ? normalizeName(q.q) || undefined : undefined,
      provinceCode,
      regencyCode,
      status: q.status,
      binaanOf: q.binaan === 'mine' ? offices : undefined,
      contactsOf: actor.platformRole === 'admin' ? 'all' : { offices },
    }),
    loadTaxonomy(db),
  ]);
  return rows.map((r) => COLUMNS.map(([, get]) => get(r, tax)));
}

/**
 * The export as CSV, header first, streamed row by row: with 10k suppliers the file's text never
 * sits in memory beside its rows. Formula guard and quoting are the shared CSV writer's.
 */
export function exportCsv(rows: Value[][]): ReadableStream<Uint8Array> {
  return csvStream([EXPORT_HEADERS, ...rows]);
}

/**
 * XLSX through exceljs's streaming writer (no shared strings), which keeps 10k rows light. Cells
 * hold the raw values: exceljs writes text cells, which Excel never runs as formulas.
 */
export async function toXlsx(rows: Value[][]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new (await excel()).stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet('IKM');
  ws.columns = EXPORT_HEADERS.map((h) => ({ header: h, width: Math.max(12, h.length + 4) }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
  await ended;
  return Buffer.concat(chunks);
}
