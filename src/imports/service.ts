import type { Db } from '../db/client.js';
import { isUuid } from '../db/ids.js';
import { Forbidden, Invalid, NotFound } from '../errors.js';
import { saveBlob } from '../files/storage.js';
import { listMembershipsForUser, type MembershipRow } from '../orgs/repo.js';
import type { Actor } from '../suppliers/access.js';
import type { Mapping } from './fields.js';
import { autoMapping, headerSignature } from './headers.js';
import { LimitExceeded } from './limits.js';
import { storedMapping, validateMapping } from './mapping.js';
import { detectKind, MIME, parseSpreadsheet, type Sheet, UnreadableFile } from './parse.js';
import * as repo from './repo.js';
import type { CheckedRow, RowIssue } from './rows.js';
import { enqueueImport, MAX_ISSUES, type RunnerDeps, requeueAbandonedImports } from './runner.js';
import { checkRows, loadRowContext, readSheet, rememberSheet } from './sheet.js';

export const PREVIEW_ROWS = 50;

/**
 * The facilitator's office: the organisation of kind facilitator they belong to. Imports and
 * the suppliers they create belong to it; a facilitator without one cannot import.
 */
export async function requireOffice(db: Db, userId: string): Promise<MembershipRow> {
  const office = await findOffice(db, userId);
  if (!office) throw new Forbidden('imports.no_office');
  return office;
}

/** The office, or null: the list page tells a facilitator without one why they cannot upload. */
export async function findOffice(db: Db, userId: string): Promise<MembershipRow | null> {
  return (await listMembershipsForUser(db, userId)).find((m) => m.kind === 'facilitator') ?? null;
}

/** Imports an actor may see: those of their offices; admins see every office's. */
async function visibleOrgIds(db: Db, actor: Actor): Promise<string[] | 'all'> {
  if (actor.platformRole === 'admin') return 'all';
  return (await listMembershipsForUser(db, actor.userId))
    .filter((m) => m.kind === 'facilitator')
    .map((m) => m.id);
}

/** The office's imports, newest first; runs whose worker died are queued for a takeover. */
export async function listImportsFor(deps: RunnerDeps, actor: Actor): Promise<repo.ImportListRow[]> {
  const ids = await visibleOrgIds(deps.sql, actor);
  if (ids !== 'all' && ids.length === 0) return [];
  const orgIds = ids === 'all' ? null : ids;
  const list = await repo.listImports(deps.sql, orgIds);
  await requeueStale(deps, list);
  return list;
}

/** Queues a takeover for the running imports among `imports` whose worker went quiet. */
async function requeueStale(deps: RunnerDeps, imports: repo.ImportRow[]): Promise<void> {
  const running = imports.filter((i) => i.status === 'running').map((i) => i.id);
  await requeueAbandonedImports(deps, running);
}

/**
 * An import the actor may see; another office's import is NotFound, as if it did not exist.
 * A run whose worker has gone quiet is queued for another worker to take over.
 */
export async function getImportFor(deps: RunnerDeps, actor: Actor, id: string): Promise<repo.ImportListRow> {
  if (!isUuid(id)) throw new NotFound();
  const imp = await repo.findImport(deps.sql, id);
  if (!imp) throw new NotFound();
  const ids = await visibleOrgIds(deps.sql, actor);
  if (ids !== 'all' && !ids.includes(imp.organizationId)) throw new NotFound();
  await requeueStale(deps, [imp]);
  return imp;
}

export interface Upload {
  filename: string;
  bytes: Uint8Array;
  /** An explicit mapping (from the API); otherwise the saved or recognised one. */
  mapping?: (sheet: Sheet) => Mapping;
  /** Refuse the upload (422) when the mapping is not usable, e.g. before an immediate commit. */
  strict?: boolean;
}

/**
 * Stores the uploaded file (private, owned by the office) and opens a pending import with a
 * mapping: the one this uploader saved for the same header layout, else auto-recognition.
 * The preview's row findings are stored with it, so the API can report them before a commit.
 */
export async function uploadImport(deps: RunnerDeps, actor: Actor, upload: Upload): Promise<repo.ImportRow> {
  const office = await requireOffice(deps.sql, actor.userId);
  let sheet: Sheet;
  try {
    sheet = await parseSpreadsheet(upload.bytes);
  } catch (err) {
    if (err instanceof UnreadableFile) throw new Invalid({ file: `imports.file.${err.code}` });
    if (err instanceof LimitExceeded) {
      const key = `imports.limit.${err.limit}`;
      throw new Invalid({ file: key }, key);
    }
    throw err;
  }
  const mapping = upload.mapping
    ? upload.mapping(sheet)
    : await initialMapping(deps.sql, actor.userId, sheet.headers);
  if (upload.mapping || upload.strict) {
    const errors = validateMapping(mapping);
    if (Object.keys(errors).length) throw new Invalid(errors);
  }
  const issues = await previewIssues(deps, sheet, mapping);
  const blob = await saveBlob(deps.sql, upload.bytes);
  const kind = detectKind(upload.bytes);
  const imp = await deps.sql.begin(async (tx) => {
    const fileId = await repo.insertFile(tx, {
      organizationId: office.id,
      filename: upload.filename,
      mime: MIME[kind],
      sizeBytes: upload.bytes.byteLength,
      sha256: blob.sha256,
      storageKey: blob.storageKey,
      createdBy: actor.userId,
    });
    if (upload.mapping) await repo.saveMapping(tx, actor.userId, headerSignature(sheet.headers), mapping);
    return repo.insertImport(tx, {
      organizationId: office.id,
      createdBy: actor.userId,
      fileId,
      filename: upload.filename,
      headers: sheet.headers,
      mapping,
      totalRows: sheet.rows.length,
      errors: issues,
    });
  });
  rememberSheet(imp.fileId!, sheet);
  return imp;
}

