import { recordAudit } from '../audit/service.js';
import type { Db, Sql } from '../db/client.js';
import { Forbidden, Invalid, NotFound } from '../errors.js';
import type { Logger } from '../logger.js';
import { type Access, type Actor, accessTo, requireEdit } from '../suppliers/access.js';
import { findSupplier, lockSupplier, type SupplierRow } from '../suppliers/repo.js';
import { detectUploadType, UPLOAD_PURPOSES, type UploadPurpose } from './content-type.js';
import { sanitizeFilename } from './filename.js';
import { MAX_MEDIA_PER_SUPPLIER, MAX_UPLOAD_BYTES } from './limits.js';
import { reserveQuota } from './quota.js';
import * as repo from './repo.js';
import { blobStore, deleteBlob, saveBlob } from './storage.js';

export interface FileDeps {
  sql: Sql;
  logger: Logger;
}

export interface UploadInput {
  supplierId: string;
  purpose: UploadPurpose;
  certificationId: string | null;
  caption: string | null;
  filename: string;
  bytes: Uint8Array;
}

/** Message key for a rejected type: the allowed list depends on the purpose. */
const typeError = (reason: 'empty' | 'unknown' | 'not_allowed', purpose: UploadPurpose) =>
  reason === 'empty'
    ? 'files.error.empty'
    : `files.error.type_${purpose === 'evidence' ? 'evidence' : 'image'}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Throws Invalid with the message also set on the `file` field, so forms and pages can show it. */
function rejectFile(key: string): never {
  throw new Invalid({ file: key }, key);
}

/**
 * Stores an evidence file, photo or portfolio image for a supplier profile. Rights come
 * first (so outsiders learn nothing from the content checks), then the type is decided by
 * the bytes. The blob is written (to PostgreSQL, chunked) before the transaction and removed
 * again if it fails, so a failed upload leaves neither a row nor a blob behind. The organisation's quota is checked
 * under its lock in the same transaction; a replaced evidence file's blob is removed after commit.
 */
export async function uploadSupplierFile(
  deps: FileDeps,
  actor: Actor,
  input: UploadInput,
): Promise<repo.FileRow> {
  const supplier = await findSupplier(deps.sql, input.supplierId);
  await requireEdit(deps.sql, actor, supplier);
  if (input.bytes.byteLength > MAX_UPLOAD_BYTES) rejectFile('files.error.too_large');
  const type = await detectUploadType(input.bytes, input.purpose);
  if (!type.ok) rejectFile(typeError(type.reason, input.purpose));

  const blob = await saveBlob(deps.sql, input.bytes, type.mime);
  let replaced: Replaced | null = null;
  try {
    const file = await deps.sql.begin(async (tx) => {
      await lockSupplier(tx, input.supplierId);
      const detached = input.purpose === 'evidence' ? await detachEvidence(tx, input) : null;
      replaced = detached?.replaced ?? null;
      await reserveQuota(tx, input.supplierId, input.bytes.byteLength);
      const file = await repo.insertFile(tx, {
        organizationId: input.supplierId,
        purpose: input.purpose,
        filename: sanitizeFilename(input.filename, `berkas.${type.ext}`),
        mime: type.mime,
        sizeBytes: input.bytes.byteLength,
        sha256: blob.sha256,
        storageKey: blob.storageKey,
        isPublic: input.purpose !== 'evidence',
        createdBy: actor.userId,
      });
      const link = detached
        ? await attachEvidence(tx, detached, file.id)
        : await appendMedia(tx, input, file.id);
      await recordAudit(tx, {
        actorUserId: actor.userId,
        organizationId: input.supplierId,
        entity: 'file',
        entityId: file.id,
        action: 'upload',
        changes: {
          purpose: file.purpose,
          filename: file.filename,
          mime: file.mime,
          sizeBytes: file.sizeBytes,
          sha256: file.sha256,
          ...link,
        },
      });
      return file;
    });
    if (replaced) await removeBlob(deps, (replaced as Replaced).storageKey);
    return file;
  } catch (err) {
    await removeBlob(deps, blob.storageKey);
    throw err;
  }
}

type Replaced = Pick<repo.FileRow, 'storageKey' | 'filename' | 'sha256'>;

interface Detached {
  certificationId: string;
  replacedFileId: string | null;
  replaced: Replaced | null;
}

/**
 * Unlinks a certification's current evidence and deletes that file's row when nothing else uses
 * it, so a replacement neither counts twice against the quota nor leaves its blob behind. The
 * audit entry of the upload keeps the replaced file's name and hash; its blob goes after commit.
 */
async function detachEvidence(db: Db, input: UploadInput): Promise<Detached> {
  const cert = input.certificationId
    ? await repo.lockCertification(db, input.certificationId, input.supplierId)
    : null;
  if (!cert) throw new NotFound();
  if (!cert.evidenceFileId) return { certificationId: cert.id, replacedFileId: null, replaced: null };
  await repo.setEvidenceFile(db, cert.id, null);
  const replaced = await repo.deleteIfUnreferenced(db, cert.evidenceFileId);
  return { certificationId: cert.id, replacedFileId: cert.evidenceFileId, replaced };
}

async function attachEvidence(db: Db, d: Detached, fileId: string): Promise<Record<string, unknown>> {
  await repo.setEvidenceFile(db, d.certificationId, fileId);
  return {
    certificationId: d.certificationId,
    replacedFileId: d.replacedFileId,
    ...(d.replaced ? { replaced: { filename: d.replaced.filename, sha256: d.replaced.sha256 } } : {}),
  };
}

/** Photos and portfolio images are appended to the gallery, up to its limit. */
async function appendMedia(db: Db, input: UploadInput, fileId: string): Promise<Record<string, unknown>> {
  if ((await repo.countMedia(db, input.supplierId)) >= MAX_MEDIA_PER_SUPPLIER) {
    rejectFile('files.error.too_many');
  }
  await repo.insertMedia(db, {
    supplierId: input.supplierId,
    fileId,
    kind: input.purpose as repo.MediaKind,
    caption: input.caption,
  });
  return { caption: input.caption };
}

interface Visible {
  file: repo.FileRow;
  supplier: SupplierRow;
  /** True when anyone, even anonymous visitors, may see it right now. */
  isPublicNow: boolean;
}

/**
 * Finds a supplier file the actor may see, or throws NotFound: public media of a verified
 * profile is visible to all; everything else only to the organisation, facilitators and
 * admins. Other purposes (imports, MoUs) are never served here, and 404 never reveals
 * whether a file exists.
 */
async function findVisibleFile(
  db: Db,
  actor: Actor | null,
  id: string,
): Promise<Visible & { access: () => Promise<Access> }> {
  if (!UUID.test(id)) throw new NotFound();
  const file = await repo.findFile(db, id);
  if (!file?.organizationId || !(UPLOAD_PURPOSES as readonly string[]).includes(file.purpose)) {
    throw new NotFound();
  }
  const supplier = await findSupplier(db, file.organizationId);
  if (!supplier) throw new NotFound();
  const isPublicNow = file.isPublic && supplier.status === 'verified';
  let cached: Access | null = null;
  const access = async () => {
    cached ??= await accessTo(db, actor, supplier);
    return cached;
  };
  if (!isPublicNow && !(await access()).private) throw new NotFound();
  return { file, supplier, isPublicNow, access };
}

/**
 * The content (streamed chunk by chunk from the blob store) and metadata of a file the actor may
 * see; NotFound otherwise, also for a lost blob.
 */
export async function openFile(
  deps: FileDeps,
  actor: Actor | null,
  id: string,
): Promise<{ file: repo.FileRow; body: AsyncIterable<Buffer>; isPublicNow: boolean }> {
  const { file, isPublicNow } = await findVisibleFile(deps.sql, actor, id);
  const body = await blobStore(deps.sql).get(file.storageKey);
  if (!body) {
    deps.logger.warn({ fileId: file.id }, 'file row without a readable blob');
    throw new NotFound();
  }
  return { file, body, isPublicNow };
}

/**
 * Deletes a supplier file: unlinks it from the gallery or its certification, removes the row
 * and then the blob. The audit entry keeps name, type and hash, so the trail survives the row.
 * Returns the supplier id, for redirects.
 */
export async function deleteSupplierFile(deps: FileDeps, actor: Actor, id: string): Promise<string> {
  const { file, access } = await findVisibleFile(deps.sql, actor, id);
  if (!(await access()).edit) throw new Forbidden();
  const supplierId = file.organizationId!;
  await deps.sql.begin(async (tx) => {
    const locked = await repo.lockFile(tx, file.id);
    if (!locked) throw new NotFound();
    const media = await repo.deleteMedia(tx, file.id);
    const certificationIds = await repo.unlinkEvidence(tx, file.id);
    await repo.deleteFileRow(tx, file.id);
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organizationId: supplierId,
      entity: 'file',
      entityId: file.id,
      action: 'delete',
      changes: {
        purpose: file.purpose,
        filename: file.filename,
        mime: file.mime,
        sha256: file.sha256,
        unlinkedMedia: media > 0,
        certificationIds,
      },
    });
  });
  await removeBlob(deps, file.storageKey);
  return supplierId;
}

async function removeBlob(deps: FileDeps, storageKey: string): Promise<void> {
  try {
    await deleteBlob(deps.sql, storageKey);
  } catch (err) {
    deps.logger.error({ err, storageKey }, 'could not delete blob');
  }
}

/**
 * The photo and portfolio gallery of a profile, in display order. Public media: pages may
 * show it to anyone who may see the profile itself.
 */
export function listSupplierMedia(db: Db, supplierId: string): Promise<repo.MediaItem[]> {
  return repo.listMedia(db, supplierId);
}

/**
 * Evidence files by certification id. Evidence is private: call it only for viewers whose
 * `accessTo(...).private` is true (the download route checks again anyway).
 */
export async function listEvidenceByCertification(
  db: Db,
  supplierId: string,
): Promise<Map<string, repo.FileMeta>> {
  const rows = await repo.listEvidence(db, supplierId);
  return new Map(rows.map(({ certificationId, ...meta }) => [certificationId, meta]));
}
