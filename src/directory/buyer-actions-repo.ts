import type { Db } from '../db/client.js';

export interface BuyerEvent {
  eventId: string;
  eventName: string;
  participantId: string;
}

/**
 * Events still to come (or under way) where the user is an approved participant for one of their
 * buyer organisations: where a meeting with a supplier can be requested.
 */
export function listBuyerEvents(db: Db, userId: string, now: Date): Promise<BuyerEvent[]> {
  return db<BuyerEvent[]>`
    select e.id as event_id, e.name as event_name, p.id as participant_id
    from event_participants p
    join events e on e.id = p.event_id
    join organizations o on o.id = p.organization_id and o.kind = 'buyer'
    join memberships m on m.organization_id = o.id and m.user_id = ${userId}
    where p.status = 'approved' and e.ends_at > ${now}
      and (p.user_id = ${userId} or p.user_id is null)
    order by e.starts_at, e.id, (p.user_id = ${userId}) desc`;
}

/** The supplier's approved participant at an event (its first registered person), or null. */
export async function findSupplierParticipant(
  db: Db,
  eventId: string,
  supplierId: string,
): Promise<string | null> {
  const [row]: [{ id: string }?] = await db`
    select id from event_participants
    where event_id = ${eventId} and organization_id = ${supplierId} and status = 'approved'
    order by created_at, id limit 1`;
  return row?.id ?? null;
}

/** The first contact phone of each supplier (for the WhatsApp link), by supplier id. */
export async function firstPhones(db: Db, supplierIds: readonly string[]): Promise<Map<string, string>> {
  if (supplierIds.length === 0) return new Map();
  const rows = await db<{ supplierId: string; phone: string }[]>`
    select distinct on (supplier_id) supplier_id, phone from supplier_contacts
    where supplier_id = any(${supplierIds as string[]}::uuid[]) and phone is not null and phone <> ''
    order by supplier_id, position, id`;
  return new Map(rows.map((r) => [r.supplierId, r.phone]));
}
