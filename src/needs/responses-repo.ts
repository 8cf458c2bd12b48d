import type { Db } from '../db/client.js';

export interface ResponseRow {
  id: string;
  needId: string;
  supplierId: string;
  supplierName: string;
  interested: boolean;
  message: string | null;
  /** bigint as text. */
  indicativePriceIdr: string | null;
  reason: string | null;
  createdAt: Date;
  shortlisted: boolean;
}

function selectResponse(db: Db) {
  return db`
    select r.id, r.need_id, r.supplier_id, s.legal_name as supplier_name, r.interested, r.message,
      r.indicative_price_idr::text as indicative_price_idr, r.reason, r.created_at,
      exists (select 1 from need_shortlist l where l.need_id = r.need_id and l.supplier_id = r.supplier_id) as shortlisted
    from need_responses r join suppliers s on s.organization_id = r.supplier_id`;
}

/** Inserts the one response of a supplier to a need; a second one violates the unique key (409). */
export async function insertResponse(
  db: Db,
  r: {
    needId: string;
    supplierId: string;
    interested: boolean;
    message: string | null;
    indicativePriceIdr: string | null;
    reason: string | null;
    respondedBy: string;
  },
): Promise<string> {
  const [row] = await db<{ id: string }[]>`
    insert into need_responses ${db(r, 'needId', 'supplierId', 'interested', 'message', 'indicativePriceIdr', 'reason', 'respondedBy')}
    returning id`;
  return row!.id;
}

/** Responses to a need; `supplierIds` narrows them to the viewer's own suppliers. */
export function listResponses(
  db: Db,
  needId: string,
  supplierIds?: readonly string[],
): Promise<ResponseRow[]> {
  return db<ResponseRow[]>`${selectResponse(db)} where r.need_id = ${needId}
    ${supplierIds ? db`and r.supplier_id = any(${supplierIds as string[]}::uuid[])` : db``}
    order by r.interested desc, r.created_at, r.id`;
}

/** The responses of the given suppliers to the given needs (inbox badges). */
export function listResponsesOf(
  db: Db,
  needIds: readonly string[],
  supplierIds: readonly string[],
): Promise<ResponseRow[]> {
  if (needIds.length === 0 || supplierIds.length === 0) return Promise.resolve([]);
  return db<ResponseRow[]>`${selectResponse(db)}
    where r.need_id = any(${needIds as string[]}::uuid[]) and r.supplier_id = any(${supplierIds as string[]}::uuid[])`;
}

/** Adds a supplier to a need's shortlist; false when it already was on it. */
export async function addToShortlist(
  db: Db,
  needId: string,
  supplierId: string,
  userId: string,
): Promise<boolean> {
  const rows = await db`
    insert into need_shortlist (need_id, supplier_id, added_by) values (${needId}, ${supplierId}, ${userId})
    on conflict do nothing returning 1`;
  return rows.length > 0;
}

/** Takes a supplier off the shortlist; false when it was not on it. */
export async function removeFromShortlist(db: Db, needId: string, supplierId: string): Promise<boolean> {
  const rows =
    await db`delete from need_shortlist where need_id = ${needId} and supplier_id = ${supplierId} returning 1`;
  return rows.length > 0;
}

/** The shortlist in the order suppliers were added (the compare page's columns). */
export async function shortlistedIds(db: Db, needId: string): Promise<string[]> {
  const rows = await db<{ supplierId: string }[]>`
    select supplier_id from need_shortlist where need_id = ${needId} order by created_at, supplier_id`;
  return rows.map((r) => r.supplierId);
}

export interface InvitationRow {
  supplierId: string;
  supplierName: string;
  createdAt: Date;
}

/** Invites a supplier to an invited-only need; false when it already was invited. */
export async function insertInvitation(
  db: Db,
  needId: string,
  supplierId: string,
  userId: string,
): Promise<boolean> {
  const rows = await db`
    insert into need_invitations (need_id, supplier_id, invited_by) values (${needId}, ${supplierId}, ${userId})
    on conflict do nothing returning 1`;
  return rows.length > 0;
}

/** The invited suppliers of a need, by name. */
export function listInvitations(db: Db, needId: string): Promise<InvitationRow[]> {
  return db<InvitationRow[]>`
    select i.supplier_id, s.legal_name as supplier_name, i.created_at
    from need_invitations i join suppliers s on s.organization_id = i.supplier_id
    where i.need_id = ${needId} order by s.legal_name`;
}

/** Which of the given suppliers are invited to the need. */
export async function invitedAmong(
  db: Db,
  needId: string,
  supplierIds: readonly string[],
): Promise<string[]> {
  if (supplierIds.length === 0) return [];
  const rows = await db<{ supplierId: string }[]>`
    select supplier_id from need_invitations
    where need_id = ${needId} and supplier_id = any(${supplierIds as string[]}::uuid[])`;
  return rows.map((r) => r.supplierId);
}

/** Records that a supplier was told about a need; false when it already was. */
export async function recordNotice(
  db: Db,
  needId: string,
  supplierId: string,
  score: number,
): Promise<boolean> {
  const rows = await db`
    insert into need_match_notices (need_id, supplier_id, score) values (${needId}, ${supplierId}, ${score})
    on conflict do nothing returning 1`;
  return rows.length > 0;
}
