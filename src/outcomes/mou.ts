import type { Db } from '../db/client.js';
import { Invalid, NotFound } from '../errors.js';
import { detectUploadType } from '../files/content-type.js';
import { sanitizeFilename } from '../files/filename.js';
import { MAX_UPLOAD_BYTES } from '../files/limits.js';
import { deleteBlob, readBlob, saveBlob } from '../files/storage.js';
import { findMouFile } from './repo.js';
import type { Side } from './schema.js';

/** MoU scans and PDFs; decided by the bytes, never by the name or the claimed type. */
export const MOU_MIME = ['application/pdf', 'image/jpeg', 'image/png'] as const;

export interface MouUpload {
  filename: string;
  bytes: Uint8Array;
}

export interface StoredBlob {
  storageKey: string;
  sha256: string;
  mime: string;
  filename: string;
  sizeBytes: number;
}

/**
 * Checks an MoU document (size, then type by content) and writes its blob. Called before the
 * transaction that records the version; the caller deletes the blob again if that fails.
 */
export async function storeMouBlob(db: Db, f: MouUpload): Promise<StoredBlob> {
  if (f.bytes.byteLength > MAX_UPLOAD_BYTES)
    throw new Invalid({ mou_file: 'files.error.too_large' }, 'files.error.too_large');
  const type = await detectUploadType(f.bytes, 'evidence');
  if (!type.ok || !(MOU_MIME as readonly string[]).includes(type.mime)) {
    const key = type.ok || type.reason !== 'empty' ? 'v.outcomes.mou_type' : 'files.error.empty';
    throw new Invalid({ mou_file: key }, key);
  }
  const { size: _size, ...blob } = await saveBlob(db, f.bytes, type.mime);
  return {
    ...blob,
    mime: type.mime,
    filename: sanitizeFilename(f.filename, `mou.${type.ext}`),
    sizeBytes: f.bytes.byteLength,
  };
}

/** Best effort: a blob left behind by a failed transaction is only wasted space. */
export async function discardBlob(db: Db, storageKey: string): Promise<void> {
  await deleteBlob(db, storageKey).catch(() => {});
}

/**
 * An MoU document of the meeting, for a viewer who may read the side that attached it (the
 * official record's documents are visible to both parties). Anything else is NotFound.
 */
export async function openMouFile(
  db: Db,
  meetingId: string,
  fileId: string,
  visibleSides: readonly Side[],
): Promise<{ filename: string; mime: string; bytes: Buffer }> {
  const file = await findMouFile(db, meetingId, fileId);
  if (!file?.sides.some((s) => visibleSides.includes(s))) throw new NotFound();
  try {
    return { filename: file.filename, mime: file.mime, bytes: await readBlob(db, file.storageKey) };
  } catch {
    throw new NotFound();
  }
}
