import { z } from 'zod';
import { UPLOAD_PURPOSES } from './content-type.js';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** A path on this site (`/suppliers/…`), never `//evil.test` or `/\evil.test`, which browsers treat as hosts. */
export function isSafeNext(v: string): boolean {
  return /^\/(?![/\\])[^\s\\]*$/.test(v) && v.length <= 500;
}

/**
 * An uploaded file part. Browsers send an empty, nameless part when no file was chosen:
 * that counts as missing, not as an empty file.
 */
/** The optional `next` field: a safe same-site path, or undefined (a bad value is ignored, not an error). */
export const NextPath = z.preprocess(blank, z.string().refine(isSafeNext).optional()).catch(undefined);

const FilePart = z.custom<File>(
  (v) => typeof v === 'object' && v !== null && v instanceof Blob && (v.size > 0 || (v as File).name !== ''),
  { message: 'v.required' },
);

export const UploadForm = z
  .object({
    file: FilePart,
    purpose: z.enum(UPLOAD_PURPOSES),
    supplier_id: z.guid(),
    certification_id: z.preprocess(blank, z.guid().optional()),
    caption: z.preprocess(blank, z.string().trim().max(200).optional()),
    next: NextPath,
  })
  .superRefine((d, ctx) => {
    if (d.purpose === 'evidence' && !d.certification_id) {
      ctx.addIssue({ code: 'custom', path: ['certification_id'], message: 'v.required' });
    }
  });
export type UploadFormData = z.infer<typeof UploadForm>;

export const DeleteForm = z.object({ next: NextPath });

/** Path ids: anything that is not a UUID is simply not found. */
export const FileId = z.guid();
