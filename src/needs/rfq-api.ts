import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { describeRoutes } from '../api/openapi-registry.js';
import type { AppEnv } from '../context.js';
import { Invalid } from '../errors.js';
import { parseJson, readBody } from '../http/validate.js';
import { attachToNeed, listNeedAttachments, type UploadedFile } from './attachments.js';
import { needDeps, viewerOf } from './http.js';
import { awardQuote, listNeedQuotes, type QuoteDeps, submitQuote } from './quotes.js';
import { MAX_RFQ_BYTES } from './rfq-content.js';
import { attachmentToJson, awardToJson, quoteToJson } from './rfq-json.js';
import { AwardInput, QuoteInput } from './rfq-schema.js';

/** What the RFQ services take from the request. */
export const quoteDeps = (c: Context<AppEnv>): QuoteDeps => {
  const { config, logger } = c.get('deps');
  return { ...needDeps(c), dataDir: config.dataDir, logger };
};

/** Room for the multipart boundaries and the other fields around a maximum-size file. */
export const RFQ_BODY_LIMIT = bodyLimit({ maxSize: MAX_RFQ_BYTES + 64 * 1024 });

/** The uploaded file of a multipart body's `file` field, or null when none was sent. */
export async function fileOf(body: Record<string, unknown>): Promise<UploadedFile | null> {
  const f = body.file;
  if (!(f instanceof File) || (f.size === 0 && f.name === '')) return null;
  return { filename: f.name, bytes: new Uint8Array(await f.arrayBuffer()) };
}

/** The multipart body of an attachment upload, as documented; `fileOf` reads the same field. */
const AttachmentFields = z.object({ file: z.file() });

/** `/api/v1/needs/:id/attachments|quotes|award`: RFQ documents, quotes and the award. */
export const rfqApi = new Hono<AppEnv>();

rfqApi.get('/needs/:id/attachments', async (c) => {
  const { access, attachments } = await listNeedAttachments(
    c.get('deps').sql,
    await viewerOf(c),
    c.req.param('id'),
  );
  c.header('Cache-Control', 'no-store');
  return c.json({ attachments: attachments.map((a) => attachmentToJson(access.need.id, a)) });
});

rfqApi.post('/needs/:id/attachments', RFQ_BODY_LIMIT, async (c) => {
  const file = await fileOf(await readBody(c));
  if (!file) throw new Invalid({ file: 'v.required' });
  const id = await attachToNeed(quoteDeps(c), await viewerOf(c), c.req.param('id'), file);
  const { attachments } = await listNeedAttachments(c.get('deps').sql, await viewerOf(c), c.req.param('id'));
  return c.json(attachmentToJson(c.req.param('id'), attachments.find((a) => a.id === id)!), 201);
});

rfqApi.get('/needs/:id/quotes', async (c) => {
  const { quotes, award } = await listNeedQuotes(c.get('deps'), await viewerOf(c), c.req.param('id'));
  c.header('Cache-Control', 'no-store');
  return c.json({ quotes: quotes.map(quoteToJson), award: awardToJson(award) });
});

rfqApi.post('/needs/:id/quotes', bodyLimit({ maxSize: 64 * 1024 }), async (c) => {
  const body = await parseJson(c, QuoteInput);
  const saved = await submitQuote(quoteDeps(c), await viewerOf(c), c.req.param('id'), body, null);
  const { quotes } = await listNeedQuotes(c.get('deps'), await viewerOf(c), c.req.param('id'));
  return c.json(quoteToJson(quotes.find((q) => q.id === saved.id)!), saved.version > 1 ? 200 : 201);
});

rfqApi.post('/needs/:id/award', async (c) => {
  const body = await parseJson(c, AwardInput);
  await awardQuote(quoteDeps(c), await viewerOf(c), c.req.param('id'), body);
  const { award } = await listNeedQuotes(c.get('deps'), await viewerOf(c), c.req.param('id'));
  return c.json({ award: awardToJson(award) });
});

describeRoutes('needs', [
  {
    method: 'get',
    path: '/needs/:id/attachments',
    summary: "The need's drawings and documents.",
    response: { status: 200, description: '`attachments` with download links.' },
  },
  {
    method: 'post',
    path: '/needs/:id/attachments',
    summary: 'Attach a drawing or document (multipart field `file`, up to 20 MB).',
    body: AttachmentFields,
    bodyType: 'multipart',
    errors: [403, 409, 413],
    response: { status: 201, description: 'The attachment.' },
  },
  {
    method: 'get',
    path: '/needs/:id/quotes',
    summary: 'Quotes: all for the buyer, a supplier its own; and the award.',
    response: { status: 200, description: '`quotes` and `award`.' },
  },
  {
    method: 'post',
    path: '/needs/:id/quotes',
    summary: 'Submit or revise a quote for one of your suppliers.',
    body: QuoteInput,
    errors: [403, 409, 413],
    response: { status: 201, description: 'The quote (200 when it revises an earlier one).' },
  },
  {
    method: 'post',
    path: '/needs/:id/award',
    summary: 'Award the need to a quote (its buyer).',
    body: AwardInput,
    errors: [403, 409],
    response: { status: 200, description: '`award`.' },
  },
]);
