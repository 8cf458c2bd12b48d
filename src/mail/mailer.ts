import nodemailer from 'nodemailer';
import type { Db } from '../db/client.js';
import { deleteBlob, readBlob, saveBlob } from '../files/storage.js';
import type { Logger } from '../logger.js';
import { findMail, insertMail, listMail } from './repo.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; content: string; contentType: string }[];
}

export interface Mailer {
  /** Where mail goes: 'smtp', or 'database' when .eml messages are stored in PostgreSQL. */
  readonly target: string;
  /** `file` is the stored message's outbox name (`<id>.eml`), null over SMTP. */
  send(msg: MailMessage): Promise<{ messageId: string; file: string | null }>;
}

/**
 * nodemailer over SMTP_URL when set; otherwise every message is rendered to a real RFC 5322
 * .eml and stored in PostgreSQL (a blob plus a `mail_messages` row), so development and demos
 * need no mail server and any instance's admin outbox shows mail that any other instance wrote.
 */
export function createMailer(opts: {
  smtpUrl?: string | undefined;
  from: string;
  sql: Db;
  logger: Logger;
}): Mailer {
  if (opts.smtpUrl) {
    const transport = nodemailer.createTransport(opts.smtpUrl);
    return {
      target: 'smtp',
      async send(msg) {
        const info = await transport.sendMail({ from: opts.from, ...msg });
        return { messageId: info.messageId, file: null };
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    target: 'database',
    async send(msg) {
      const info = await transport.sendMail({ from: opts.from, ...msg });
      const raw = info.message as Buffer;
      const id = await storeMail(opts.sql, raw);
      opts.logger.info({ to: msg.to.replace(/^(.).*@/, '$1***@'), mailId: id }, 'mail written');
      return { messageId: info.messageId, file: `${id}.eml` };
    },
  };
}

/** Stores one .eml (blob + outbox row); returns the mail id, or null for a legacy name already stored. */
export async function storeMail(
  db: Db,
  raw: Buffer,
  legacy?: { name: string; createdAt: Date },
): Promise<string | null> {
  const head = raw.subarray(0, 4000).toString('utf8');
  const blob = await saveBlob(db, raw, 'message/rfc822');
  const id = await insertMail(db, {
    blobId: blob.storageKey,
    to: header(head, 'To'),
    subject: decodeSubject(header(head, 'Subject')),
    sizeBytes: raw.byteLength,
    ...(legacy ? { legacyName: legacy.name, createdAt: legacy.createdAt } : {}),
  });
  if (!id) await deleteBlob(db, blob.storageKey);
  return id;
}

export interface MailFile {
  /** `<id>.eml`: what the outbox links to. */
  name: string;
  size: number;
  mtime: Date;
  to: string;
  subject: string;
}

function header(raw: string, name: string): string {
  const m = new RegExp(`^${name}: (.*(?:\\n[ \\t].*)*)`, 'im').exec(raw);
  return m ? m[1]!.replace(/\n[ \t]+/g, ' ').trim() : '';
}

/** The written mail, newest first (the admin mail page). */
export async function listMailFiles(db: Db, limit = 200): Promise<MailFile[]> {
  const rows = await listMail(db, limit);
  return rows.map((r) => ({
    name: `${r.id}.eml`,
    size: r.sizeBytes,
    mtime: r.createdAt,
    to: r.toAddr,
    subject: r.subject,
  }));
}

const MAIL_NAME = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.eml$/;

/** Reads one stored .eml by its outbox name (`<id>.eml`); null for anything else. */
export async function readMailFile(db: Db, name: string): Promise<string | null> {
  const id = MAIL_NAME.exec(name)?.[1];
  const mail = id ? await findMail(db, id) : null;
  if (!mail) return null;
  return (await readBlob(db, mail.blobId).catch(() => null))?.toString('utf8') ?? null;
}

/** Decodes RFC 2047 encoded-words (=?UTF-8?Q?...?= / =?UTF-8?B?...?=) for display. */
export function decodeSubject(s: string): string {
  // RFC 2047: whitespace between two adjacent encoded words is not part of the text.
  return s
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_, enc: string, text: string) => {
      if (enc.toLowerCase() === 'b') return Buffer.from(text, 'base64').toString('utf8');
      const bytes = text
        .replace(/_/g, ' ')
        .replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    });
}
