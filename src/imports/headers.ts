import { createHash } from 'node:crypto';
import type { ImportField, Mapping } from './fields.js';

// Header texts as facilitators write them, Indonesian and English. Matching ignores case, spaces,
// punctuation and anything in parentheses, so "No. HP/WA", "NO HP WA" and "No Hp (WA)" are one header.
// biome-ignore format: one field per line keeps the table reviewable
const HEADER_SYNONYMS: Record<ImportField, string[]> = {
  legal_name: ['nama ikm', 'nama perusahaan', 'nama usaha', 'nama badan usaha', 'nama unit usaha', 'nama industri', 'nama ikm binaan', 'nama pelaku usaha', 'nama umkm', 'nama', 'company name', 'company', 'business name', 'legal name', 'name', 'supplier name', 'sme name'],
  trading_name: ['nama merek', 'merek', 'merk', 'nama merk', 'brand', 'nama dagang', 'trading name', 'brand name', 'trade name'],
  nib: ['nib', 'no nib', 'nomor nib', 'nomor induk berusaha', 'business id', 'business identification number'],
  kbli: ['kbli', 'kode kbli', 'no kbli', 'kbli code', 'kbli codes'],
  year_founded: ['tahun berdiri', 'th berdiri', 'thn berdiri', 'tahun pendirian', 'tahun mulai usaha', 'mulai usaha', 'berdiri sejak', 'year founded', 'founded', 'year established', 'established', 'founding year'],
  employees: ['tenaga kerja', 'jumlah tk', 'jml tk', 'tk', 'jumlah tenaga kerja', 'jml tenaga kerja', 'jumlah karyawan', 'jml karyawan', 'karyawan', 'jumlah pekerja', 'pekerja', 'employees', 'number of employees', 'employee count', 'workers', 'headcount', 'staff'],
  address: ['alamat', 'alamat usaha', 'alamat lengkap', 'alamat perusahaan', 'alamat ikm', 'alamat pabrik', 'lokasi usaha', 'address', 'street address', 'company address', 'business address'],
  regency: ['kabupaten kota', 'kab kota', 'kabupaten', 'kota', 'kab', 'kota kabupaten', 'kota kab', 'regency', 'city', 'regency city', 'city regency'],
  province: ['provinsi', 'prov', 'propinsi', 'province'],
  coordinates: ['koordinat', 'titik koordinat', 'koordinat lokasi', 'titik lokasi', 'lokasi gps', 'coordinates', 'gps', 'gps coordinates', 'location'],
  lat: ['latitude', 'lintang', 'lat'],
  lon: ['longitude', 'bujur', 'lon', 'lng', 'long'],
  products: ['produk', 'jenis produk', 'produk utama', 'nama produk', 'hasil produksi', 'komoditi', 'komoditas', 'products', 'product', 'main products', 'main product'],
  processes: ['proses', 'kemampuan', 'proses produksi', 'kemampuan produksi', 'kemampuan proses', 'jenis proses', 'jasa', 'layanan', 'processes', 'process', 'capabilities', 'capability', 'services'],
  materials: ['bahan', 'bahan baku', 'jenis bahan', 'material', 'materials', 'raw materials', 'raw material'],
  certifications: ['sertifikat', 'sertifikasi', 'sertifikat yang dimiliki', 'certifications', 'certification', 'certificates', 'certificate'],
  contact_name: ['nama pemilik', 'pemilik', 'contact person', 'cp', 'nama kontak', 'nama cp', 'penanggung jawab', 'nama penanggung jawab', 'pic', 'owner', 'owner name', 'contact name'],
  contact_phone: ['no hp', 'nomor hp', 'hp', 'no hp wa', 'hp wa', 'telepon', 'telp', 'tlp', 'no telp', 'no tlp', 'no telepon', 'nomor telepon', 'telepon hp', 'wa', 'no wa', 'nomor wa', 'whatsapp', 'no whatsapp', 'kontak', 'no kontak', 'phone', 'phone number', 'mobile', 'telephone', 'mobile phone'],
  contact_email: ['email', 'e mail', 'alamat email', 'surel', 'email address'],
  description: ['keterangan', 'deskripsi', 'deskripsi usaha', 'profil singkat', 'description', 'notes', 'remarks'],
};

/** Lower case without accents, bracketed asides or punctuation: the form headers are compared in. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const compact = (s: string) => s.replace(/ /g, '');

const BY_HEADER = new Map<string, ImportField>();
for (const [field, names] of Object.entries(HEADER_SYNONYMS) as [ImportField, string[]][]) {
  for (const n of names) BY_HEADER.set(compact(normalizeHeader(n)), field);
}

/** The field a header names on its own, or null when it is not one of the usual headers. */
export function recognizeHeader(header: string): ImportField | null {
  const n = normalizeHeader(header);
  if (!n) return null;
  return BY_HEADER.get(compact(n)) ?? null;
}

/** Auto-recognition for a whole header row; a field is taken by the first column that names it. */
export function autoMapping(headers: readonly string[]): Mapping {
  const taken = new Set<ImportField>();
  return headers.map((h) => {
    const f = recognizeHeader(h);
    if (!f || taken.has(f)) return null;
    taken.add(f);
    return f;
  });
}

/** How many columns of a row are recognised headers; used to find the header row under a title. */
export function countRecognized(cells: readonly string[]): number {
  return cells.filter((c) => recognizeHeader(c) !== null).length;
}

/**
 * A stable key for a header layout, so a mapping saved for one spreadsheet is offered again
 * for the next one with the same columns, whatever their case or punctuation.
 */
export function headerSignature(headers: readonly string[]): string {
  return createHash('sha256').update(headers.map(normalizeHeader).join('\u0001')).digest('hex');
}
