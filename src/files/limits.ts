/** Per-file upload limit; the route's body limit adds room for the other multipart fields. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Photos and portfolio images together, per supplier: a gallery, not a file store. */
export const MAX_MEDIA_PER_SUPPLIER = 12;
