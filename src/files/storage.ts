import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Blob storage under DATA_DIR/uploads. Keys are random UUIDs in two-level fan-out folders,
 * never derived from user input, so paths cannot be guessed or traversed. Access control is
 * the job of the route that serves a file, never of the path.
 */
export async function saveBlob(
  dataDir: string,
  bytes: Uint8Array,
): Promise<{ storageKey: string; sha256: string }> {
  const id = randomUUID();
  const storageKey = `${id.slice(0, 2)}/${id}`;
  const file = path.join(dataDir, 'uploads', storageKey);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, bytes, { mode: 0o600 });
  return { storageKey, sha256: createHash('sha256').update(bytes).digest('hex') };
}

const KEY = /^[0-9a-f]{2}\/[0-9a-f-]{36}$/;

/** True for keys that look like ones `saveBlob` generates (nothing else is ever read or deleted). */
export function isStorageKey(key: string): boolean {
  return KEY.test(key);
}

/** Reads a stored blob; the key must look like one we generated. */
export async function readBlob(dataDir: string, storageKey: string): Promise<Buffer> {
  if (!isStorageKey(storageKey)) throw new Error('invalid storage key');
  return fs.readFile(path.join(dataDir, 'uploads', storageKey));
}

export async function deleteBlob(dataDir: string, storageKey: string): Promise<void> {
  if (!isStorageKey(storageKey)) return;
  await fs.rm(path.join(dataDir, 'uploads', storageKey), { force: true });
}
