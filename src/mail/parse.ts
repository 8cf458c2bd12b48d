/**
 * A small, bounded MIME reader for the admin outbox: enough of RFC 5322, 2045–2047 and 2231 to
 * show what the app's own mailer writes (headers with encoded words, multipart/mixed and
 * multipart/alternative, quoted-printable and base64 bodies, UTF-8 and Latin-1 text, attachments).
 * Every loop is linear in the input and every input is capped, so a hostile or huge message costs
 * a bounded amount of work and never a crash: what does not fit is cut and flagged `truncated`.
 */

/** Caps on what one message may cost to read. */
export const MAIL_LIMITS = { bytes: 2_000_000, parts: 50, depth: 5, headerLines: 200, textChars: 200_000 };

/** One attachment as the viewer lists it; `index` addresses it for download. */
export interface MailAttachment {
  index: number;
  filename: string;
  contentType: string;
  size: number;
}

/** A message as the viewer shows it. `htmlText` is the HTML part reduced to text, never markup. */
export interface ParsedMail {
  from: string;
  to: string;
  cc: string;
  subject: string;
  date: Date | null;
  text: string | null;
  htmlText: string | null;
  attachments: MailAttachment[];
  truncated: boolean;
}

interface Part {
  headers: Map<string, string>;
  type: string;
  params: Map<string, string>;
  body: string;
}

interface Leaf {
  part: Part;
  disposition: string;
  filename: string | null;
}

/** Header block and body of an entity; CRLF is read as LF. */
function splitEntity(raw: string): { head: string; body: string } {
  const at = raw.indexOf('\n\n');
  return at < 0 ? { head: raw, body: '' } : { head: raw.slice(0, at), body: raw.slice(at + 2) };
}

function parseHeaders(head: string): Map<string, string> {
  const out = new Map<string, string>();
  let name = '';
  let count = 0;
  for (const line of head.split('\n')) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && name) {
      out.set(name, `${out.get(name)} ${line.trim()}`);
      continue;
    }
    if (++count > MAIL_LIMITS.headerLines) break;
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    name = line.slice(0, colon).trim().toLowerCase();
    if (!out.has(name)) out.set(name, line.slice(colon + 1).trim());
  }
  return out;
}

/** Bytes of a charset to text: UTF-8 by default, Latin-1 for the ISO-8859-1 and ASCII families. */
function decodeBytes(bytes: Buffer, charset: string): string {
  const cs = charset.toLowerCase();
  if (cs === 'iso-8859-1' || cs === 'latin1' || cs === 'us-ascii' || cs === 'windows-1252')
    return bytes.toString('latin1');
  return bytes.toString('utf8');
}

function qpBytes(s: string, header: boolean): Buffer {
  const text = header ? s.replace(/_/g, ' ') : s.replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    const hex = text.slice(i + 1, i + 3);
    if (ch === 61 && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      out.push(Number.parseInt(hex, 16));
      i += 2;
    } else if (ch < 256) out.push(ch);
    else out.push(...Buffer.from(text[i]!, 'utf8'));
  }
  return Buffer.from(out);
}

/**
 * RFC 2047 encoded words (`=?UTF-8?Q?...?=`, `=?utf-8?B?...?=`) to text; the blank between two
 * adjacent encoded words is not part of the text. Unknown encodings are left as they are.
 */
export function decodeWords(s: string): string {
  return s
    .replace(/(\?=)[ \t]+(=\?)/g, '$1$2')
    .replace(
      /=\?([\w-]{1,40})(?:\*[\w-]{1,20})?\?([QqBb])\?([^?\s]{0,1000})\?=/g,
      (_m, cs: string, enc: string, text: string) =>
        decodeBytes(enc.toLowerCase() === 'b' ? Buffer.from(text, 'base64') : qpBytes(text, true), cs),
    );
}

/** `type/sub; a="x"; b*=utf-8''%C3%A9; c*0="x"; c*1="y"` → lowercased type and decoded parameters. */
function parseParams(value: string): { type: string; params: Map<string, string> } {
  const [first = '', ...rest] = value.split(';');
  const params = new Map<string, string>();
  const continued = new Map<string, string[]>();
  for (const piece of rest.slice(0, 50)) {
    const eq = piece.indexOf('=');
    if (eq < 0) continue;
    let key = piece.slice(0, eq).trim().toLowerCase();
    let v = piece.slice(eq + 1).trim();
    if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) v = v.slice(1, -1).replace(/\\(.)/g, '$1');
    const cont = /^([\w-]+)\*(\d{1,2})\*?$/.exec(key);
    if (cont) {
      const list = continued.get(cont[1]!) ?? [];
      list[Number(cont[2])] = v;
      continued.set(cont[1]!, list);
      continue;
    }
    if (key.endsWith('*')) {
      key = key.slice(0, -1);
      v = decode2231(v);
    }
    params.set(key, decodeWords(v));
  }
  for (const [key, list] of continued) params.set(key, decode2231(list.join('')));
  return { type: first.trim().toLowerCase() || 'text/plain', params };
}

