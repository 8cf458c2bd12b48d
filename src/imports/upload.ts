import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../context.js';
import { readBody } from '../http/validate.js';

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

/** Reads a multipart upload: the `file` part plus any text fields. A missing or empty file is a field error. */
export async function readUpload(c: Context<AppEnv>): Promise<UploadForm> {
  let body: Record<string, unknown>;
  try {
    body = await readBody(c);
  } catch {
    return { ok: false, errors: { file: c.get('t')('imports.file.required') } };
  }
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') fields[k] = v;
  const file = body.file;
  if (!(file instanceof File) || file.size === 0)
    return { ok: false, errors: { file: c.get('t')('imports.file.required') } };
  const filename = [...(file.name || 'upload')]
    .map((ch) => (ch === '/' || ch === '\\' || ch.charCodeAt(0) < 32 ? '_' : ch))
    .join('')
    .slice(0, 200);
  return { ok: true, file: { filename, bytes: new Uint8Array(await file.arrayBuffer()) }, fields };
}
