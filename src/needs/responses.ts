import { recordAudit } from '../audit/service.js';
import type { Db } from '../db/client.js';
import { isUuid } from '../db/ids.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.js';
import type { Locale } from '../i18n/index.js';
import { notify } from '../notifications/service.js';
import { todayIso } from '../suppliers/normalize.js';
import { findSupplier } from '../suppliers/repo.js';
import { type NeedViewer, requireBuyer, requireNeed } from './access.js';
import { listRecipients, type NeedRow } from './repo.js';
import {
  addToShortlist,
  insertInvitation,
  insertResponse,
  recordNotice,
  removeFromShortlist,
} from './responses-repo.js';
import type { ResponseInput } from './schema.js';
import type { NeedDeps } from './service.js';

/** The need's title in a reader's language, falling back to the other one. */
export function needTitle(n: Pick<NeedRow, 'titleId' | 'titleEn'>, locale: Locale): string {
  return (locale === 'en' ? (n.titleEn ?? n.titleId) : (n.titleId ?? n.titleEn)) ?? '';
}

/**
 * A supplier answers an open need once: interested (message, optional indicative price) or not
 * (reason). Interest is told to every member of the buyer organisation, in the same transaction.
 */
export async function respondToNeed(
  deps: NeedDeps,
  viewer: NeedViewer,
  needId: string,
  r: ResponseInput,
): Promise<string> {
  const { need, access } = await requireNeed(deps.sql, needId, viewer);
  const supplierId = r.supplier_id ?? (access.supplierIds.length === 1 ? access.supplierIds[0]! : null);
  if (!supplierId)
    throw access.supplierIds.length ? new Invalid({ supplier_id: 'v.choice' }) : new Forbidden();
  if (!access.supplierIds.includes(supplierId)) throw new Forbidden();
  if (need.status !== 'open') throw new Conflict('needs.not_open');
  if (need.responseDeadline && need.responseDeadline < todayIso(deps.clock()))
    throw new Conflict('needs.deadline_passed');
  return deps.sql.begin(async (tx) => {
    const id = await insertResponse(tx, {
      needId,
      supplierId,
      interested: r.interested,
      message: r.interested ? r.message : null,
      indicativePriceIdr:
        r.interested && r.indicative_price_idr !== null ? r.indicative_price_idr.toString() : null,
      reason: r.interested ? null : r.reason,
      respondedBy: viewer.actor.userId,
    });
    await recordAudit(tx, {
      actorUserId: viewer.actor.userId,
      organizationId: supplierId,
      entity: 'need',
      entityId: needId,
      action: r.interested ? 'interest' : 'not_interested',
      changes: { supplier_id: supplierId },
    });
    if (r.interested) {
      const supplier = await findSupplier(tx, supplierId);
      for (const u of await listRecipients(tx, need.buyerOrgId))
        await notify(
          tx,
          deps.jobs,
          {
            userId: u.userId,
            kind: 'need.interest',
            titleKey: 'needs.mail.interest_title',
            bodyKey: 'needs.mail.interest_body',
            params: {
              supplier: supplier?.legalName ?? '',
              need: needTitle(need, u.locale),
              message: r.message ?? '',
            },
            link: `/needs/${needId}#responses`,
            email: true,
          },
          deps.origin,
        );
    }
    return id;
  });
}

/**
 * Adds a supplier to the buyer's shortlist of a need, or takes it off. No prior interest is
 * needed: buyers shortlist from search results and profiles before anyone answered. Any listed
 * profile (verified or awaiting verification) may be shortlisted; others are NotFound.
 */
export async function setShortlisted(
  deps: NeedDeps,
  viewer: NeedViewer,
  needId: string,
  supplierId: string,
  on: boolean,
): Promise<void> {
  const { need, access } = await requireNeed(deps.sql, needId, viewer);
  requireBuyer(access);
  if (!isUuid(supplierId)) throw new NotFound();
  await deps.sql.begin(async (tx) => {
    if (on) {
      const supplier = await findSupplier(tx, supplierId);
      if (!supplier || !LISTED.includes(supplier.status)) throw new NotFound();
      if (!(await addToShortlist(tx, needId, supplierId, viewer.actor.userId))) return;
    } else if (!(await removeFromShortlist(tx, needId, supplierId))) return;
    await recordAudit(tx, {
      actorUserId: viewer.actor.userId,
      organizationId: need.buyerOrgId,
      entity: 'need',
      entityId: needId,
      action: on ? 'shortlist' : 'unshortlist',
      changes: { supplier_id: supplierId },
    });
  });
}

/** Supplier statuses a buyer may shortlist or invite: the profiles search lists to someone. */
const LISTED: readonly string[] = ['verified', 'submitted'];

/**
 * Invites a supplier to one of the buyer's needs, public or invited-only. An open need is told to
 * the supplier's members at once, each in their language (in-app and by e-mail), in the same
 * transaction as the invitation; a draft is told by the match job when it opens. Inviting twice
 * is harmless (nothing new is stored or sent).
 */
export async function inviteSupplier(
  deps: NeedDeps,
  viewer: NeedViewer,
  needId: string,
  supplierId: string,
): Promise<void> {
  const { need, access } = await requireNeed(deps.sql, needId, viewer);
  requireBuyer(access);
  if (need.status === 'closed') throw new Conflict('needs.is_closed');
  const supplier = isUuid(supplierId) ? await findSupplier(deps.sql, supplierId) : null;
  if (!supplier || !LISTED.includes(supplier.status))
    throw new Invalid({ supplier_id: 'v.needs.unknown_supplier' });
  await deps.sql.begin(async (tx: Db) => {
    if (!(await insertInvitation(tx, needId, supplierId, viewer.actor.userId))) return;
    await recordAudit(tx, {
      actorUserId: viewer.actor.userId,
      organizationId: need.buyerOrgId,
      entity: 'need',
      entityId: needId,
      action: 'invite',
      changes: { supplier_id: supplierId },
    });
    if (need.status === 'open')
      await tellInvited(deps, tx, need, supplier.organizationId, supplier.legalName);
  });
}

/** The invitation notice to every member of the supplier, in their own language. */
async function tellInvited(deps: NeedDeps, tx: Db, need: NeedRow, supplierId: string, name: string) {
  await recordNotice(tx, need.id, supplierId, 0);
  for (const u of await listRecipients(tx, supplierId))
    await notify(
      tx,
      deps.jobs,
      {
        userId: u.userId,
        kind: 'need.invited',
        titleKey: 'needs.mail.invited_title',
        bodyKey: 'needs.mail.invited_body',
        params: { buyer: need.buyerName, need: needTitle(need, u.locale), supplier: name },
        link: `/needs/${need.id}`,
        email: true,
      },
      deps.origin,
    );
}
