import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../context.js';
import { type MultipartBody, multipartBoundary, parseMultipart, readStreamBytes } from './multipart.js';

/** Spreadsheets of office lists are large but not huge; 20 MB is about 200k rows of XLSX. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** hono's bodyLimit for the upload routes (the app-wide 2 MB limit skips them); `onTooLarge` answers 413. */
export function uploadLimit(
  onTooLarge: (c: Context<AppEnv>, message: string) => Response | Promise<Response>,
): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize: MAX_UPLOAD_BYTES,
    onError: (c) =>
      onTooLarge(c as Context<AppEnv>, (c as Context<AppEnv>).get('t')('imports.file.too_large')),
  });
}

export type UploadForm =
  | { ok: true; file: { filename: string; bytes: Uint8Array }; fields: Record<string, string> }
  | { ok: false; errors: Record<string, string> };

/**
 * Reads a multipart upload: the `file` part plus any text fields. A missing or empty file, or
 * a body that is not multipart, is a field error. Parsed by parseMultipart (Buffer.indexOf),
 * not by the Fetch API's FormData, which blocks the event loop on large files.
 */
export async function readUpload(c: Context<AppEnv>): Promise<UploadForm> {
  const required = { ok: false as const, errors: { file: c.get('t')('imports.file.required') } };
  const boundary = multipartBoundary(c.req.header('content-type'));
  if (!boundary) return required;
  let body: MultipartBody;
  try {
    body = parseMultipart(await readStreamBytes(c.req.raw.body), boundary);
  } catch {
    return required;
  }
  const file = body.files.file;
  if (!file || file.bytes.length === 0) return required;
  const filename = [...(file.filename || 'upload')]
    .map((ch) => (ch === '/' || ch === '\\' || ch.charCodeAt(0) < 32 ? '_' : ch))
    .join('')
    .slice(0, 200);
  return { ok: true, file: { filename, bytes: file.bytes }, fields: body.fields };
}
