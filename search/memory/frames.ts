/**
 * The frame layout of stored snapshots (the search index's and matching's): a stream of frames,
 * each a little-endian u32 length and its bytes. Typed arrays are written as their bytes and read
 * back into a buffer of their own (so every column starts aligned); string lists are written in
 * parts, entries joined by NUL, which PostgreSQL text never holds.
 */

/** Entries per string part. */
const PART = 50_000;

export const yieldNow = () => new Promise<void>((r) => setImmediate(r));

export function frame(bytes: Uint8Array): Uint8Array[] {
  const len = new Uint8Array(4);
  new DataView(len.buffer).setUint32(0, bytes.byteLength, true);
  return [len, bytes];
}

export const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

export function* stringParts(n: number, at: (i: number) => string): Generator<Uint8Array> {
  for (let i = 0; i < n; i += PART) {
    const part: string[] = [];
    for (let k = i; k < Math.min(n, i + PART); k++) part.push(at(k));
    yield* frame(Buffer.from(part.join('\u0000'), 'utf8'));
  }
}

/**
 * Reads frames from a stream of chunks of any size; each frame gets a buffer of its own. With
 * `total` (the stored size), a length beyond the bytes left throws before anything is allocated:
 * a damaged length field would otherwise ask for up to 4 GiB.
 */
export class FrameReader {
  private chunk: Uint8Array = new Uint8Array(0);
  private pos = 0;
  private read = 0;

  constructor(
    private readonly chunks: AsyncIterator<Uint8Array>,
    private readonly total = Number.POSITIVE_INFINITY,
  ) {}

  async frame(): Promise<Uint8Array<ArrayBuffer>> {
    const len = new Uint8Array(4);
    await this.fill(len);
    const n = new DataView(len.buffer).getUint32(0, true);
    if (n > this.total - this.read) throw new Error('snapshot: a frame longer than the bytes left');
    const out = new Uint8Array(n);
    await this.fill(out);
    return out;
  }

  async strings(n: number): Promise<string[]> {
    const out: string[] = [];
    while (out.length < n) {
      const part = Buffer.from((await this.frame()).buffer)
        .toString('utf8')
        .split('\u0000');
      for (const s of part) out.push(s);
      await yieldNow();
    }
    if (out.length !== n) throw new Error('snapshot: string list of the wrong length');
    return out;
  }

  private async fill(dst: Uint8Array): Promise<void> {
    let off = 0;
    while (off < dst.length) {
      if (this.pos === this.chunk.length) {
        const next = await this.chunks.next();
        if (next.done) throw new Error('snapshot: truncated');
        this.chunk = next.value;
        this.pos = 0;
        continue;
      }
      const take = Math.min(dst.length - off, this.chunk.length - this.pos);
      dst.set(this.chunk.subarray(this.pos, this.pos + take), off);
      off += take;
      this.pos += take;
      this.read += take;
    }
  }
}

export const f64 = (b: Uint8Array) => new Float64Array(b.buffer as ArrayBuffer, 0, b.byteLength / 8);
export const i32 = (b: Uint8Array) => new Int32Array(b.buffer as ArrayBuffer, 0, b.byteLength / 4);
