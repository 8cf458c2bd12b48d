import type { Db } from '../db/client.js';
import { isUuid } from '../db/ids.js';
import { NotFound } from '../errors.js';
import { isFacilitator } from '../suppliers/access.js';
import { type NeedViewer, needAccess, verifiedSupplierIds } from './access.js';
import { findNeed, type NeedRow } from './repo.js';

/** Who the viewer is for a need's RFQ documents and quotes. */
export interface RfqAccess {
  need: NeedRow;
  buyer: boolean;
  staff: boolean;
  /** The viewer's verified suppliers the need is open or invited to (they quote and see the drawings). */
  supplierIds: string[];
}

/**
 * Drawings, specifications and quotes are for the buyer, staff (facilitators and admins, on any
 * need past its draft) and the verified suppliers the need is open or invited to. Everyone else,
 * including suppliers awaiting verification, gets NotFound: the documents may be confidential.
 */
export async function requireRfqAccess(db: Db, needId: string, v: NeedViewer): Promise<RfqAccess> {
  const need = isUuid(needId) ? await findNeed(db, needId) : null;
  if (!need) throw new NotFound();
  const access = await needAccess(db, need, v);
  const staff = isFacilitator(v.actor) && (need.status !== 'draft' || v.actor.platformRole === 'admin');
  const verified = new Set(verifiedSupplierIds(v));
  const supplierIds = (access?.supplierIds ?? []).filter((id) => verified.has(id));
  const buyer = access?.buyer ?? false;
  if (!buyer && !staff && supplierIds.length === 0) throw new NotFound();
  return { need, buyer, staff, supplierIds };
}
