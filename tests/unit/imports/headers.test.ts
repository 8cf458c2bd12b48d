import { describe, expect, it } from 'vitest';
import {
  autoMapping,
  headerSignature,
  normalizeHeader,
  recognizeHeader,
} from '../../../src/imports/headers.js';

describe('recognizeHeader', () => {
  it.each([
    ['Nama IKM', 'legal_name'],
    ['NAMA PERUSAHAAN', 'legal_name'],
    ['Nama Usaha', 'legal_name'],
    ['NIB', 'nib'],
    ['No. NIB', 'nib'],
    ['Alamat', 'address'],
    ['Kabupaten/Kota', 'regency'],
    ['Kab/Kota', 'regency'],
    ['KAB./KOTA', 'regency'],
    ['Kabupaten', 'regency'],
    ['Provinsi', 'province'],
    ['Produk', 'products'],
    ['Jenis Produk', 'products'],
    ['Tenaga Kerja', 'employees'],
    ['Jumlah TK', 'employees'],
    ['Jumlah Karyawan (orang)', 'employees'],
    ['No HP', 'contact_phone'],
    ['No. Telp', 'contact_phone'],
    ['Telepon', 'contact_phone'],
    ['WA', 'contact_phone'],
    ['No HP/WA', 'contact_phone'],
    ['Nama Pemilik', 'contact_name'],
    ['Contact Person', 'contact_name'],
    ['E-mail', 'contact_email'],
    ['KBLI', 'kbli'],
    ['Tahun Berdiri', 'year_founded'],
    ['Latitude', 'lat'],
    ['Lintang', 'lat'],
    ['Longitude', 'lon'],
    ['Bujur', 'lon'],
    ['Koordinat', 'coordinates'],
    ['Proses', 'processes'],
    ['Kemampuan', 'processes'],
    ['Bahan', 'materials'],
    ['Sertifikat', 'certifications'],
  ] as const)('maps the Indonesian header %j to %s', (header, field) => {
    expect(recognizeHeader(header)).toBe(field);
  });

  it.each([
    ['Company name', 'legal_name'],
    ['Address', 'address'],
    ['Regency', 'regency'],
    ['Province', 'province'],
    ['Employees', 'employees'],
    ['Number of employees', 'employees'],
    ['Phone', 'contact_phone'],
    ['Phone number', 'contact_phone'],
    ['Email', 'contact_email'],
    ['Products', 'products'],
    ['Processes', 'processes'],
    ['Materials', 'materials'],
    ['Certifications', 'certifications'],
    ['Year founded', 'year_founded'],
  ] as const)('maps the English header %j to %s', (header, field) => {
    expect(recognizeHeader(header)).toBe(field);
  });

  it('ignores case, spacing, punctuation and bracketed asides', () => {
    expect(recognizeHeader('  nama   ikm ')).toBe('legal_name');
    expect(recognizeHeader('Nama_IKM')).toBe('legal_name');
    expect(recognizeHeader('NamaIKM')).toBe('legal_name');
    expect(recognizeHeader('Tenaga Kerja (orang)')).toBe('employees');
    expect(normalizeHeader('No. HP / WA')).toBe('no hp wa');
  });

  it('leaves unknown headers and row numbers alone', () => {
    expect(recognizeHeader('No')).toBeNull();
    expect(recognizeHeader('Status')).toBeNull();
    expect(recognizeHeader('')).toBeNull();
    expect(recognizeHeader('Omzet per tahun')).toBeNull();
  });
});

describe('autoMapping', () => {
  it('gives each field to the first column that names it', () => {
    expect(autoMapping(['No', 'Nama IKM', 'Nama Usaha', 'NIB', 'Keterangan lain-lain'])).toEqual([
      null,
      'legal_name',
      null,
      'nib',
      null,
    ]);
  });
});

describe('headerSignature', () => {
  it('is the same for the same layout written differently', () => {
    expect(headerSignature(['Nama IKM', 'No. HP'])).toBe(headerSignature(['NAMA IKM', 'No HP']));
  });

  it('differs when the columns differ or move', () => {
    expect(headerSignature(['Nama IKM', 'NIB'])).not.toBe(headerSignature(['NIB', 'Nama IKM']));
    expect(headerSignature(['Nama IKM'])).not.toBe(headerSignature(['Nama IKM', 'NIB']));
  });
});
