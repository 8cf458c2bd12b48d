/**
 * PostgreSQL's binary COPY format (`COPY … TO STDOUT (FORMAT binary)`), read from a stream of
 * byte chunks of any size: a signature, flags and a header extension, then per row a field count
 * and each field as a length (-1 for NULL) and its bytes, then a field count of -1.
 * See https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4.
 */

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/** Bytes arriving in chunks, taken out in pieces of known length without copying when possible. */
class ByteQueue {
  private parts: Buffer[] = [];
  private head = 0;
  private buffered = 0;

  constructor(private readonly source: AsyncIterator<Uint8Array>) {}

  /** False when the source ended before `n` bytes were buffered. */
  private async fill(n: number): Promise<boolean> {
    while (this.buffered < n) {
      const next = await this.source.next();
      if (next.done) return false;
      const b = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
      if (b.length) {
        this.parts.push(b);
        this.buffered += b.length;
      }
    }
    return true;
  }

  /** The next `n` bytes: a view when they lie in one chunk, else a copy. */
  async take(n: number): Promise<Buffer> {
    if (n === 0) return Buffer.alloc(0);
    if (!(await this.fill(n))) throw new Error('COPY data ended in the middle of a row');
    this.buffered -= n;
    const first = this.parts[0]!;
    if (first.length - this.head >= n) {
      const out = first.subarray(this.head, this.head + n);
      this.head += n;
      if (this.head === first.length) this.drop();
      return out;
    }
    const out = Buffer.allocUnsafe(n);
    for (let off = 0; off < n; ) {
      const part = this.parts[0]!;
      const k = Math.min(n - off, part.length - this.head);
      part.copy(out, off, this.head, this.head + k);
      off += k;
      this.head += k;
      if (this.head === part.length) this.drop();
    }
    return out;
  }

  private drop(): void {
    this.parts.shift();
    this.head = 0;
  }

  /** Nothing is left, now or from the source. */
  async atEnd(): Promise<boolean> {
    return !(await this.fill(1));
  }
}

/** Rows of a binary COPY, each as its fields' bytes (null for SQL NULL). Throws on malformed data. */
export async function* copyBinaryRows(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<(Buffer | null)[]> {
  const q = new ByteQueue(chunks[Symbol.asyncIterator]());
  if (!(await q.take(SIGNATURE.length)).equals(SIGNATURE)) throw new Error('not binary COPY data');
  const header = await q.take(8);
  // Bit 16 says OIDs are included; no query here asks for them.
  if (header.readUInt32BE(0) & (1 << 16)) throw new Error('binary COPY data with OIDs');
  await q.take(header.readUInt32BE(4));
  for (;;) {
    const count = (await q.take(2)).readInt16BE(0);
    if (count === -1) break;
    const row: (Buffer | null)[] = [];
    for (let i = 0; i < count; i++) {
      const len = (await q.take(4)).readInt32BE(0);
      row.push(len === -1 ? null : await q.take(len));
    }
    yield row;
  }
  if (!(await q.atEnd())) throw new Error('binary COPY data goes on after its trailer');
}
