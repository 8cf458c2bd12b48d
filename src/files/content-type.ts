import { fileTypeFromBuffer } from 'file-type';

/** What an upload is for; decides which content types are allowed and who may see it. */
export const UPLOAD_PURPOSES = ['evidence', 'photo', 'portfolio'] as const;
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number];

const IMAGES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** Allowed MIME types per purpose. Never SVG or HTML: both can carry script. */
export const ALLOWED_MIME: Record<UploadPurpose, readonly string[]> = {
  evidence: ['application/pdf', ...IMAGES],
  photo: IMAGES,
  portfolio: IMAGES,
};

export type Detected =
  | { ok: true; mime: string; ext: string }
  | { ok: false; reason: 'empty' | 'unknown' | 'not_allowed' };

/**
 * Decides an upload's type from its first bytes (magic numbers), never from the file name
 * or the Content-Type the browser claims: both are chosen by the uploader, so a `.png`
 * that is really HTML would otherwise be served back as a page.
 */
export async function detectUploadType(bytes: Uint8Array, purpose: UploadPurpose): Promise<Detected> {
  if (bytes.byteLength === 0) return { ok: false, reason: 'empty' };
  const found = await fileTypeFromBuffer(bytes);
  if (!found) return { ok: false, reason: 'unknown' };
  if (!ALLOWED_MIME[purpose].includes(found.mime)) return { ok: false, reason: 'not_allowed' };
  return { ok: true, mime: found.mime, ext: found.ext };
}

/** Types a browser shows by itself; everything else is offered as a download. */
export function isInlineType(mime: string): boolean {
  return mime === 'application/pdf' || (IMAGES as readonly string[]).includes(mime);
}

/** The file input's `accept` hint (a convenience for the picker; the server decides by content). */
export function acceptAttribute(purpose: UploadPurpose): string {
  return ALLOWED_MIME[purpose].join(',');
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/** The usual extension for a stored MIME type (for download names and labels). */
export function extensionFor(mime: string): string {
  return EXTENSIONS[mime] ?? 'bin';
}
