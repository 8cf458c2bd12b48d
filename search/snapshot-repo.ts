import type { Readable } from 'node:stream';
import type { Db, Sql } from '../src/db/client.js';
import { copyBinaryRows } from '../src/db/copy-binary.js';

export interface SnapshotRow {
  id: string;
  format: number;
  taxonomyVersion: string;
  xmin: string;
  documents: number;
  sizeBytes: number;
  createdAt: Date;
}

/** A new, incomplete snapshot; invisible to readers until `completeSnapshot`. */
export async function insertSnapshot(
  db: Db,
  s: { name: string; format: number; taxonomyVersion: string; xmin: string; documents: number },
): Promise<string> {
  const [row] = await db<{ id: string }[]>`
    insert into index_snapshots (name, format, taxonomy_version, since_xmin, documents)
    values (${s.name}, ${s.format}, ${s.taxonomyVersion}, ${s.xmin}::xid8, ${s.documents})
    returning id`;
  return row!.id;
}

export async function insertSnapshotChunk(db: Db, id: string, n: number, bytes: Uint8Array): Promise<void> {
  await db`insert into index_snapshot_chunks (snapshot_id, n, bytes) values (${id}, ${n}, ${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)})`;
}

/**
 * Marks the snapshot readable and removes the others of the same name and format (older ones and
 * any a crashed writer left incomplete), in one transaction: readers see the old or the new one.
 * Snapshots of another format go once a day old: during a rolling deploy the instances still on
 * the other format keep theirs.
 */
export async function completeSnapshot(
  db: Db,
  id: string,
  s: { name: string; format: number },
  sizeBytes: number,
): Promise<void> {
  await db`
    with done as (update index_snapshots set complete = true, size_bytes = ${sizeBytes} where id = ${id})
    delete from index_snapshots
    where name = ${s.name} and id <> ${id}
      and (format = ${s.format} or created_at < now() - interval '1 day')`;
}

export async function deleteSnapshot(db: Db, id: string): Promise<void> {
  await db`delete from index_snapshots where id = ${id}`;
}

/**
 * The newest complete snapshot of `name` in this format and taxonomy version, unless its xmin
 * lies ahead of this cluster's current one: then it was copied from another cluster, and catching
 * up from it would miss changes.
 */
export async function latestSnapshot(
  db: Db,
  s: { name: string; format: number; taxonomyVersion: string },
): Promise<SnapshotRow | null> {
  const [row] = await db<SnapshotRow[]>`
    select id, format, taxonomy_version, since_xmin::text as xmin, documents, size_bytes::float8 as size_bytes, created_at
    from index_snapshots
    where name = ${s.name} and format = ${s.format} and taxonomy_version = ${s.taxonomyVersion} and complete
      and since_xmin <= pg_snapshot_xmin(pg_current_snapshot())
    order by created_at desc limit 1`;
  return row ?? null;
}

/**
 * Chunks `from .. from + count - 1` of a snapshot, in order (fewer at the end). Read raw and
 * hex-decoded here: postgres.js's bytea parser makes a UTF-8 string of each chunk first, which
 * took 5.0 s for a million suppliers' 243 MiB against 1.7 s this way, four chunks a query.
 */
export async function readSnapshotChunks(db: Db, id: string, from: number, count: number): Promise<Buffer[]> {
  const rows = await db`
    select n, bytes from index_snapshot_chunks
    where snapshot_id = ${id} and n >= ${from} and n < ${from + count}
    order by n`.raw();
  return rows.map((row, i) => {
    const [n, bytes] = row as unknown as [Buffer, Buffer];
    // Text format: `n` in decimal, `bytes` as \x followed by hex.
    if (Number(n.toString('latin1')) !== from + i) throw new Error(`snapshot: chunk ${from + i} missing`);
    if (bytes[0] !== 0x5c || bytes[1] !== 0x78) throw new Error('snapshot: chunk not in hex format');
    return Buffer.from(bytes.toString('latin1', 2), 'hex');
  });
}

