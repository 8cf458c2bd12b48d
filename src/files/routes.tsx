import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { UploadErrorFragment, UploadErrorPage } from '../../views/files/UploadError.js';
import type { AppEnv } from '../context.js';
import { Invalid, LimitExceeded, NotFound } from '../errors.js';
import { setFlash } from '../http/flash.js';
import { currentActor, requireUser } from '../http/guards.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { parseForm } from '../http/validate.js';
import { extensionFor, isInlineType } from './content-type.js';
import { contentDisposition, downloadFilename } from './filename.js';
import { MAX_UPLOAD_BYTES } from './limits.js';
import { DeleteForm, FileId, NextPath, UploadForm } from './schema.js';
import {
  deleteSupplierFile,
  type FileDeps,
  openFile,
  type UploadInput,
  uploadSupplierFile,
} from './service.js';
import { toWebStream } from './storage.js';

/** Room for the other form fields and multipart boundaries around a maximum-size file. */
const MULTIPART_OVERHEAD = 64 * 1024;
const FILE_CSP = "default-src 'none'; sandbox";
const FIELD_LABELS: Record<string, string> = {
  file: 'files.field.file',
  purpose: 'files.field.purpose',
  supplier_id: 'files.field.supplier',
  certification_id: 'files.field.certification',
  caption: 'files.field.caption',
};

const fileDeps = (c: Context<AppEnv>): FileDeps => {
  const { sql, logger } = c.get('deps');
  return { sql, logger };
};

/**
 * A failed upload: a small fragment for htmx (422, which htmx swaps; a 413 would not be shown),
 * otherwise a page with the messages and a way back.
 */
function uploadFailed(c: Context<AppEnv>, status: 413 | 422, messages: string[], back = '/') {
  const t = c.get('t');
  if (c.get('partial')) return c.html(<UploadErrorFragment t={t} messages={messages} />, 422);
  return render(c, <UploadErrorPage t={t} messages={messages} back={back} />, {
    title: t('files.error.title'),
    status,
  });
}

/**
 * A served file gets a stricter policy than pages (no subresources, sandboxed), so a PDF or
 * image opened directly can never run script as this origin. The app-wide security headers
 * keep a policy a route has set (`overwrite: false`).
 */
function strictFileCsp(): MiddlewareHandler<AppEnv> {
  return async function strictFileCspMiddleware(c, next) {
    await next();
    if (c.res.status === 200) c.res.headers.set('Content-Security-Policy', FILE_CSP);
  };
}

/** The form's field errors, each prefixed with the field's label (the error page lists them apart from the form). */
function labelledMessages(c: Context<AppEnv>, errors: Record<string, string>): string[] {
  const t = c.get('t');
  return Object.entries(errors).map(([k, m]) => `${t(FIELD_LABELS[k] ?? k)}: ${m}`);
}

/** The upload as the service takes it: the file's bytes read from the multipart body. */
async function uploadInput(d: z.infer<typeof UploadForm>): Promise<UploadInput> {
  return {
    supplierId: d.supplier_id,
    purpose: d.purpose,
    certificationId: d.certification_id ?? null,
    caption: d.caption ?? null,
    filename: d.file.name,
    bytes: new Uint8Array(await d.file.arrayBuffer()),
  };
}

/** The message of an upload the service refused (invalid, or over a limit); anything else is rethrown. */
function refusalMessage(c: Context<AppEnv>, err: unknown): string {
  if (err instanceof Invalid) return c.get('t')(err.message);
  if (err instanceof LimitExceeded) return c.get('t')(err.message, err.params);
  throw err;
}

/**
 * The headers of a served file. Shared caches only for anonymous requests: a logged-in response
 * may carry a refreshed session cookie; a file that is not public now is never cached.
 */
function setFileHeaders(
  c: Context<AppEnv>,
  file: { filename: string; mime: string },
  size: number,
  isPublicNow: boolean,
) {
  const name = downloadFilename(file.filename, extensionFor(file.mime));
  c.header('Content-Type', file.mime);
  c.header('Content-Length', String(size));
  c.header(
    'Content-Disposition',
    contentDisposition(isInlineType(file.mime) ? 'inline' : 'attachment', name),
  );
  c.header('X-Content-Type-Options', 'nosniff');
  const cache = !isPublicNow
    ? 'private, no-store'
    : c.get('user')
      ? 'private, max-age=300'
      : 'public, max-age=300';
  c.header('Cache-Control', cache);
}

/** Uploads, downloads and deletion of supplier files (mounted at /files). */
export const fileRoutes = new Hono<AppEnv>();

fileRoutes.post(
  '/',
  requireUser(),
  bodyLimit({
    maxSize: MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD,
    onError: (c) => uploadFailed(c, 413, [c.get('t')('files.error.too_large')]),
  }),
  async (c) => {
    const form = await parseForm(c, UploadForm);
    if (!form.ok)
      return uploadFailed(c, 422, labelledMessages(c, form.errors), NextPath.parse(form.values.next) ?? '/');
    const next = form.data.next ?? '/';
    try {
      await uploadSupplierFile(fileDeps(c), currentActor(c), await uploadInput(form.data));
    } catch (err) {
      return uploadFailed(c, 422, [refusalMessage(c, err)], next);
    }
    setFlash(c, 'files.uploaded');
    return redirectAfterPost(c, next);
  },
);

fileRoutes.get('/:id', strictFileCsp(), async (c) => {
  const id = FileId.safeParse(c.req.param('id'));
  if (!id.success) throw new NotFound();
  const user = c.get('user');
  const actor = user ? { userId: user.id, platformRole: user.platformRole } : null;
  const { file, body, isPublicNow } = await openFile(fileDeps(c), actor, id.data);
  setFileHeaders(c, file, file.sizeBytes, isPublicNow);
  return c.body(toWebStream(body));
});

fileRoutes.post('/:id/delete', requireUser(), bodyLimit({ maxSize: 16 * 1024 }), async (c) => {
  const id = FileId.safeParse(c.req.param('id'));
  if (!id.success) throw new NotFound();
  const form = await parseForm(c, DeleteForm);
  await deleteSupplierFile(fileDeps(c), currentActor(c), id.data);
  setFlash(c, 'files.deleted');
  return redirectAfterPost(c, (form.ok ? form.data.next : undefined) ?? '/');
});
