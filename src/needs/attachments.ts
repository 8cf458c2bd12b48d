import { recordAudit } from '../audit/service.js';
import type { Db, Sql } from '../db/client.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.js';
import { sanitizeFilename } from '../files/filename.js';
import { reserveQuota } from '../files/quota.js';
import { insertFile } from '../files/repo.js';
import { deleteBlob, readBlob, saveBlob } from '../files/storage.js';
import type { Logger } from '../logger.js';
import type { NeedViewer } from './access.js';
import { lockNeed } from './repo.js';
import { type RfqAccess, requireRfqAccess } from './rfq-access.js';
import { detectRfqType, MAX_ATTACHMENTS_PER_NEED, MAX_RFQ_BYTES, type RfqType } from './rfq-content.js';
import * as repo from './rfq-repo.js';

export interface RfqFileDeps {
  sql: Sql;
  dataDir: string;
  logger: Logger;
}

export interface UploadedFile {
  filename: string;
  bytes: Uint8Array;
}

/** Size and content checks of an RFQ file, before anything is stored; 422 on the named field. */
export async function checkRfqFile(f: UploadedFile, field: string): Promise<RfqType> {
  if (f.bytes.byteLength > MAX_RFQ_BYTES) throw new Invalid({ [field]: 'rfq.error.too_large' });
  const type = await detectRfqType(f.bytes);
  if (!type) throw new Invalid({ [field]: f.bytes.byteLength ? 'rfq.error.type' : 'files.error.empty' });
  return type;
}

/**
 * Records a checked, already written blob as a private file of an organisation, under its quota,
 * inside the caller's transaction (the caller removes the blob when the transaction fails).
 */
export async function insertRfqFile(
  tx: Db,
  o: {
    organizationId: string;
    purpose: 'rfq' | 'quote';
    file: UploadedFile;
    type: RfqType;
    blob: { storageKey: string; sha256: string };
    userId: string;
    field: string;
  },
) {
  await reserveQuota(tx, o.organizationId, o.file.bytes.byteLength, { field: o.field });
  return insertFile(tx, {
    organizationId: o.organizationId,
    purpose: o.purpose,
    filename: sanitizeFilename(o.file.filename, `berkas.${o.type.ext}`),
    mime: o.type.mime,
    sizeBytes: o.file.bytes.byteLength,
    sha256: o.blob.sha256,
    storageKey: o.blob.storageKey,
    isPublic: false,
    createdBy: o.userId,
  });
}

/**
 * The buyer attaches a drawing or specification to a need (draft or open). Content is checked
 * before anything is stored; the file counts against the buyer organisation's quota, and the
 * need's row lock keeps the per-need limit exact under concurrent uploads.
 */
export async function attachToNeed(
  deps: RfqFileDeps,
  viewer: NeedViewer,
  needId: string,
  file: UploadedFile,
): Promise<string> {
  const { need, buyer } = await requireRfqAccess(deps.sql, needId, viewer);
  if (!buyer) throw new Forbidden();
  if (need.status === 'closed') throw new Conflict('needs.is_closed');
  const type = await checkRfqFile(file, 'file');
  const blob = await saveBlob(deps.sql, file.bytes, type.mime);
  try {
    return await deps.sql.begin(async (tx) => {
      await lockNeed(tx, need.id);
      if ((await repo.countAttachments(tx, need.id)) >= MAX_ATTACHMENTS_PER_NEED)
        throw new Invalid({ file: 'rfq.error.too_many' });
      const row = await insertRfqFile(tx, {
        organizationId: need.buyerOrgId,
        purpose: 'rfq',
        file,
        type,
        blob,
        userId: viewer.actor.userId,
        field: 'file',
      });
      await repo.insertAttachment(tx, need.id, row.id, viewer.actor.userId);
      await recordAudit(tx, {
        actorUserId: viewer.actor.userId,
        organizationId: need.buyerOrgId,
        entity: 'need',
        entityId: need.id,
        action: 'attach',
        changes: { file_id: row.id, filename: row.filename, mime: row.mime, sha256: row.sha256 },
      });
      return row.id;
    });
  } catch (err) {
    await deleteBlob(deps.sql, blob.storageKey).catch(() => undefined);
    throw err;
  }
}

/** The buyer removes an attachment: link and row in one transaction, then the blob. */
export async function detachFromNeed(deps: RfqFileDeps, viewer: NeedViewer, needId: string, fileId: string) {
  const { need, buyer } = await requireRfqAccess(deps.sql, needId, viewer);
  if (!buyer) throw new Forbidden();
  const key = await deps.sql.begin(async (tx) => {
    const storageKey = await repo.deleteAttachment(tx, need.id, fileId);
    if (!storageKey) throw new NotFound();
    await recordAudit(tx, {
      actorUserId: viewer.actor.userId,
      organizationId: need.buyerOrgId,
      entity: 'need',
      entityId: need.id,
      action: 'detach',
      changes: { file_id: fileId },
    });
    return storageKey;
  });
  await deleteBlob(deps.sql, key).catch((err) => deps.logger.error({ err }, 'could not delete blob'));
}

/** Attachments of a need the viewer may see (NotFound otherwise). */
export async function listNeedAttachments(db: Sql, viewer: NeedViewer, needId: string) {
  const access = await requireRfqAccess(db, needId, viewer);
  return { access, attachments: await repo.listAttachments(db, access.need.id) };
}

/**
 * One RFQ file's bytes: a need attachment for everyone with RFQ access, a quote's attachment for
 * the buyer, staff and the quoting supplier. NotFound for anything else, as if it did not exist.
 */
export async function openRfqFile(deps: RfqFileDeps, viewer: NeedViewer, needId: string, fileId: string) {
  const access: RfqAccess = await requireRfqAccess(deps.sql, needId, viewer);
  const attached = await repo.findAttachmentFile(deps.sql, access.need.id, fileId);
  const quoted = attached ? null : await repo.findQuoteFile(deps.sql, access.need.id, fileId);
  const file =
    attached ??
    (quoted && (access.buyer || access.staff || access.supplierIds.includes(quoted.supplierId))
      ? quoted
      : null);
  if (!file) throw new NotFound();
  try {
    return { file, bytes: await readBlob(deps.sql, file.storageKey) };
  } catch (err) {
    deps.logger.warn({ err, fileId: file.id }, 'file row without a readable blob');
    throw new NotFound();
  }
}
