/** Supplier profiles, taxonomy, estates, verification (Bahasa Indonesia). */
export const suppliersId = {
  'nav.suppliers': 'Pemasok',
  'nav.my_profile': 'Profil IKM',
  'nav.review': 'Verifikasi',
  'nav.imports': 'Impor IKM',
  'suppliers.create_forbidden':
    'Hanya anggota organisasi IKM atau fasilitator yang dapat membuat profil pemasok.',
  'suppliers.already_submitted': 'Profil ini sudah diajukan atau diverifikasi.',
  'suppliers.bad_transition': 'Status profil tidak dapat diubah dengan cara ini.',
  'v.nib': 'NIB harus 13 digit angka.',
  'v.nib_taken': 'NIB ini sudah dipakai oleh pemasok lain.',
  'v.name_taken': 'Sudah ada pemasok tanpa NIB dengan nama ini di kabupaten/kota yang sama.',
  'v.lat_range': 'Lintang harus di dalam wilayah Indonesia (-11 sampai 6).',
  'v.lon_range': 'Bujur harus di dalam wilayah Indonesia (95 sampai 141).',
  'v.regency': 'Kode kabupaten/kota tidak dikenal (contoh: 32.13).',
  'v.kbli': 'Kode KBLI tidak dikenal.',
  'v.unknown_term': 'Istilah tidak ada di taksonomi.',
  'v.phone': 'Nomor telepon tidak valid.',
} as const;
