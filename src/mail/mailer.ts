import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from '../logger.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; content: string; contentType: string }[];
}

export interface Mailer {
  /** Where mail goes: 'smtp' or the folder .eml files are written to. */
  readonly target: string;
  send(msg: MailMessage): Promise<{ messageId: string; file: string | null }>;
}

/**
 * nodemailer over SMTP_URL when set; otherwise every message is rendered to a real
 * RFC 5322 .eml file under DATA_DIR/mail, so development and demos need no mail server.
 */
export function createMailer(opts: {
  smtpUrl?: string | undefined;
  from: string;
  dataDir: string;
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
  const dir = path.join(opts.dataDir, 'mail');
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    target: dir,
    async send(msg) {
      const info = await transport.sendMail({ from: opts.from, ...msg });
      await fs.mkdir(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const file = path.join(dir, `${stamp}-${randomBytes(4).toString('hex')}.eml`);
      await fs.writeFile(file, info.message as Buffer);
      opts.logger.info(
        { to: msg.to.replace(/^(.).*@/, '$1***@'), file: path.basename(file) },
        'mail written',
      );
      return { messageId: info.messageId, file };
    },
  };
}

export interface MailFile {
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

/** Lists the written .eml files, newest first (the admin mail page). */
export async function listMailFiles(dataDir: string, limit = 200): Promise<MailFile[]> {
  const dir = path.join(dataDir, 'mail');
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const files = names
    .filter((n) => /^[\w.-]+\.eml$/.test(n))
    .sort()
    .reverse()
    .slice(0, limit);
  return Promise.all(
    files.map(async (name) => {
      const full = path.join(dir, name);
      const [stat, raw] = await Promise.all([fs.stat(full), fs.readFile(full, 'utf8')]);
      const head = raw.slice(0, 4000);
      return {
        name,
        size: stat.size,
        mtime: stat.mtime,
        to: header(head, 'To'),
        subject: decodeSubject(header(head, 'Subject')),
      };
    }),
  );
}

/** Reads one .eml by its bare file name (no paths). */
export async function readMailFile(dataDir: string, name: string): Promise<string | null> {
  if (!/^[\w.-]+\.eml$/.test(name)) return null;
  return fs.readFile(path.join(dataDir, 'mail', name), 'utf8').catch(() => null);
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
