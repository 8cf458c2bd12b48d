/** Per-file upload limit; the route's body limit adds room for the other multipart fields. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Photos and portfolio images together, per supplier: a gallery, not a file store. */
export const MAX_MEDIA_PER_SUPPLIER = 12;

/**
 * Bytes of live files one organisation may keep (evidence, gallery, MoU documents, import sheets):
 * enough for years of certificates and photos, small enough that one account cannot fill the disk.
 */
export const ORG_UPLOAD_QUOTA_BYTES = 200 * 1024 * 1024;

/**
 * How old a blob or an unreferenced file row must be before the orphan sweep removes it. An upload
 * writes its blob before the transaction that records it, so a younger blob may be in flight.
 */
export const ORPHAN_GRACE_MS = 6 * 60 * 60 * 1000;
