import type { CatalogOf } from '../id.js';
import type { importsId } from './imports.id.js';

export const importsEn: CatalogOf<typeof importsId> = {
  'imports.title': 'Import SME lists',
};