/** Reading a snapshot's bytes failed (not decoding them): another way of reading may still work. */
export class SnapshotReadError extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every chunk of a snapshot, in order, by one binary COPY: PostgreSQL sends the bytes as they are
 * stored, without the hex encoding a SELECT needs (1.1 s for a million suppliers' 243 MiB, against
 * 1.7 s of encoding there and 1.4 s of decoding here). One statement sees all of a snapshot's
 * chunks or none, so no transaction is needed. Throws `SnapshotReadError` when a chunk is missing,
 * when the bytes add up to another size than `sizeBytes` (the snapshot was replaced and deleted
 * meanwhile), or when the COPY does not start or no data arrives for `stallMs`: then the statement
 * is cancelled. A caller that stops early lets the rest flow past, so the connection goes back to
 * the pool.
 */
export async function* copySnapshotChunks(
  sql: Sql,
  s: { id: string; sizeBytes: number },
  stallMs = 15_000,
): AsyncGenerator<Buffer> {
  if (!UUID.test(s.id)) throw new SnapshotReadError('snapshot: id is not a uuid');
  // A connection of its own: postgres.js pipelines queries onto busy pool connections, and one
  // sent to a connection in the middle of a COPY fails (COPY_IN_PROGRESS).
  const conn = await sql.reserve();
  // COPY takes no parameters; the id is checked above.
  const query = conn.unsafe(
    `copy (select n, bytes from index_snapshot_chunks where snapshot_id = '${s.id}' order by n)
     to stdout (format binary)`,
  );
  const starting = setTimeout(() => query.cancel(), stallMs);
  const stream = (await query
    .readable()
    .catch((err: unknown) => {
      conn.release();
      throw new SnapshotReadError('snapshot: COPY failed', { cause: err });
    })
    .finally(() => clearTimeout(starting))) as Readable;
  // postgres.js (3.4) pauses the connection's socket whenever a push fills the stream's buffer,
  // and resumes it only from the stream's `_read`, which Node never calls once the stream has
  // ended. When the last chunk, CopyDone and ReadyForQuery arrive in one read, the connection went
  // back to the pool paused, and the next query on it was never answered. Resume it at the end.
  const resume = () => (stream as unknown as { _read(size: number): void })._read(0);
  stream.once('end', resume);
  stream.once('error', resume);
  const it = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let done = false;
  try {
    let n = 0;
    let bytes = 0;
    const rows = copyBinaryRows(watched(it, stallMs, () => query.cancel()));
    for (;;) {
      const row = await rows.next().catch((err: unknown) => {
        throw new SnapshotReadError(`snapshot: reading chunk ${n} failed`, { cause: err });
      });
      if (row.done) break;
      const [num, chunk] = row.value;
      if (num?.length !== 4 || num.readInt32BE(0) !== n || !chunk)
        throw new SnapshotReadError(`snapshot: chunk ${n} missing`);
      n++;
      bytes += chunk.length;
      yield chunk;
    }
    if (bytes !== s.sizeBytes)
      throw new SnapshotReadError(`snapshot: ${bytes} bytes stored, ${s.sizeBytes} expected`);
    done = true;
  } finally {
    const release = () => {
      resume();
      conn.release();
    };
    if (done) release();
    else
      void (async () => {
        try {
          while (!(await it.next()).done);
        } catch {
          // cancelled, or the connection failed: either way the stream is over
        }
        release();
      })();
  }
}

/** The stream's chunks, calling `onStall` and throwing when none arrives for `stallMs`. */
async function* watched(it: AsyncIterator<Buffer>, stallMs: number, onStall: () => void) {
  for (;;) {
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        onStall();
        reject(new Error(`snapshot: no data for ${stallMs} ms`));
      }, stallMs);
    });
    let next: IteratorResult<Buffer>;
    try {
      next = await Promise.race([it.next(), stalled]);
    } finally {
      clearTimeout(timer);
    }
    if (next.done) return;
    yield next.value;
  }
}
