import { normalizeText } from '../text/normalize.js';

/** A multipart body that is not one: no boundary, a part without headers, no closing line. */
export class BadMultipart extends Error {}

export interface MultipartBody {
  fields: Record<string, string>;
  files: Record<string, { filename: string; bytes: Uint8Array }>;
}

const MAX_PART_HEADERS = 16 * 1024;
const MAX_FIELD_CHARS = 200_000;

/** The boundary of a `multipart/form-data` content type, or null. */
export function multipartBoundary(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data\b/i.test(contentType)) return null;
  const m = /;\s*boundary=(?:"([^"]{1,200})"|([^\s;]{1,200}))/i.exec(contentType);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

function param(header: string, name: string): string | null {
  const m =
    new RegExp(`;\\s*${name}="([^"]*)"`, 'i').exec(header) ??
    new RegExp(`;\\s*${name}=([^;\\s]*)`, 'i').exec(header);
  return m ? m[1]! : null;
}

/**
 * Splits a multipart body that is already in memory (uploads are capped at 20 MB) with
 * Buffer.indexOf only, so a large upload is cut into parts in a few milliseconds of native
 * code: undici's FormData parser and File.arrayBuffer held the event loop for over half a
 * second on a 16 MB file. File bytes are views into the body, not copies.
 */
export function parseMultipart(body: Buffer, boundary: string): MultipartBody {
  const delimiter = Buffer.from(`--${boundary}`);
  const out: MultipartBody = { fields: {}, files: {} };
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw new BadMultipart('no boundary');
  for (;;) {
    pos += delimiter.length;
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) return out;
    if (body[pos] !== 0x0d || body[pos + 1] !== 0x0a) throw new BadMultipart('boundary line');
    const headStart = pos + 2;
    const headEnd = body.indexOf('\r\n\r\n', headStart);
    if (headEnd < 0 || headEnd - headStart > MAX_PART_HEADERS) throw new BadMultipart('part headers');
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headEnd + 4);
    if (next < 0) throw new BadMultipart('no closing boundary');
    const headers = body.toString('utf8', headStart, headEnd);
    const disposition = /^content-disposition:([^\r\n]*)/im.exec(headers)?.[1] ?? '';
    const name = param(disposition, 'name');
    const content = body.subarray(headEnd + 4, next);
    if (name !== null) {
      const filename = param(disposition, 'filename');
      if (filename !== null) out.files[name] = { filename: normalizeText(filename), bytes: content };
      else if (content.length <= MAX_FIELD_CHARS * 4)
        out.fields[name] = normalizeText(content.toString('utf8'));
    }
    pos = next + 2;
  }
}

/** Reads a request body chunk by chunk (the event loop turns between chunks) into one buffer. */
export async function readStreamBytes(stream: ReadableStream<Uint8Array> | null): Promise<Buffer> {
  if (!stream) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}
