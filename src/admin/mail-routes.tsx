import { Hono } from 'hono';
import { z } from 'zod';
import { MailMessagePage } from '../../views/admin/MailMessagePage.js';
import type { AppEnv } from '../context.js';
import { NotFound } from '../errors.js';
import { requireRole, requireUser } from '../http/guards.js';
import { render } from '../http/render.js';
import { ZONES } from '../i18n/format.js';
import { loadMailAttachment, loadMailView, loadRawMail } from '../mail/viewer.js';

const ViewQuery = z.object({
  tz: z.enum(Object.keys(ZONES) as [keyof typeof ZONES, ...(keyof typeof ZONES)[]]).catch('Asia/Jakarta'),
});
const AttachmentIndex = z.coerce.number().int().min(0).max(999);

/** The admin outbox's message viewer: the read message, its raw MIME, its attachments. */
export const mailViewerRoutes = new Hono<AppEnv>();
mailViewerRoutes.use('*', requireUser(), requireRole('admin'));

mailViewerRoutes.get('/:name', async (c) => {
  const { tz } = ViewQuery.parse({ tz: c.req.query('tz') });
  const name = c.req.param('name');
  const mail = await loadMailView(c.get('deps').sql, name);
  const t = c.get('t');
  const page = <MailMessagePage t={t} locale={c.get('locale')} name={name} mail={mail} tz={tz} />;
  return render(c, page, { title: mail.subject || t('admin.mail') });
});

/** The message as stored, as plain text (never rendered as HTML: it is untrusted content). */
mailViewerRoutes.get('/:name/raw', async (c) => {
  const raw = await loadRawMail(c.get('deps').sql, c.req.param('name'));
  return c.body(raw, 200, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Security-Policy': "default-src 'none'; sandbox",
  });
});

mailViewerRoutes.get('/:name/attachments/:index', async (c) => {
  const index = AttachmentIndex.safeParse(c.req.param('index'));
  if (!index.success) throw new NotFound();
  const a = await loadMailAttachment(c.get('deps').sql, c.req.param('name'), index.data);
  return c.body(a.body, 200, a.headers);
});
