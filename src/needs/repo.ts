import type { Db } from '../db/client.js';
import type { Frequency, SupplierStatus } from '../matching/types.js';

export type NeedStatus = 'draft' | 'open' | 'closed';

export interface NeedRow {
  id: string;
  buyerOrgId: string;
  buyerName: string;
  titleId: string | null;
  titleEn: string | null;
  descriptionId: string | null;
  descriptionEn: string | null;
  sector: string | null;
  productCategory: string | null;
  processes: string[];
  materials: string[];
  requiredCerts: string[];
  preferredCerts: string[];
  minTkdn: number | null;
  quantity: number | null;
  unit: string | null;
  frequency: Frequency | null;
  /** bigint as text (postgres.js), exact. */
  targetPriceIdr: string | null;
  estateId: string | null;
  estateSlug: string | null;
  estateName: string | null;
  estateLat: number | null;
  estateLon: number | null;
  /** The estate's regency: tells a sea crossing in matching. */
  estateRegencyCode: string | null;
  deliveryLat: number | null;
  deliveryLon: number | null;
  maxDistanceKm: number | null;
  responseDeadline: string | null;
  visibility: 'public' | 'invited';
  status: NeedStatus;
  closeReason: 'awarded' | 'cancelled' | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  openedAt: Date | null;
  closedAt: Date | null;
}

/** Columns the service writes (snake_case in SQL through the camel transform). */
export interface NeedWrite {
  titleId: string | null;
  titleEn: string | null;
  descriptionId: string | null;
  descriptionEn: string | null;
  sector: string | null;
  productCategory: string | null;
  processes: string[];
  materials: string[];
  requiredCerts: string[];
  preferredCerts: string[];
  minTkdn: number | null;
  quantity: number | null;
  unit: string | null;
  frequency: Frequency | null;
  targetPriceIdr: string | null;
  estateId: string | null;
  deliveryLat: number | null;
  deliveryLon: number | null;
  maxDistanceKm: number | null;
  responseDeadline: string | null;
  visibility: 'public' | 'invited';
}

export const WRITE_COLUMNS = [
  'titleId',
  'titleEn',
  'descriptionId',
  'descriptionEn',
  'sector',
  'productCategory',
  'processes',
  'materials',
  'requiredCerts',
  'preferredCerts',
  'minTkdn',
  'quantity',
  'unit',
  'frequency',
  'targetPriceIdr',
  'estateId',
  'deliveryLat',
  'deliveryLon',
  'maxDistanceKm',
  'responseDeadline',
  'visibility',
] as const satisfies readonly (keyof NeedWrite)[];

function selectNeed(db: Db) {
  return db`
    select n.id, n.buyer_org_id, o.name as buyer_name, n.title_id, n.title_en, n.description_id,
      n.description_en, n.sector, n.product_category, n.processes, n.materials, n.required_certs,
      n.preferred_certs, n.min_tkdn::float8 as min_tkdn, n.quantity::float8 as quantity, n.unit, n.frequency,
      n.target_price_idr::text as target_price_idr, n.estate_id, e.slug as estate_slug, e.name as estate_name,
      e.lat as estate_lat, e.lon as estate_lon, e.regency_code as estate_regency_code, n.delivery_lat, n.delivery_lon, n.max_distance_km,
      to_char(n.response_deadline, 'YYYY-MM-DD') as response_deadline, n.visibility, n.status,
      n.close_reason, n.created_by, n.created_at, n.updated_at, n.opened_at, n.closed_at
    from needs n join organizations o on o.id = n.buyer_org_id left join estates e on e.id = n.estate_id`;
}

/** A need with its buyer and estate names; null when there is none. */
export async function findNeed(db: Db, id: string): Promise<NeedRow | null> {
  const [row]: [NeedRow?] = await db`${selectNeed(db)} where n.id = ${id}`;
  return row ?? null;
}

/** Row lock for read-modify-write of a need. */
export async function lockNeed(db: Db, id: string): Promise<NeedRow | null> {
  await db`select 1 from needs where id = ${id} for update`;
  return findNeed(db, id);
}

/** Inserts a draft need; returns its id. */
export async function insertNeed(
  db: Db,
  buyerOrgId: string,
  createdBy: string,
  w: NeedWrite,
): Promise<string> {
  const row = { ...w, buyerOrgId, createdBy };
  const [out] = await db<{ id: string }[]>`
    insert into needs ${db(row as Record<string, unknown>, 'buyerOrgId', 'createdBy', ...WRITE_COLUMNS)} returning id`;
  return out!.id;
}

/** Replaces every writable column (the service merged and validated them). */
export async function updateNeed(db: Db, id: string, w: NeedWrite, now: Date): Promise<void> {
  await db`update needs set ${db(w as unknown as Record<string, unknown>, ...WRITE_COLUMNS)}, updated_at = ${now} where id = ${id}`;
}

