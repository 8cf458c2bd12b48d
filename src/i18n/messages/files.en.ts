import type { CatalogOf } from '../id.js';
import type { filesId } from './files.id.js';

export const filesEn: CatalogOf<typeof filesId> = {
  'files.title': 'Files',
};
