import { fileTypeFromBuffer } from 'file-type';

/** Per-file limit of drawings, specifications and quote attachments (CAD files run large). */
export const MAX_RFQ_BYTES = 20 * 1024 * 1024;

/** Attachments one need may carry: a drawing set, not a file store. */
export const MAX_ATTACHMENTS_PER_NEED = 20;

export type RfqType = { mime: string; ext: string };

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  Buffer.from(bytes.subarray(from, Math.min(to, bytes.byteLength))).toString('latin1');

/** DWG: "AC10" and a two-digit release (AC1012 … AC1032). */
function isDwg(b: Uint8Array): boolean {
  return /^AC10\d\d/.test(ascii(b, 0, 6));
}

/** STEP (ISO 10303-21): the header line, after an optional byte-order mark and blank lines. */
function isStep(b: Uint8Array): boolean {
  return /^(\uFEFF|ï»¿)?\s*ISO-10303-21;/.test(ascii(b, 0, 64));
}

/** A byte no text file carries (controls other than tab, newline, carriage return, form feed). */
function hasBinaryByte(b: Uint8Array): boolean {
  return b.some((x) => x < 0x09 || (x > 0x0d && x < 0x20));
}

/**
 * DXF (ASCII): group-code/value pairs; a drawing opens with `0` / `SECTION` and has an ENTITIES
 * section. Only the first 256 KB are scanned, and no binary byte may appear in them.
 */
function isDxf(b: Uint8Array): boolean {
  const head = ascii(b, 0, 256 * 1024);
  if (hasBinaryByte(b.subarray(0, 4096))) return false;
  if (!/^\s*0\s*\r?\n\s*SECTION\s*\r?\n/.test(head)) return false;
  return /\n\s*2\s*\r?\n\s*ENTITIES\s*\r?\n/.test(head) || /\nENTITIES\r?\n/.test(ascii(b, 0, b.byteLength));
}

/**
 * IGES: fixed 80-column records; column 73 names the section (S, G, D, P, T). The first record is
 * a Start record and the file carries Global, Directory and Parameter records and ends with T.
 */
function isIges(b: Uint8Array): boolean {
  const text = ascii(b, 0, b.byteLength);
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  if (lines.length < 4) return false;
  const section = (l: string) => (l.length >= 73 ? l[72] : '');
  if (lines.slice(0, 50).some((l) => l.length !== 80)) return false;
  if (section(lines[0]!) !== 'S') return false;
  if (section(lines[lines.length - 1]!) !== 'T') return false;
  const seen = new Set(lines.map(section));
  return ['G', 'D', 'P'].every((s) => seen.has(s));
}

const BINARY: Record<string, RfqType> = {
  'application/pdf': { mime: 'application/pdf', ext: 'pdf' },
  'image/png': { mime: 'image/png', ext: 'png' },
  'image/jpeg': { mime: 'image/jpeg', ext: 'jpg' },
};

/**
 * Decides an RFQ file's type from its content, never from its name or claimed type: PDF, PNG and
 * JPEG by magic number; DWG and STEP by their header; DXF and IGES by structure. Null for
 * anything else (including an empty file), which the service refuses with a 422.
 */
export async function detectRfqType(bytes: Uint8Array): Promise<RfqType | null> {
  if (bytes.byteLength === 0) return null;
  if (isDwg(bytes)) return { mime: 'image/vnd.dwg', ext: 'dwg' };
  if (isStep(bytes)) return { mime: 'model/step', ext: 'step' };
  const found = await fileTypeFromBuffer(bytes);
  if (found) return BINARY[found.mime] ?? null;
  if (isDxf(bytes)) return { mime: 'image/vnd.dxf', ext: 'dxf' };
  if (isIges(bytes)) return { mime: 'model/iges', ext: 'igs' };
  return null;
}

/** The file picker's hint; the server still decides by content. */
export const RFQ_ACCEPT = '.pdf,.png,.jpg,.jpeg,.dxf,.dwg,.step,.stp,.iges,.igs';
