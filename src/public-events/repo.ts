import type { Db } from '../db/client.js';

/** Where an event's public page stands: its address and whether it is open. */
export interface PublicPageRow {
  eventId: string;
  slug: string;
  publicAt: Date | null;
}

/** The event behind a public address, only while its page is open (else null, a 404). */
export async function findOpenEventIdBySlug(db: Db, slug: string): Promise<string | null> {
  const [row]: [{ id: string }?] = await db`
    select id from events where slug = ${slug} and public_at is not null`;
  return row?.id ?? null;
}

export async function findPublicPage(db: Db, eventId: string): Promise<PublicPageRow | null> {
  const [row]: [PublicPageRow?] = await db`
    select id as event_id, slug, public_at from events where id = ${eventId}`;
  return row ?? null;
}

/** A taken slug is a unique violation (23505), mapped to a field error by the service. */
export async function updatePublicPage(
  db: Db,
  eventId: string,
  p: { slug: string; open: boolean; now: Date },
): Promise<void> {
  await db`
    update events set slug = ${p.slug},
      public_at = case when ${p.open} then coalesce(public_at, ${p.now}) else null end,
      updated_at = ${p.now}
    where id = ${eventId}`;
}

export interface PublicOrgRow {
  organizationId: string;
  name: string;
  regencyName: string | null;
}

/**
 * Organisations taking part that anyone may see: approved participants whose supplier profile
 * is verified, which is what the public directory shows too. Buyers and unverified IKM stay off.
 */
export function listVerifiedParticipantOrgs(db: Db, eventId: string): Promise<PublicOrgRow[]> {
  return db<PublicOrgRow[]>`
    select distinct s.organization_id, coalesce(nullif(s.trading_name, ''), s.legal_name) as name,
      r.name as regency_name
    from event_participants p
    join suppliers s on s.organization_id = p.organization_id and s.status = 'verified'
    left join regions r on r.code = s.regency_code
    where p.event_id = ${eventId} and p.status = 'approved'
    order by name`;
}
