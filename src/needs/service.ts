import { diff, recordAudit } from '../audit/service.js';
import type { Db, Sql } from '../db/client.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.js';
import type { Jobs } from '../jobs/queue.js';
import { loadVocabulary } from '../matching/vocabulary.js';
import { todayIso } from '../suppliers/normalize.js';
import { type NeedViewer, requireBuyer, requireNeed } from './access.js';
import {
  insertNeed,
  lockNeed,
  type NeedRow,
  type NeedWrite,
  setNeedStatus,
  updateNeed,
  WRITE_COLUMNS,
} from './repo.js';
import type { CloseReason, NeedInput } from './schema.js';
import { toWrite } from './terms.js';

export interface NeedDeps {
  sql: Sql;
  jobs: Jobs | null;
  clock: () => Date;
  /** Public origin, for links in notifications. */
  origin: string;
}

/** Payload of the `needs.match` job: tell the best-matching suppliers about an open need. */
export interface NeedMatchJob {
  needId: string;
  origin: string;
}

/** The stored need as input again (slugs, estate slug), so a PATCH can be merged and re-validated. */
export function inputOf(n: NeedRow): NeedInput {
  return {
    buyerOrgId: n.buyerOrgId,
    titleId: n.titleId,
    titleEn: n.titleEn,
    descriptionId: n.descriptionId,
    descriptionEn: n.descriptionEn,
    sector: n.sector,
    productCategory: n.productCategory,
    processes: n.processes,
    materials: n.materials,
    requiredCerts: n.requiredCerts,
    preferredCerts: n.preferredCerts,
    minTkdn: n.minTkdn,
    quantity: n.quantity,
    unit: n.unit,
    frequency: n.frequency,
    targetPriceIdr: n.targetPriceIdr === null ? null : BigInt(n.targetPriceIdr),
    estate: n.estateSlug,
    location:
      n.deliveryLat !== null && n.deliveryLon !== null ? { lat: n.deliveryLat, lon: n.deliveryLon } : null,
    maxDistanceKm: n.maxDistanceKm,
    responseDeadline: n.responseDeadline,
    visibility: n.visibility,
  };
}

/** Validates in the transaction `db`; the taxonomy comes from the pool's short-lived cache. */
async function validated(db: Db, sql: Sql, input: NeedInput): Promise<NeedWrite> {
  const r = await toWrite(db, await loadVocabulary(sql), input);
  if (!r.ok) throw new Invalid(r.errors);
  return r.write;
}

function writeRecord(w: NeedWrite): Record<string, unknown> {
  return Object.fromEntries(WRITE_COLUMNS.map((k) => [k, w[k]]));
}

/** Asks the job queue, in the caller's transaction, to notify matching suppliers of an open need. */
async function enqueueMatch(db: Db, deps: NeedDeps, needId: string): Promise<void> {
  await deps.jobs?.send<NeedMatchJob>('needs.match', { needId, origin: deps.origin }, {}, db);
}

/**
 * Creates a draft need for one of the viewer's buyer organisations (the only one, when the
 * viewer has exactly one and names none).
 */
export async function createNeed(deps: NeedDeps, viewer: NeedViewer, input: NeedInput): Promise<string> {
  const buyers = viewer.orgs.filter((o) => o.kind === 'buyer');
  const orgId = input.buyerOrgId ?? (buyers.length === 1 ? buyers[0]!.id : null);
  if (!orgId) throw new Invalid({ buyer_org_id: buyers.length ? 'v.choice' : 'v.needs.no_buyer_org' });
  if (!buyers.some((o) => o.id === orgId)) throw new Forbidden();
  return deps.sql.begin(async (tx) => {
    const write = await validated(tx, deps.sql, input);
    const id = await insertNeed(tx, orgId, viewer.actor.userId, write);
    await recordAudit(tx, {
      actorUserId: viewer.actor.userId,
      organizationId: orgId,
      entity: 'need',
      entityId: id,
      action: 'create',
      changes: writeRecord(write),
    });
    return id;
  });
}

/** Edits a draft or open need; an open need's suppliers are matched (and told) again. */
export async function editNeed(
  deps: NeedDeps,
  viewer: NeedViewer,
  id: string,
  changes: Partial<NeedInput>,
): Promise<void> {
  const { access } = await requireNeed(deps.sql, id, viewer);
  requireBuyer(access);
  await deps.sql.begin(async (tx) => {
    const need = (await lockNeed(tx, id))!;
    if (need.status === 'closed') throw new Conflict('needs.is_closed');
    const before = inputOf(need);
    const write = await validated(tx, deps.sql, { ...before, ...changes });
    const oldWrite = await validated(tx, deps.sql, before).catch(() => null);
    const changed = diff(oldWrite ? writeRecord(oldWrite) : {}, writeRecord(write));
    if (Object.keys(changed).length === 0) return;
    await updateNeed(tx, id, write, deps.clock());
    await recordAudit(tx, {
      actorUserId: viewer.actor.userId,
      organizationId: need.buyerOrgId,
      entity: 'need',
      entityId: id,
      action: 'update',
      changes: changed,
    });
    if (need.status === 'open') await enqueueMatch(tx, deps, id);
  });
}

/** draft → open: the need becomes visible to suppliers, and the best-matching ones are told. */
export async function openNeed(deps: NeedDeps, viewer: NeedViewer, id: string): Promise<void> {
  const { access } = await requireNeed(deps.sql, id, viewer);
  requireBuyer(access);
  const now = deps.clock();
  await deps.sql.begin(async (tx) => {
    const need = (await lockNeed(tx, id))!;
    if (need.status !== 'draft') throw new Conflict('needs.bad_transition');
    if (need.responseDeadline && need.responseDeadline < todayIso(now))
      throw new Invalid({ response_deadline: 'v.needs.deadline_past' });
    await setNeedStatus(tx, id, { status: 'open', closeReason: null, now });
    await recordAudit(tx, {
      actorUserId: viewer.actor.userId,
      organizationId: need.buyerOrgId,
      entity: 'need',
      entityId: id,
      action: 'open',
      changes: { status: ['draft', 'open'] },
    });
    await enqueueMatch(tx, deps, id);
  });
}

/** open → closed (awarded or cancelled); a draft can only be cancelled. */
export async function closeNeed(
  deps: NeedDeps,
  viewer: NeedViewer,
  id: string,
  reason: CloseReason,
): Promise<void> {
  const { access } = await requireNeed(deps.sql, id, viewer);
  requireBuyer(access);
  await deps.sql.begin(async (tx) => {
    const need = await lockNeed(tx, id);
    if (!need) throw new NotFound();
    const allowed = need.status === 'open' || (need.status === 'draft' && reason === 'cancelled');
    if (!allowed) throw new Conflict('needs.bad_transition');
    await setNeedStatus(tx, id, { status: 'closed', closeReason: reason, now: deps.clock() });
    await recordAudit(tx, {
      actorUserId: viewer.actor.userId,
      organizationId: need.buyerOrgId,
      entity: 'need',
      entityId: id,
      action: `close_${reason}`,
      changes: { status: [need.status, 'closed'], close_reason: reason },
    });
  });
}

/** Live validation: the errors a need would be rejected with (taxonomy, estate, rules across fields). */
export async function checkNeed(sql: Sql, input: NeedInput): Promise<Record<string, string>> {
  const r = await toWrite(sql, await loadVocabulary(sql), input);
  return r.ok ? {} : r.errors;
}
