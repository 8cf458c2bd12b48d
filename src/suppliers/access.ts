import type { Db } from '../db/client.js';
import { Forbidden, NotFound } from '../errors.js';
import { findMembership } from '../orgs/repo.js';
import type { SupplierRow } from './repo.js';

export interface Actor {
  userId: string;
  platformRole: 'admin' | 'facilitator' | null;
}

export const isFacilitator = (a: Actor | null) =>
  a?.platformRole === 'facilitator' || a?.platformRole === 'admin';

export interface Access {
  /** Member of the supplier organisation. */
  member: boolean;
  /** Sees private parts: evidence files, contacts' details, the audit trail. */
  private: boolean;
  edit: boolean;
}

/**
 * Who may see and edit a profile. Verified profiles are public; anything else is visible
 * only to the organisation, facilitators and admins (others get 404, as if it did not exist).
 * An unclaimed *binaan* profile is edited by the office that owns it (its members), never by
 * other offices: they may view and verify it, but its data is that office's list. Once the
 * IKM claims it, its own members edit it. Admins edit everything.
 */
export async function accessTo(db: Db, actor: Actor | null, s: SupplierRow): Promise<Access> {
  const member = actor ? !!(await findMembership(db, s.organizationId, actor.userId)) : false;
  const staff = isFacilitator(actor);
  const edit = member || actor?.platformRole === 'admin' || (staff && (await isOwningOffice(db, actor!, s)));
  return { member, private: member || staff, edit };
}

/** True when the actor belongs to the office whose unclaimed binaan this profile is. */
export async function isOwningOffice(db: Db, actor: Actor, s: SupplierRow): Promise<boolean> {
  if (s.binaanOf === null || s.claimedAt !== null) return false;
  const office = await findMembership(db, s.binaanOf, actor.userId);
  return office?.kind === 'facilitator';
}

/** Throws NotFound when the actor may not even know the profile exists. */
export async function requireView(db: Db, actor: Actor | null, s: SupplierRow | null): Promise<Access> {
  if (!s) throw new NotFound();
  const access = await accessTo(db, actor, s);
  if (s.status !== 'verified' && !access.private) throw new NotFound();
  return access;
}

/** Throws NotFound for hidden profiles and Forbidden for visible ones the actor cannot edit. */
export async function requireEdit(db: Db, actor: Actor | null, s: SupplierRow | null): Promise<Access> {
  const access = await requireView(db, actor, s);
  if (!access.edit) throw new Forbidden();
  return access;
}
