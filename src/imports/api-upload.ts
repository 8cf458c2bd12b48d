import { Invalid } from '../errors.js';
import type { Actor } from '../suppliers/access.js';
import type { Mapping } from './fields.js';
import { mappingFromObject } from './mapping.js';
import type { ImportListRow } from './repo.js';
import type { RunnerDeps } from './runner.js';
import { commitImport, getImportFor, uploadImport } from './service.js';

function explicitMapping(obj: Record<string, unknown>, headers: string[]): Mapping {
  const { mapping, errors } = mappingFromObject(obj, headers);
  if (Object.keys(errors).length) throw new Invalid(errors);
  return mapping;
}

/** An upload through the API: the file, an optional column mapping by header, and whether to commit at once. */
export interface ApiImport {
  filename: string;
  bytes: Uint8Array;
  commit: boolean;
  mapping?: Record<string, unknown> | undefined;
}

/**
 * Opens an import from the API in one call: an explicit mapping replaces the saved or
 * recognised one, and `commit` refuses an unusable mapping (422) and then queues the import
 * right away. Answers with the import as its status endpoint would show it.
 */
export async function importViaApi(deps: RunnerDeps, actor: Actor, req: ApiImport): Promise<ImportListRow> {
  const explicit = req.mapping;
  const imp = await uploadImport(deps, actor, {
    filename: req.filename,
    bytes: req.bytes,
    strict: req.commit,
    ...(explicit ? { mapping: (sheet) => explicitMapping(explicit, sheet.headers) } : {}),
  });
  if (req.commit) await commitImport(deps, actor, imp);
  return getImportFor(deps, actor, imp.id);
}
