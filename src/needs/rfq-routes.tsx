import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { QuotesPage } from '../../views/needs/QuotesPage.js';
import type { AppEnv } from '../context.js';
import { Invalid, NotFound } from '../errors.js';
import { contentDisposition, downloadFilename } from '../files/filename.js';
import { setFlash } from '../http/flash.js';
import { formRefusal } from '../http/form-refusal.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { fieldErrors, readBody } from '../http/validate.js';
import { attachToNeed, detachFromNeed, openRfqFile } from './attachments.js';
import { viewerOf } from './http.js';
import { awardQuote, submitQuote } from './quotes.js';
import { fileOf, quoteDeps, RFQ_BODY_LIMIT } from './rfq-api.js';
import { loadQuotesPage } from './rfq-pages.js';
import { AwardInput, FileParam, QuoteInput } from './rfq-schema.js';

/** `/needs/:id/quotes`, attachments, files and the award: the RFQ pages (forms work without JS). */
export const rfqRoutes = new Hono<AppEnv>();

/** The RFQ page, or the same page again with the refused form's values and errors. */
async function quotesPage(
  c: Context<AppEnv>,
  values: Record<string, string> = {},
  errors: Record<string, string> = {},
  status = 200,
) {
  const t = c.get('t');
  const ctx = { sql: c.get('deps').sql, t, locale: c.get('locale') };
  const page = await loadQuotesPage(ctx, await viewerOf(c), c.req.param('id') ?? '');
  return render(c, <QuotesPage t={t} {...page} values={values} errors={errors} />, {
    title: t('rfq.title'),
    status,
  });
}

/** Runs a form's service call; a refusal re-renders the page (422/409), success redirects with a flash. */
async function submit(
  c: Context<AppEnv>,
  values: Record<string, string>,
  run: () => Promise<unknown>,
  flash: Parameters<typeof setFlash>[1],
) {
  try {
    await run();
  } catch (err) {
    const { errors, status } = formRefusal(c, err);
    return quotesPage(c, values, errors, status);
  }
  setFlash(c, flash);
  return redirectAfterPost(c, `/needs/${c.req.param('id')}/quotes`);
}

const textValues = (body: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) as Record<string, string>;

rfqRoutes.get('/:id/quotes', (c) => quotesPage(c));

rfqRoutes.post('/:id/attachments', RFQ_BODY_LIMIT, async (c) => {
  const file = await fileOf(await readBody(c));
  return submit(
    c,
    {},
    async () => {
      if (!file) throw new Invalid({ file: 'v.required' });
      await attachToNeed(quoteDeps(c), await viewerOf(c), c.req.param('id'), file);
    },
    'rfq.uploaded',
  );
});

rfqRoutes.post('/:id/attachments/:fileId/delete', async (c) => {
  const id = FileParam.safeParse(c.req.param('fileId'));
  if (!id.success) throw new NotFound();
  await detachFromNeed(quoteDeps(c), await viewerOf(c), c.req.param('id'), id.data);
  setFlash(c, 'rfq.removed');
  return redirectAfterPost(c, `/needs/${c.req.param('id')}/quotes`);
});

rfqRoutes.get('/:id/files/:fileId', async (c) => {
  const id = FileParam.safeParse(c.req.param('fileId'));
  if (!id.success) throw new NotFound();
  const { file, bytes } = await openRfqFile(quoteDeps(c), await viewerOf(c), c.req.param('id'), id.data);
  c.header('Content-Type', file.mime);
  c.header('Content-Disposition', contentDisposition('attachment', downloadFilename(file.filename, 'bin')));
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Cache-Control', 'private, no-store');
  c.header('Content-Security-Policy', "default-src 'none'; sandbox");
  return c.body(new Uint8Array(bytes));
});

rfqRoutes.post('/:id/quotes', RFQ_BODY_LIMIT, async (c) => {
  const body = await readBody(c);
  const values = textValues(body);
  const parsed = QuoteInput.safeParse(values);
  if (!parsed.success) return quotesPage(c, values, fieldErrors(parsed.error, c.get('t')), 422);
  const file = await fileOf(body);
  return submit(
    c,
    values,
    async () => submitQuote(quoteDeps(c), await viewerOf(c), c.req.param('id'), parsed.data, file),
    'rfq.quote_saved',
  );
});

rfqRoutes.post('/:id/award', bodyLimit({ maxSize: 16 * 1024 }), async (c) => {
  const values = textValues(await readBody(c));
  const parsed = AwardInput.safeParse(values);
  if (!parsed.success) return quotesPage(c, values, fieldErrors(parsed.error, c.get('t')), 422);
  return submit(
    c,
    values,
    async () => awardQuote(quoteDeps(c), await viewerOf(c), c.req.param('id'), parsed.data),
    'rfq.awarded',
  );
});
