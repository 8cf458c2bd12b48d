import type { Sql } from '../../src/db/client.js';
import { rechunk } from '../../src/files/storage.js';
import * as repo from '../snapshot-repo.js';
import type { Form } from '../tsvector.js';
import type { MemoryIndex } from './index.js';
import { decodeIndex, encodeIndex, SNAPSHOT_FORMAT } from './snapshot.js';

/** Chunks read per query while loading (about 4 MiB, and as much again asked for ahead). */
const READ_BATCH = 4;
/** Bytes per stored chunk: 200 round trips for a million suppliers, 1 MiB of buffer at a time. */
const CHUNK = 1024 * 1024;

/** What a stored snapshot holds: whose index, in which encoding, built under which taxonomy. */
export interface SnapshotKind {
  name: string;
  format: number;
  taxonomyVersion: string;
}

export interface SavedSnapshot {
  id: string;
  bytes: number;
  ms: number;
}

/**
 * Stores `bytes` as the newest snapshot of its kind, in chunks. `xmin` must be read before the
 * bytes are made (the poller's `since`): the encoded index then holds at least every change below
 * it, and a reader catching up from it re-reads, at worst, a few changes it already has (applying
 * one twice changes nothing).
 */
export async function storeSnapshot(
  sql: Sql,
  kind: SnapshotKind,
  meta: { xmin: string; documents: number },
  bytes: AsyncIterable<Uint8Array>,
): Promise<SavedSnapshot> {
  const t0 = performance.now();
  const id = await repo.insertSnapshot(sql, { ...kind, ...meta });
  let total = 0;
  try {
    let n = 0;
    for await (const chunk of rechunk(bytes, CHUNK)) {
      await repo.insertSnapshotChunk(sql, id, n++, chunk);
      total += chunk.byteLength;
    }
    await repo.completeSnapshot(sql, id, kind, total);
  } catch (err) {
    await repo.deleteSnapshot(sql, id).catch(() => {});
    throw err;
  }
  return { id, bytes: total, ms: Math.round(performance.now() - t0) };
}

export interface StoredSnapshot<T> {
  value: T;
  xmin: string;
  createdAt: Date;
  bytes: number;
}

/**
 * The newest usable snapshot of its kind, decoded; null when there is none. Its bytes come by
 * one binary COPY; should reading them fail (not decoding them), they are read again by SELECT
 * in one repeatable-read transaction, and `onCopyError` hears why.
 */
export async function readStoredSnapshot<T>(
  sql: Sql,
  kind: SnapshotKind,
  decode: (chunks: AsyncIterable<Uint8Array>, total: number) => Promise<T>,
  onCopyError?: (err: unknown) => void,
): Promise<StoredSnapshot<T> | null> {
  const row = await repo.latestSnapshot(sql, kind);
  if (!row) return null;
  const chunks = repo.copySnapshotChunks(sql, row);
  try {
    const value = await decode(chunks, row.sizeBytes);
    // Pulls the rest: the trailer, the byte total's check, and the connection back to the pool.
    if (!(await chunks.next()).done) throw new Error('snapshot: bytes after the index');
    return { value, xmin: row.xmin, createdAt: row.createdAt, bytes: row.sizeBytes };
  } catch (err) {
    if (!(err instanceof repo.SnapshotReadError)) throw err;
    onCopyError?.(err);
    return selectSnapshot(sql, kind, decode);
  } finally {
    await chunks.return(undefined);
  }
}

/**
 * The same by SELECT, in one repeatable-read transaction (so a writer replacing the snapshot
 * meanwhile is harmless), four chunks a query, hex-encoded by PostgreSQL and decoded here.
 */
async function selectSnapshot<T>(
  sql: Sql,
  kind: SnapshotKind,
  decode: (chunks: AsyncIterable<Uint8Array>, total: number) => Promise<T>,
): Promise<StoredSnapshot<T> | null> {
  return (await sql.begin('isolation level repeatable read read only', async (tx) => {
    const row = await repo.latestSnapshot(tx, kind);
    if (!row) return null;
    // The next batch is asked for while this one decodes: PostgreSQL hex-encodes on its core
    // while this process decodes on its own.
    async function* chunks() {
      const read = (from: number) => {
        const p = repo.readSnapshotChunks(tx, row!.id, from, READ_BATCH);
        p.catch(() => undefined); // awaited below; a decode error may end the loop first
        return p;
      };
      let next = read(0);
      for (let from = 0; ; from += READ_BATCH) {
        const batch = await next;
        if (batch.length === READ_BATCH) next = read(from + READ_BATCH);
        yield* batch;
        if (batch.length < READ_BATCH) return;
      }
    }
    const value = await decode(chunks(), row.sizeBytes);
    return { value, xmin: row.xmin, createdAt: row.createdAt, bytes: row.sizeBytes };
  })) as StoredSnapshot<T> | null;
}

const searchKind = (taxonomyVersion: string): SnapshotKind => ({
  name: 'search',
  format: SNAPSHOT_FORMAT,
  taxonomyVersion,
});

/** Stores the search index as the newest snapshot (see storeSnapshot). */
export function saveSnapshot(
  sql: Sql,
  ix: MemoryIndex,
  meta: { taxonomyVersion: string; xmin: string },
): Promise<SavedSnapshot> {
  return storeSnapshot(
    sql,
    searchKind(meta.taxonomyVersion),
    { xmin: meta.xmin, documents: ix.size - ix.dead },
    encodeIndex(ix),
  );
}

export interface LoadedSnapshot {
  ix: MemoryIndex;
  xmin: string;
  createdAt: Date;
  bytes: number;
}

/** The newest search index snapshot for this format and taxonomy version, decoded (see readStoredSnapshot). */
export async function loadSnapshot(
  sql: Sql,
  vocabulary: { version: string; phraseForms: Map<string, Form[]> },
  onCopyError?: (err: unknown) => void,
): Promise<LoadedSnapshot | null> {
  const stored = await readStoredSnapshot(
    sql,
    searchKind(vocabulary.version),
    (chunks, total) => decodeIndex(vocabulary.phraseForms.values(), chunks, total),
    onCopyError,
  );
  return stored && { ix: stored.value, xmin: stored.xmin, createdAt: stored.createdAt, bytes: stored.bytes };
}
