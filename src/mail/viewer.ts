import type { Db } from '../db/client.js';
import { NotFound } from '../errors.js';
import { contentDisposition, sanitizeFilename } from '../files/filename.js';
import { readMailFile } from './mailer.js';
import { type MailAttachment, mailAttachment, type ParsedMail, parseMail } from './parse.js';

export type { MailAttachment, ParsedMail };

/** The stored message, or a 404: every viewer route starts here. */
async function raw(db: Db, name: string): Promise<string> {
  const text = await readMailFile(db, name);
  if (text === null) throw new NotFound();
  return text;
}

/** A stored message read for the viewer page. */
export async function loadMailView(db: Db, name: string): Promise<ParsedMail> {
  return parseMail(await raw(db, name));
}

/** The stored message as written (the viewer's "raw" link). */
export function loadRawMail(db: Db, name: string): Promise<string> {
  return raw(db, name);
}

/**
 * One attachment to download. Only calendar files keep their type; anything else goes out as
 * application/octet-stream, so nothing a message carries is ever rendered by the browser.
 */
export async function loadMailAttachment(
  db: Db,
  name: string,
  index: number,
): Promise<{ body: Uint8Array<ArrayBuffer>; headers: Record<string, string> }> {
  const a = mailAttachment(await raw(db, name), index);
  if (!a) throw new NotFound();
  const calendar = a.contentType === 'text/calendar';
  return {
    body: Uint8Array.from(a.content),
    headers: {
      'Content-Type': calendar ? 'text/calendar; charset=utf-8' : 'application/octet-stream',
      'Content-Disposition': contentDisposition('attachment', sanitizeFilename(a.filename, 'lampiran')),
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  };
}
