import type { Db } from '../db/client.js';
import { isUuid } from '../db/ids.js';
import { Forbidden, NotFound } from '../errors.js';
import type { SupplierStatus } from '../matching/types.js';
import { type Actor, isFacilitator } from '../suppliers/access.js';
import { findNeed, listViewerOrgs, type NeedRow, type ViewerOrg } from './repo.js';
import { invitedAmong } from './responses-repo.js';

export interface NeedViewer {
  actor: Actor;
  orgs: ViewerOrg[];
}

export interface NeedAccess {
  /** Member of the buyer organisation: edits, sees matches, responses and the shortlist. */
  buyer: boolean;
  /** Facilitator or admin. */
  staff: boolean;
  /** The viewer's supplier organisations that may see and answer this need. */
  supplierIds: string[];
  /** May see the ranked matches and "why not" for any supplier. */
  matches: boolean;
}

/** Loads who the actor is for needs: their organisations and supplier profile statuses. */
export async function loadViewer(db: Db, actor: Actor): Promise<NeedViewer> {
  return { actor, orgs: await listViewerOrgs(db, actor.userId) };
}

/** Supplier organisations of the viewer whose profile is verified (those see public needs). */
export const verifiedSupplierIds = (v: NeedViewer) =>
  v.orgs.filter((o) => o.kind === 'supplier' && o.supplierStatus === 'verified').map((o) => o.id);

/** Supplier organisations of the viewer that have a profile at all (invitations can reach them). */
export const profileSupplierIds = (v: NeedViewer) =>
  v.orgs.filter((o) => o.kind === 'supplier' && o.supplierStatus !== null).map((o) => o.id);

/**
 * Who sees a need. Drafts: the buyer organisation (and admins). Invited-only needs: the buyer,
 * the invited suppliers and admins. Public needs: also facilitators, every verified supplier and the suppliers invited to it.
 * Anyone else gets null, which routes turn into 404, as if the need did not exist.
 */
export async function needAccess(db: Db, need: NeedRow, v: NeedViewer): Promise<NeedAccess | null> {
  const buyer = v.orgs.some((o) => o.id === need.buyerOrgId);
  const admin = v.actor.platformRole === 'admin';
  const staff = isFacilitator(v.actor);
  if (need.status === 'draft')
    return buyer || admin ? { buyer, staff, supplierIds: [], matches: true } : null;
  if (need.visibility === 'invited') {
    const invited = await invitedAmong(db, need.id, profileSupplierIds(v));
    if (!buyer && !admin && invited.length === 0) return null;
    return { buyer, staff, supplierIds: invited, matches: buyer || admin };
  }
  const invited = await invitedAmong(db, need.id, profileSupplierIds(v));
  const suppliers = [...new Set([...verifiedSupplierIds(v), ...invited])];
  if (!buyer && !staff && suppliers.length === 0) return null;
  return { buyer, staff, supplierIds: suppliers, matches: buyer || staff };
}

/** The need and the viewer's access to it; NotFound when the viewer may not know it exists. */
export async function requireNeed(
  db: Db,
  id: string,
  v: NeedViewer,
): Promise<{ need: NeedRow; access: NeedAccess }> {
  const need = isUuid(id) ? await findNeed(db, id) : null;
  const access = need ? await needAccess(db, need, v) : null;
  if (!need || !access) throw new NotFound();
  return { need, access };
}

/** Buyer-organisation members only (editing, opening, closing, shortlisting, inviting). */
export function requireBuyer(access: NeedAccess): void {
  if (!access.buyer) throw new Forbidden();
}

/** Supplier statuses a viewer may see matched: staff also see profiles awaiting verification. */
export function matchStatusesFor(v: NeedViewer): SupplierStatus[] {
  return isFacilitator(v.actor) ? ['verified', 'submitted'] : ['verified'];
}

/**
 * Whether the viewer may read "why (not)" for a supplier: staff for any supplier, a supplier for
 * itself, anyone else only for verified profiles (others are not public, as on profile pages).
 */
export function canExplain(
  v: NeedViewer,
  access: NeedAccess,
  supplierId: string,
  status: SupplierStatus,
): boolean {
  if (access.supplierIds.includes(supplierId)) return true;
  if (!access.matches) return false;
  return isFacilitator(v.actor) || status === 'verified';
}
