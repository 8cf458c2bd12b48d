import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/exports/csv.js';
import { translator } from '../../../src/i18n/index.js';
import { meetingTable, toXlsx } from '../../../src/reports/export.js';
import type { ReportMeetingRow } from '../../../src/reports/repo.js';
import { type Group, type Report, reportToJson } from '../../../src/reports/service.js';
import { filterToQuery, topGroups } from '../../../views/reports/present.js';

const t = translator('id');

const row: ReportMeetingRow = {
  meetingId: '11111111-1111-4111-8111-111111111111',
  kind: 'event',
  startsAt: new Date('2026-12-01T01:20:00Z'),
  timezone: 'Asia/Makassar',
  eventName: 'Hari Pemasok, "Smelter"',
  estateName: 'Kawasan AMMAN',
  buyerName: '=HYPERLINK("http://evil")',
  supplierName: 'CV Sinar Logam',
  provinceName: 'Nusa Tenggara Barat',
  regencyName: 'Kabupaten Sumbawa Barat',
  sectors: ['mining-smelter', 'construction'],
  sectorLabelsId: ['Pertambangan dan smelter', 'Konstruksi'],
  sectorLabelsEn: ['Mining and smelting', 'Construction'],
  attendance: 'held',
  status: 'deal',
  valueIdr: '1250000000',
  products: 'Liner\nball mill',
  volume: null,
  followUpOn: null,
  noDealReason: null,
  officialVersion: 3,
  needsReconciliation: false,
};

const group = (key: string, meetings: number, value = 0n): Group => ({
  key,
  labelId: key,
  labelEn: key,
  meetings,
  held: meetings,
  deals: 1,
  mous: 0,
  valueIdr: value,
});

const report: Report = {
  filter: { province: '52' },
  scheduled: 10,
  held: 8,
  noShows: { buyer: 1, supplier: 1, both: 0, total: 2 },
  noShowRate: 0.2,
  statuses: { deal: 3, mou: 1, follow_up: 2, no_deal: 2, pending: 2 },
  value: { total: 12_400_000_000n, count: 4, median: 1_250_000_000n },
  suppliersWithDeal: 3,
  awaitingReconciliation: 1,
  ikm: { verified: 2, certified: 1 },
  requests: { total: 12, accepted: 10 },
  funnel: [
    { step: 'matches', count: 12 },
    { step: 'requests', count: 12 },
    { step: 'accepted', count: 10 },
    { step: 'scheduled', count: 10 },
    { step: 'held', count: 8 },
    { step: 'deal_mou', count: 4 },
  ],
  breakdowns: { province: [group('52', 10, 12_400_000_000n)], sector: [], estate: [], buyer: [] },
  span: { first: '2026-12-01', last: '2026-12-01' },
};

describe('CSV', () => {
  it("has stable column keys and raw codes for scripts, in the meeting's own time zone", () => {
    const [header, line] = meetingTable([row], t, 'codes');
    expect(header!.slice(0, 6)).toEqual(['meeting_id', 'kind', 'date', 'time', 'zone', 'event']);
    expect(line!.slice(1, 5)).toEqual(['event', '2026-12-01', '09:20', 'WITA']);
    expect(line).toContain('deal');
    expect(line).toContain('1250000000');
  });

  it('translates headers and codes for people', () => {
    const [header, line] = meetingTable([row], t, 'labels');
    expect(header![0]).toBe('ID pertemuan');
    expect(line).toContain('Transaksi');
    expect(line).toContain('Terlaksana (kedua pihak hadir)');
  });

  it('quotes, keeps line breaks, adds a BOM and neutralises formulas', () => {
    const csv = toCsv(meetingTable([row], t, 'codes'));
    expect(csv.startsWith('\uFEFFmeeting_id,')).toBe(true);
    expect(csv).toContain('"Hari Pemasok, ""Smelter"""');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain('"Liner\nball mill"');
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

describe('XLSX', () => {
  it('has a totals sheet with the heading and a meetings sheet with numeric values', async () => {
    const buffer = await toXlsx(report, [row], t, 'id', [
      'Laporan',
      'Dinas Perindustrian Provinsi NTB',
      'Periode: 1 Desember 2026',
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as never);
    const totals = wb.getWorksheet('Ringkasan')!;
    expect(totals.getRow(2).getCell(1).value).toBe('Dinas Perindustrian Provinsi NTB');
    const figures = new Map<string, unknown>();
    totals.eachRow((r) => figures.set(String(r.getCell(1).value), r.getCell(2).value));
    expect(figures.get('Total nilai transaksi dan MoU')).toBe(12_400_000_000);
    expect(figures.get('Transaksi')).toBe(3);
    const meetings = wb.getWorksheet('Pertemuan')!;
    const valueCol = (meetings.getRow(1).values as unknown[]).indexOf('Nilai (Rp)');
    expect(meetings.getRow(2).getCell(valueCol).value).toBe(1_250_000_000);
    expect(meetings.getRow(2).getCell(8).value).toBe('=HYPERLINK("http://evil")');
  });
});

describe('report helpers', () => {
  it('folds small groups into "other" without losing any meeting or rupiah', () => {
    const groups = Array.from({ length: 20 }, (_, i) => group(`g${i}`, 20 - i, BigInt(i) * 1000n));
    const top = topGroups(groups, 5, 'Lainnya');
    expect(top).toHaveLength(5);
    expect(top[4]!.key).toBe('__other');
    expect(top.reduce((n, g) => n + g.meetings, 0)).toBe(groups.reduce((n, g) => n + g.meetings, 0));
    expect(top.reduce((n, g) => n + g.valueIdr, 0n)).toBe(groups.reduce((n, g) => n + g.valueIdr, 0n));
    expect(topGroups(groups.slice(0, 3), 5, 'x')).toHaveLength(3);
  });

  it('gives money as exact digit strings in JSON', () => {
    const json = reportToJson(report);
    expect(json.value_idr).toEqual({ total: '12400000000', median: '1250000000', count: 4 });
    expect(json.breakdowns.province[0]!.value_idr).toBe('12400000000');
    expect(json.funnel.at(-1)).toEqual({ step: 'deal_mou', count: 4 });
  });

  it('keeps the filters in export links', () => {
    expect(filterToQuery({ province: '52', sector: 'mining-smelter' })).toBe(
      '?province=52&sector=mining-smelter',
    );
    expect(filterToQuery({})).toBe('');
  });
});
