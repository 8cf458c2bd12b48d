import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, detectKind, parseSpreadsheet, UnreadableFile } from '../../../src/imports/parse.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('detectDelimiter', () => {
  it('picks the semicolon of Indonesian Excel exports', () => {
    expect(detectDelimiter('Nama IKM;NIB;Koordinat\n"CV A";1;"-6,57"')).toBe(';');
  });

  it('picks the comma otherwise', () => {
    expect(detectDelimiter('Nama IKM,NIB,Alamat\nCV A,1,Jl. X')).toBe(',');
  });

  it('does not count separators inside quotes', () => {
    expect(detectDelimiter('"Nama; IKM";"NIB"')).toBe(';');
    expect(detectDelimiter('"Nama, IKM; lengkap",NIB,Alamat')).toBe(',');
  });

  it('sees past a byte order mark and picks tabs', () => {
    expect(detectDelimiter('\uFEFFNama\tNIB\tAlamat')).toBe('\t');
  });

  it('falls back to the comma for a single column', () => {
    expect(detectDelimiter('Nama IKM\nCV A')).toBe(',');
  });
});

describe('detectKind', () => {
  it('recognises XLSX by its ZIP signature, whatever the name', () => {
    expect(detectKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toBe('xlsx');
  });

  it('takes UTF-8 text as CSV', () => {
    expect(detectKind(utf8('Nama IKM;NIB\nUD Bengkel Sejahtera;1'))).toBe('csv');
  });

  it('refuses binary and UTF-16 files', () => {
    expect(() => detectKind(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toThrow(UnreadableFile);
    expect(() => detectKind(new Uint8Array([0x4e, 0x00, 0x61, 0x00]))).toThrow(UnreadableFile);
  });
});

describe('parseSpreadsheet', () => {
  it('reads a semicolon CSV with a BOM, quotes and blank lines, keeping sheet row numbers', async () => {
    const sheet = await parseSpreadsheet(
      utf8(
        '\uFEFFNama IKM;NIB;Koordinat\r\n"CV Sinar; Logam";9120001234567;"-6,57; 107,76"\r\n;;\r\nUD Las;;\r\n',
      ),
    );
    expect(sheet.kind).toBe('csv');
    expect(sheet.headers).toEqual(['Nama IKM', 'NIB', 'Koordinat']);
    expect(sheet.rows).toEqual([
      { row: 2, cells: ['CV Sinar; Logam', '9120001234567', '-6,57; 107,76'] },
      { row: 4, cells: ['UD Las', '', ''] },
    ]);
  });

  it('finds the header row under a title and reads every kind of XLSX cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Binaan');
    ws.addRow(['DAFTAR IKM BINAAN DISPERIN NTB 2024']);
    ws.addRow([]);
    ws.addRow(['No', 'Nama IKM', 'NIB', 'Tahun Berdiri', 'Proses', 'Tenaga Kerja', 'Email']);
    ws.addRow([
      1,
      { richText: [{ text: 'CV ' }, { font: { bold: true }, text: 'Sinar' }] },
      9120001234567,
      new Date(Date.UTC(2015, 2, 1)),
      'bubut',
      { formula: 'B1*0+12', result: 12 },
      { text: 'asep@example.test', hyperlink: 'mailto:asep@example.test' },
    ]);
    wb.addWorksheet('Lain').addRow(['bukan ini']);
    const sheet = await parseSpreadsheet(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(sheet.kind).toBe('xlsx');
    expect(sheet.headerRow).toBe(3);
    expect(sheet.headers[1]).toBe('Nama IKM');
    expect(sheet.rows).toEqual([
      { row: 4, cells: ['1', 'CV Sinar', '9120001234567', '2015-03-01', 'bubut', '12', 'asep@example.test'] },
    ]);
  });

  it('refuses a ZIP that is not a workbook and an empty CSV', async () => {
    await expect(parseSpreadsheet(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]))).rejects.toThrow(
      UnreadableFile,
    );
    await expect(parseSpreadsheet(utf8('\n\n'))).rejects.toThrow(UnreadableFile);
  });
});