async function initialMapping(db: Db, userId: string, headers: string[]): Promise<Mapping> {
  const saved = storedMapping(await repo.findSavedMapping(db, userId, headerSignature(headers)), headers);
  return saved ?? autoMapping(headers);
}

async function previewIssues(deps: RunnerDeps, sheet: Sheet, mapping: Mapping): Promise<RowIssue[]> {
  if (Object.keys(validateMapping(mapping)).length) return [];
  const ctx = await loadRowContext(deps.sql, deps.clock());
  return (await checkRows(sheet, mapping, ctx)).flatMap((r) => r.issues).slice(0, MAX_ISSUES);
}

export interface Preview {
  headers: string[];
  mapping: Mapping;
  mappingErrors: Record<string, string>;
  rows: (CheckedRow & { cells: string[] })[];
  total: number;
  valid: number;
  withWarnings: number;
  invalid: number;
  issues: RowIssue[];
}

/** Row-by-row findings for a mapping, before anything is written; shows the first rows. */
export async function previewImport(
  deps: RunnerDeps,
  imp: repo.ImportRow,
  mapping?: Mapping,
): Promise<Preview> {
  const sheet = await readSheet(deps.sql, imp.fileId ?? '');
  const m = mapping ?? storedMapping(imp.mapping, imp.headers) ?? autoMapping(imp.headers);
  const mappingErrors = validateMapping(m);
  const checked = Object.keys(mappingErrors).length
    ? []
    : await checkRows(sheet, m, await loadRowContext(deps.sql, deps.clock()));
  const cellsOf = new Map(sheet.rows.map((r) => [r.row, r.cells]));
  return {
    headers: sheet.headers,
    mapping: m,
    mappingErrors,
    rows: checked.slice(0, PREVIEW_ROWS).map((r) => ({ ...r, cells: cellsOf.get(r.row) ?? [] })),
    total: sheet.rows.length,
    valid: checked.filter((r) => r.ok).length,
    withWarnings: checked.filter((r) => r.ok && r.issues.length > 0).length,
    invalid: checked.filter((r) => !r.ok).length,
    issues: checked.flatMap((r) => r.issues).slice(0, MAX_ISSUES),
  };
}

/** Saves a valid mapping on the import and remembers it for this uploader's next file of this layout. */
export async function saveImportMapping(
  deps: RunnerDeps,
  actor: Actor,
  imp: repo.ImportRow,
  mapping: Mapping,
): Promise<void> {
  const errors = validateMapping(mapping);
  if (Object.keys(errors).length) throw new Invalid(errors);
  if (imp.status !== 'pending') throw new Invalid({ _: 'imports.not_pending' });
  const preview = await previewImport(deps, imp, mapping);
  await deps.sql.begin(async (tx) => {
    await repo.updateImportMapping(tx, imp.id, mapping, preview.issues);
    await repo.saveMapping(tx, actor.userId, headerSignature(imp.headers), mapping);
  });
}

/**
 * Queues the run as a job; false when it is already running or done (a second click on
 * "commit" changes nothing). A failed run may be started again: it is idempotent.
 */
export async function commitImport(deps: RunnerDeps, actor: Actor, imp: repo.ImportRow): Promise<boolean> {
  const mapping = storedMapping(imp.mapping, imp.headers);
  if (!mapping || Object.keys(validateMapping(mapping)).length)
    throw new Invalid({ _: 'imports.mapping.name_required' });
  const claimed = await repo.claimImportRun(deps.sql, imp.id, deps.clock());
  if (!claimed) return false;
  await enqueueImport(deps, { importId: imp.id, actorUserId: actor.userId });
  return true;
}

/** One page of the row-by-row outcomes of a finished run (none while it is pending or running). */
export async function listImportRows(
  db: Db,
  imp: repo.ImportRow,
  q: { outcome?: repo.Outcome | undefined; page: number; perPage: number },
): Promise<{ rows: repo.OutcomeListRow[]; hasMore: boolean }> {
  if (imp.status !== 'done' && imp.status !== 'failed') return { rows: [], hasMore: false };
  const rows = await repo.listOutcomes(db, imp.id, {
    outcome: q.outcome,
    limit: q.perPage + 1,
    offset: (q.page - 1) * q.perPage,
  });
  return { rows: rows.slice(0, q.perPage), hasMore: rows.length > q.perPage };
}
