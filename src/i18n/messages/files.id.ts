/** Uploads: evidence files, photos, portfolio (Bahasa Indonesia). */
export const filesId = {
  'files.title': 'Berkas',
} as const;