/** RFC 2231 `charset'lang'percent-encoded` to text (a value without quotes-charset is returned as is). */
function decode2231(v: string): string {
  const m = /^([\w-]{0,40})'[\w-]{0,20}'(.*)$/.exec(v);
  if (!m) return v;
  const bytes = Buffer.from(
    m[2]!.replace(/%([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
    'latin1',
  );
  return decodeBytes(bytes, m[1] || 'utf-8');
}

function toPart(raw: string): Part {
  const { head, body } = splitEntity(raw);
  const headers = parseHeaders(head);
  const { type, params } = parseParams(headers.get('content-type') ?? 'text/plain');
  return { headers, type, params, body };
}

/** The parts between `--boundary` lines, in one pass over the lines. */
function splitMultipart(body: string, boundary: string): string[] {
  const open = `--${boundary}`;
  const parts: string[] = [];
  let current: string[] | null = null;
  for (const line of body.split('\n')) {
    const trimmed = line.trimEnd();
    if (trimmed === `${open}--`) break;
    if (trimmed === open) {
      if (current) parts.push(current.join('\n'));
      if (parts.length >= MAIL_LIMITS.parts) return parts;
      current = [];
    } else current?.push(line);
  }
  if (current) parts.push(current.join('\n'));
  return parts;
}

function collect(part: Part, depth: number, leaves: Leaf[], state: { truncated: boolean }): void {
  if (part.type.startsWith('multipart/')) {
    const boundary = part.params.get('boundary');
    if (!boundary || depth >= MAIL_LIMITS.depth) {
      state.truncated = true;
      return;
    }
    for (const raw of splitMultipart(part.body, boundary)) {
      if (leaves.length >= MAIL_LIMITS.parts) {
        state.truncated = true;
        return;
      }
      collect(toPart(raw), depth + 1, leaves, state);
    }
    return;
  }
  const disp = parseParams(part.headers.get('content-disposition') ?? 'inline');
  const filename = disp.params.get('filename') ?? part.params.get('name') ?? null;
  leaves.push({ part, disposition: disp.type, filename });
}

/** A part's decoded bytes (base64, quoted-printable, or as written). */
function bodyBytes(part: Part): Buffer {
  const cte = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (cte === 'base64') return Buffer.from(part.body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (cte === 'quoted-printable') return qpBytes(part.body, false);
  return Buffer.from(part.body, 'utf8');
}

/** A text part for display: decoded, capped, without the line break that ends the entity. */
function bodyText(part: Part): string {
  const text = decodeBytes(bodyBytes(part), part.params.get('charset') ?? 'utf-8');
  return text.slice(0, MAIL_LIMITS.textChars).replace(/\n$/, '');
}

/** Removes script, style, head and title elements with their content, in one pass (unclosed: to the end). */
function dropBlocks(html: string): string {
  const lower = html.toLowerCase();
  const open = /<(script|style|head|title)\b/g;
  let out = '';
  let pos = 0;
  for (let m = open.exec(lower); m; m = open.exec(lower)) {
    if (m.index < pos) continue;
    out += html.slice(pos, m.index);
    const close = lower.indexOf(`</${m[1]}`, m.index);
    if (close < 0) return out;
    const end = lower.indexOf('>', close);
    pos = end < 0 ? html.length : end + 1;
    open.lastIndex = pos;
  }
  return out + html.slice(pos);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * HTML to plain text: scripts, styles and heads dropped, block ends as line breaks, every other
 * tag removed and entities decoded. The result is shown as text, so nothing in it can run or load.
 */
export function htmlToText(html: string): string {
  return dropBlocks(html)
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|tr|table|ul|ol)\s*>/gi, '\n')
    .replace(/<[^>]{0,2000}>/g, '')
    .replace(/&(#x?[0-9a-f]{1,6}|[a-z]{2,6});/gi, (m, e: string) => {
      if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? m;
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function read(raw: string): { head: Map<string, string>; leaves: Leaf[]; truncated: boolean } {
  const state = { truncated: raw.length > MAIL_LIMITS.bytes };
  const text = raw.slice(0, MAIL_LIMITS.bytes).replace(/\r\n/g, '\n');
  const root = toPart(text);
  const leaves: Leaf[] = [];
  collect(root, 0, leaves, state);
  return { head: root.headers, leaves, truncated: state.truncated };
}

const isAttachment = (l: Leaf) =>
  l.disposition === 'attachment' || l.filename !== null || !l.part.type.startsWith('text/');

/** Reads a stored message for display: headers decoded, the text and HTML parts, the attachments. */
export function parseMail(raw: string): ParsedMail {
  const { head, leaves, truncated } = read(raw);
  const inline = leaves.filter((l) => !isAttachment(l));
  const plain = inline.find((l) => l.part.type === 'text/plain');
  const html = inline.find((l) => l.part.type === 'text/html');
  const dateMs = Date.parse(head.get('date') ?? '');
  return {
    from: decodeWords(head.get('from') ?? ''),
    to: decodeWords(head.get('to') ?? ''),
    cc: decodeWords(head.get('cc') ?? ''),
    subject: decodeWords(head.get('subject') ?? ''),
    date: Number.isNaN(dateMs) ? null : new Date(dateMs),
    text: plain ? bodyText(plain.part) : null,
    htmlText: html ? htmlToText(bodyText(html.part)) : null,
    attachments: leaves.flatMap((l, index) =>
      isAttachment(l)
        ? [
            {
              index,
              filename: l.filename ?? `part-${index}`,
              contentType: l.part.type,
              size: bodyBytes(l.part).length,
            },
          ]
        : [],
    ),
    truncated,
  };
}

/** One attachment's bytes by its index in `parseMail(raw).attachments`, or null. */
export function mailAttachment(
  raw: string,
  index: number,
): { filename: string; contentType: string; content: Buffer } | null {
  const leaf = read(raw).leaves[index];
  if (!leaf || !isAttachment(leaf)) return null;
  return {
    filename: leaf.filename ?? `part-${index}`,
    contentType: leaf.part.type,
    content: bodyBytes(leaf.part),
  };
}
