/** Longest display name we keep, in code points (the extension is kept when shortening). */
export const MAX_FILENAME_LENGTH = 120;

// C0/C1 controls, and the bidi overrides and isolates that can make `gpj.exe` display as `exe.jpg`.
const UNSAFE_CHARS = /\p{Cc}|[\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * The client's file name, made safe to display and to put in a header: no directories
 * (Windows browsers may send `C:\fakepath\...`), no control or direction-changing
 * characters, no leading dots, bounded length. Only ever used for display, never as a path.
 */
export function sanitizeFilename(raw: string, fallback = 'berkas'): string {
  const base = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = base.replace(UNSAFE_CHARS, '').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').trim();
  if (!cleaned) return fallback;
  const chars = Array.from(cleaned);
  if (chars.length <= MAX_FILENAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 ? Array.from(cleaned.slice(dot)) : [];
  if (ext.length === 0 || ext.length > 10) return chars.slice(0, MAX_FILENAME_LENGTH).join('');
  const stem = Array.from(cleaned.slice(0, dot)).slice(0, MAX_FILENAME_LENGTH - ext.length);
  return stem.join('').trimEnd() + ext.join('');
}

const SAME_EXT: Record<string, string[]> = { jpg: ['jpg', 'jpeg', 'jpe'] };

/**
 * The name a download is saved under: the display name, plus the real extension when the
 * uploaded name claims another type, so the user's computer opens it with the right program.
 */
export function downloadFilename(filename: string, ext: string): string {
  const dot = filename.lastIndexOf('.');
  const current = dot > 0 ? filename.slice(dot + 1).toLowerCase() : '';
  const accepted = SAME_EXT[ext] ?? [ext];
  return accepted.includes(current) ? filename : `${filename}.${ext}`;
}

/**
 * A Content-Disposition value with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987),
 * so names like `Sertifikat Halal — 2025.pdf` survive without header injection.
 */
export function contentDisposition(kind: 'inline' | 'attachment', filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
