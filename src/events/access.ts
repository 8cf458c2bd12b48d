import type { Db } from '../db/client.js';
import { isUuid } from '../db/ids.js';
import { Forbidden, NotFound } from '../errors.js';
import { findMembership } from '../orgs/repo.js';
import { type Actor, isFacilitator } from '../suppliers/access.js';
import { type EventRow, findEvent } from './repo.js';

export type { Actor };
export { isFacilitator };

/** Any facilitator or admin runs any event: offices co-organise, and the grid is shared work. */
export function requireStaff(actor: Actor | null): void {
  if (!isFacilitator(actor)) throw new Forbidden();
}

/** The event or NotFound; a malformed id is simply "not found". */
export async function requireEvent(db: Db, id: string | undefined): Promise<EventRow> {
  if (!isUuid(id)) throw new NotFound();
  const event = await findEvent(db, id);
  if (!event) throw new NotFound();
  return event;
}

/**
 * Whether the actor may act for an organisation at an event: its members, or staff on anyone's
 * behalf. Outsiders get NotFound so another organisation's participants cannot be probed.
 */
export async function requireActFor(db: Db, actor: Actor, organizationId: string): Promise<void> {
  if (isFacilitator(actor)) return;
  if (!(await findMembership(db, organizationId, actor.userId))) throw new NotFound();
}

/** True when the actor is staff or a member of the organisation (no throw, for views). */
export async function canActFor(db: Db, actor: Actor, organizationId: string): Promise<boolean> {
  return isFacilitator(actor) || !!(await findMembership(db, organizationId, actor.userId));
}