/** Moves a need to a status, stamping when it opened or closed. */
export async function setNeedStatus(
  db: Db,
  id: string,
  s: { status: NeedStatus; closeReason: 'awarded' | 'cancelled' | null; now: Date },
): Promise<void> {
  await db`
    update needs set status = ${s.status}, close_reason = ${s.closeReason}, updated_at = ${s.now},
      opened_at = ${s.status === 'open' ? s.now : db`opened_at`},
      closed_at = ${s.status === 'closed' ? s.now : db`closed_at`}
    where id = ${id}`;
}

/** The needs of the given buyer organisations, newest first. */
export function listNeedsOfOrgs(db: Db, orgIds: readonly string[]): Promise<NeedRow[]> {
  if (orgIds.length === 0) return Promise.resolve([]);
  return db<NeedRow[]>`${selectNeed(db)} where n.buyer_org_id = any(${orgIds as string[]}::uuid[])
    order by n.updated_at desc limit 200`;
}

/** Open needs (for supplier inboxes and facilitators), optionally public ones only. */
export function listOpenNeeds(db: Db, opts: { publicOnly: boolean; today: string }): Promise<NeedRow[]> {
  return db<NeedRow[]>`${selectNeed(db)}
    where n.status = 'open' ${opts.publicOnly ? db`and n.visibility = 'public'` : db``}
      and (n.response_deadline is null or n.response_deadline >= ${opts.today}::date)
    order by n.opened_at desc limit 200`;
}

/** Open needs that invited one of the given suppliers. */
export function listInvitedOpenNeeds(
  db: Db,
  supplierIds: readonly string[],
  today: string,
): Promise<NeedRow[]> {
  if (supplierIds.length === 0) return Promise.resolve([]);
  return db<NeedRow[]>`${selectNeed(db)}
    where n.status = 'open' and exists (select 1 from need_invitations i
      where i.need_id = n.id and i.supplier_id = any(${supplierIds as string[]}::uuid[]))
      and (n.response_deadline is null or n.response_deadline >= ${today}::date)
    order by n.opened_at desc limit 200`;
}

export interface ViewerOrg {
  id: string;
  name: string;
  kind: 'supplier' | 'buyer' | 'facilitator';
  role: 'owner' | 'member';
  /** The organisation's supplier profile status, for supplier organisations with a profile. */
  supplierStatus: SupplierStatus | null;
}

/** The user's organisations with their supplier profile status: what decides which needs they see. */
export function listViewerOrgs(db: Db, userId: string): Promise<ViewerOrg[]> {
  return db<ViewerOrg[]>`
    select o.id, o.name, o.kind, m.role, s.status as supplier_status
    from memberships m join organizations o on o.id = m.organization_id
    left join suppliers s on s.organization_id = o.id
    where m.user_id = ${userId} order by o.name`;
}

/** Users of an organisation with their language (notification recipients). */
export function listRecipients(db: Db, orgId: string): Promise<{ userId: string; locale: 'id' | 'en' }[]> {
  return db<{ userId: string; locale: 'id' | 'en' }[]>`
    select m.user_id, u.locale from memberships m join users u on u.id = m.user_id
    where m.organization_id = ${orgId} order by m.role desc, m.created_at`;
}

export interface EstateRef {
  id: string;
  slug: string;
  name: string;
  lat: number;
  lon: number;
}

/** The estate a need is delivered to, by the slug forms and the API use. */
export async function findEstateBySlug(db: Db, slug: string): Promise<EstateRef | null> {
  const [row]: [EstateRef?] = await db`select id, slug, name, lat, lon from estates where slug = ${slug}`;
  return row ?? null;
}

/** Every estate, by name: the delivery-point choices of the form. */
export function listEstates(db: Db): Promise<EstateRef[]> {
  return db<EstateRef[]>`select id, slug, name, lat, lon from estates order by name`;
}

/** Supplier lookup for "why not": by exact id, else the closest legal name (verified ones only for non-staff). */
export async function findSupplierRef(
  db: Db,
  q: string,
  verifiedOnly: boolean,
): Promise<{ id: string; legalName: string } | null> {
  const pattern = `%${q.replace(/[%_\\]/g, '\\$&')}%`;
  const [row]: [{ id: string; legalName: string }?] = await db`
    select organization_id as id, legal_name from suppliers
    where (organization_id::text = ${q} or legal_name ilike ${pattern})
      ${verifiedOnly ? db`and status = 'verified'` : db``}
    order by (organization_id::text = ${q}) desc, similarity(legal_name, ${q}) desc, legal_name limit 1`;
  return row ?? null;
}
