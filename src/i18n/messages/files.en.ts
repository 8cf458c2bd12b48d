import type { CatalogOf } from '../id.js';
import type { filesId } from './files.id.js';

export const filesEn: CatalogOf<typeof filesId> = {
  'files.title': 'Files',
  'files.field.file': 'File',
  'files.field.purpose': 'Upload type',
  'files.field.supplier': 'Supplier',
  'files.field.certification': 'Certificate',
  'files.field.caption': 'Caption',
  'files.hint.evidence': 'PDF, JPEG, PNG or WebP; at most 10 MB.',
  'files.hint.image': 'JPEG, PNG or WebP; at most 10 MB.',
  'files.upload.evidence': 'Upload certificate evidence',
  'files.upload.replace_evidence': 'Replace certificate evidence',
  'files.upload.photo': 'Upload a photo',
  'files.upload.portfolio': 'Upload a portfolio image',
  'files.upload.submit': 'Upload',
  'files.uploaded': 'File uploaded.',
  'files.deleted': 'File deleted.',
  'files.delete': 'Delete',
  'files.delete_named': 'Delete {name}',
  'files.delete_confirm': 'Delete this file? This cannot be undone.',
  'files.size.kb': '{n} KB',
  'files.size.mb': '{n} MB',
  'files.gallery.photo': 'Photos',
  'files.gallery.portfolio': 'Portfolio',
  'files.gallery.empty': 'No images yet.',
  'files.gallery.count': '{n} of {max} images',
  'files.gallery.full': 'The gallery is full. Delete an image before uploading a new one.',
  'files.evidence.label': 'Evidence',
  'files.evidence.none': 'No evidence yet.',
  'files.error.title': 'Upload rejected',
  'files.error.back': 'Back',
  'files.error.empty': 'The file is empty.',
  'files.error.too_large': 'The file is too large. The limit is 10 MB per file.',
  'files.error.too_many': 'The gallery already holds 12 images, the maximum. Delete one first.',
  'files.error.type_evidence':
    'This file type is not accepted. Upload a PDF, JPEG, PNG or WebP. The type is checked from the file’s content, not its name or extension.',
  'files.error.type_image':
    'This file type is not accepted. Upload a JPEG, PNG or WebP image. The type is checked from the file’s content, not its name or extension.',
  'files.error.quota':
    "This organisation's upload quota is {quota} MB and {used} MB is in use, so this file ({size} MB) does not fit. Delete old files first.",
  'files.quota.usage': 'Storage used: {used} MB of {quota} MB.',
};
