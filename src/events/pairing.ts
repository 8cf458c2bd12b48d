import type { Db } from '../db/client.js';
import { Invalid } from '../errors.js';
import { findOrganizationById } from '../orgs/repo.js';
import { type Actor, isFacilitator } from '../suppliers/access.js';

/**
 * Temu usaha pairs a buyer with a supplier: a buyer asking a buyer (or a supplier a supplier) is
 * not what an event or an ad-hoc proposal is for, so members are refused with a 422 on the
 * counterpart field. Facilitators and admins place any meeting (a consortium, a mentor visit).
 */
export async function requireBuyerSupplierPair(
  db: Db,
  actor: Actor,
  fromOrgId: string,
  toOrgId: string,
  field: string,
): Promise<void> {
  if (isFacilitator(actor)) return;
  const [from, to] = await Promise.all([
    findOrganizationById(db, fromOrgId),
    findOrganizationById(db, toOrgId),
  ]);
  const kinds = [from?.kind, to?.kind].sort().join('+');
  if (kinds !== 'buyer+supplier') throw new Invalid({ [field]: 'v.events.buyer_supplier_only' });
}
