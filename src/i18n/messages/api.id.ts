/** The API reference page at /api/docs and the API's own validation words (Bahasa Indonesia). */
export const apiId = {
  'v.unknown_field': 'Isian tidak dikenal.',
  'apidocs.title': 'Referensi API Pasok',
  'apidocs.intro':
    'API v1 menjawab JSON dalam snake_case. Setiap permintaan, kecuali dokumen OpenAPI, memakai token pribadi: kirim header Authorization: Bearer <token>. Token dibuat di halaman Akun.',
  'apidocs.spec': 'Dokumen OpenAPI 3.1 (JSON)',
  'apidocs.contents': 'Daftar isi',
  'apidocs.public': 'Publik, tanpa token',
  'apidocs.parameters': 'Parameter',
  'apidocs.param_name': 'Nama',
  'apidocs.param_in': 'Letak',
  'apidocs.param_schema': 'Tipe',
  'apidocs.required': 'wajib',
  'apidocs.optional': 'opsional',
  'apidocs.body': 'Isi permintaan',
  'apidocs.responses': 'Jawaban',
  'apidocs.example': 'Contoh curl',
  'apidocs.errors': 'Bentuk galat',
  'apidocs.errors_text':
    'Setiap galat dijawab {"error":{"code","message","fields"}}; fields menamai setiap isian yang salah atau tidak dikenal.',
  'apidocs.none': 'Tidak ada.',
  'apidocs.in.path': 'path',
  'apidocs.in.query': 'query',
} as const;
