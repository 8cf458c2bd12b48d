import { describe, expect, it } from 'vitest';
import { copyBinaryRows } from '../../../src/db/copy-binary.js';

/** Binary COPY bytes written by hand from the format's description (independent of the reader). */
function encode(rows: (Buffer | null)[][], opts: { flags?: number; extension?: Buffer } = {}): Buffer {
  const parts: Buffer[] = [Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1')];
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  };
  const i16 = (n: number) => {
    const b = Buffer.alloc(2);
    b.writeInt16BE(n);
    return b;
  };
  const ext = opts.extension ?? Buffer.alloc(0);
  parts.push(u32(opts.flags ?? 0), u32(ext.length), ext);
  for (const row of rows) {
    parts.push(i16(row.length));
    for (const f of row) parts.push(f === null ? u32(0xffffffff) : Buffer.concat([u32(f.length), f]));
  }
  parts.push(i16(-1));
  return Buffer.concat(parts);
}

async function* pieces(bytes: Buffer, cuts: number[]): AsyncGenerator<Uint8Array> {
  let from = 0;
  for (const c of [...cuts, bytes.length]) {
    // Each piece in a buffer of its own, as sockets deliver them.
    yield Uint8Array.from(bytes.subarray(from, c));
    from = c;
  }
}

async function read(chunks: AsyncIterable<Uint8Array>) {
  const out: (string | null)[][] = [];
  for await (const row of copyBinaryRows(chunks)) out.push(row.map((f) => (f ? f.toString('hex') : null)));
  return out;
}

const ROWS = [
  [Buffer.from([0, 0, 0, 0]), Buffer.from('hello')],
  [Buffer.from([0, 0, 0, 1]), null],
  [Buffer.from([0, 0, 0, 2]), Buffer.alloc(0)],
  [Buffer.from([0, 0, 0, 3]), Buffer.from(Array.from({ length: 300 }, (_, i) => i & 255))],
];
const EXPECTED = ROWS.map((r) => r.map((f) => (f ? f.toString('hex') : null)));

describe('binary COPY rows', () => {
  it('reads every row and field, NULLs and empty fields included, wherever the chunks are cut', async () => {
    const bytes = encode(ROWS, { extension: Buffer.from('ignored') });
    expect(await read(pieces(bytes, []))).toEqual(EXPECTED);
    for (let cut = 1; cut < bytes.length; cut++) expect(await read(pieces(bytes, [cut]))).toEqual(EXPECTED);
    const everyByte = Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);
    expect(await read(pieces(bytes, everyByte))).toEqual(EXPECTED);
  });

  it('reads a COPY without rows', async () => {
    expect(await read(pieces(encode([]), [3]))).toEqual([]);
  });

  it('refuses data that is not binary COPY, has OIDs, ends early or goes on after the trailer', async () => {
    const bytes = encode(ROWS);
    await expect(read(pieces(Buffer.from('id,name\n1,CV Logam Jaya\n'), []))).rejects.toThrow(
      /not binary COPY/,
    );
    await expect(read(pieces(encode(ROWS, { flags: 1 << 16 }), []))).rejects.toThrow(/OIDs/);
    for (const end of [5, 19, 30, bytes.length - 2])
      await expect(read(pieces(bytes.subarray(0, end), []))).rejects.toThrow(/ended in the middle/);
    await expect(read(pieces(Buffer.concat([bytes, Buffer.from([0])]), []))).rejects.toThrow(
      /after its trailer/,
    );
  });
});
