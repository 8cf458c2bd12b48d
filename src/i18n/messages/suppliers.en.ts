import type { CatalogOf } from '../id.js';
import type { suppliersId } from './suppliers.id.js';

export const suppliersEn: CatalogOf<typeof suppliersId> = {
  'nav.suppliers': 'Suppliers',
  'nav.my_profile': 'SME profile',
  'nav.review': 'Verification',
  'nav.imports': 'Import SMEs',
  'suppliers.create_forbidden':
    'Only members of an SME organisation or facilitators can create supplier profiles.',
  'suppliers.already_submitted': 'This profile has already been submitted or verified.',
  'suppliers.bad_transition': 'The profile status cannot be changed this way.',
  'v.nib': 'The NIB must be 13 digits.',
  'v.nib_taken': 'This NIB is already used by another supplier.',
  'v.name_taken': 'A supplier without NIB with this name already exists in the same regency.',
  'v.lat_range': 'Latitude must lie within Indonesia (-11 to 6).',
  'v.lon_range': 'Longitude must lie within Indonesia (95 to 141).',
  'v.regency': 'Unknown regency code (for example 32.13).',
  'v.kbli': 'Unknown KBLI code.',
  'v.unknown_term': 'Term not in the taxonomy.',
  'v.phone': 'Invalid phone number.',
};
