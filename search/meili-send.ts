import type { Meilisearch, Task } from 'meilisearch';
import type { MeiliDocument } from './documents.js';

/** How long one Meilisearch task may take before the batch counts as failed. */
const TASK_TIMEOUT_MS = 60_000;

/** A document Meilisearch refused, with its reason. */
export interface Rejected {
  document: MeiliDocument;
  error: string;
}

/** Meilisearch did not process a task for reasons that are not the documents' fault (down, internal). */
export class MeiliTaskError extends Error {}

/**
 * Upserts `docs` and returns the ones Meilisearch rejects. A document error fails its whole task,
 * so a failed batch is split in halves until each rejected document stands alone: one bad
 * document costs about 2·log2(n) extra tasks, and every other document still goes in.
 */
export async function sendDocuments(
  client: Meilisearch,
  uid: string,
  docs: MeiliDocument[],
): Promise<Rejected[]> {
  if (docs.length === 0) return [];
  const task = await client
    .index(uid)
    .addDocuments(docs, { primaryKey: 'id' })
    .waitTask({ timeout: TASK_TIMEOUT_MS });
  if (task.status === 'succeeded') return [];
  if (!isDocumentError(task)) throw new MeiliTaskError(describe(task));
  if (docs.length === 1) return [{ document: docs[0]!, error: describe(task) }];
  const mid = Math.ceil(docs.length / 2);
  return [
    ...(await sendDocuments(client, uid, docs.slice(0, mid))),
    ...(await sendDocuments(client, uid, docs.slice(mid))),
  ];
}

/** Removes documents by id; any failure is the server's (ids are always valid). */
export async function deleteDocuments(client: Meilisearch, uid: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const task = await client.index(uid).deleteDocuments(ids).waitTask({ timeout: TASK_TIMEOUT_MS });
  if (task.status !== 'succeeded') throw new MeiliTaskError(describe(task));
}

/** Meilisearch blames the request (a field, an id, a geo point), not itself. */
function isDocumentError(task: Task): boolean {
  return task.status === 'failed' && task.error?.type === 'invalid_request';
}

function describe(task: Task): string {
  const e = task.error;
  return `Meilisearch task ${task.uid} ${task.status}${e ? `: ${e.code}: ${e.message}` : ''}`.slice(0, 500);
}
