import { createInflateRaw } from 'node:zlib';
import { IMPORT_LIMITS, LimitExceeded } from './limits.js';

/** A ZIP that cannot be a workbook: broken directory, encryption, an unknown method. */
export class BadZip extends Error {}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/**
 * Lists a ZIP's entries from its central directory. The bytes are already in memory (uploads
 * are capped), so this is a bounded scan; declared sizes are not trusted for anything.
 */
export function listZip(buf: Buffer): Map<string, ZipEntry> {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new BadZip('no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  if (count > IMPORT_LIMITS.zipEntries) throw new BadZip('too many entries');
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new BadZip('bad directory');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (flags & 1) throw new BadZip('encrypted');
    entries.set(name.replace(/^\//, ''), { name, method, compressedSize, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Counts decompressed bytes over every entry of one file against the limit. */
export class InflateBudget {
  used = 0;
  take(n: number): void {
    this.used += n;
    if (this.used > IMPORT_LIMITS.decompressedBytes) throw new LimitExceeded('decompressedBytes');
  }
}

/**
 * Streams one entry's decompressed bytes chunk by chunk. Every chunk is charged to the budget
 * first, so a zip bomb is stopped after 50 MB of output however small it is on disk, and the
 * consumer handles one chunk at a time (the event loop turns between chunks).
 */
export async function* readEntry(buf: Buffer, e: ZipEntry, budget: InflateBudget): AsyncGenerator<Buffer> {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) throw new BadZip('bad local header');
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const end = start + e.compressedSize;
  if (end > buf.length) throw new BadZip('entry past the end');
  const data = buf.subarray(start, end);
  if (e.method === 0) {
    for (let i = 0; i < data.length; i += 64 * 1024) {
      const chunk = data.subarray(i, i + 64 * 1024);
      budget.take(chunk.length);
      yield chunk;
    }
    return;
  }
  if (e.method !== 8) throw new BadZip('unknown method');
  const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
  inflate.end(data);
  try {
    for await (const chunk of inflate) {
      budget.take((chunk as Buffer).length);
      yield chunk as Buffer;
    }
  } catch (err) {
    if (err instanceof LimitExceeded) throw err;
    throw new BadZip(err instanceof Error ? err.message : 'inflate failed');
  } finally {
    inflate.destroy();
  }
}
