/** Spreadsheet import and export of IKM lists (Bahasa Indonesia). */
export const importsId = {
  'imports.title': 'Impor daftar IKM',
} as const;
