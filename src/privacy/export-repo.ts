import type { Db } from '../db/client.js';

/*
 * What Pasok holds about one person, for their download (UU 27/2022 right of access). Each query
 * is scoped to the user or to organisations they belong to, and selects columns by name: never a
 * password hash, a token hash, a session id, or another person's e-mail or phone.
 */

type Json = Record<string, unknown>;

export async function exportAccount(db: Db, userId: string): Promise<Json | null> {
  const [row]: [Json?] = await db`
    select id, email, name, platform_role, locale, created_at, updated_at, deactivated_at
    from users where id = ${userId}`;
  return row ?? null;
}

export function exportMemberships(db: Db, userId: string): Promise<Json[]> {
  return db<Json[]>`
    select o.id as organization_id, o.name, o.kind, m.role, m.created_at as joined_at
    from memberships m join organizations o on o.id = m.organization_id
    where m.user_id = ${userId} order by o.name`;
}

/** Profiles of IKM the user owns, with their contacts, certificates and where an office's import got them. */
export function exportOwnedProfiles(db: Db, userId: string): Promise<Json[]> {
  return db<Json[]>`
    select s.organization_id as id, s.legal_name, s.trading_name, s.nib, s.kbli, s.address, s.province_code,
      s.regency_code, s.lat, s.lon, s.description_id, s.description_en, s.status, s.claimed_at, s.created_at,
      s.updated_at,
      coalesce((select json_agg(json_build_object('name', c.name, 'role', c.role, 'phone', c.phone,
        'email', c.email) order by c.position) from supplier_contacts c where c.supplier_id = s.organization_id),
        '[]'::json) as contacts,
      coalesce((select json_agg(json_build_object('type', c.type, 'number', c.number, 'issuer', c.issuer,
        'valid_until', c.valid_until, 'tkdn_percent', c.tkdn_percent)) from supplier_certifications c
        where c.supplier_id = s.organization_id), '[]'::json) as certificates,
      coalesce((select json_agg(json_build_object('import_id', i.id, 'file', i.filename, 'office', o.name,
        'uploaded_by', up.name, 'uploaded_at', i.created_at, 'legal_basis', i.legal_basis) order by i.created_at)
        from import_rows r join imports i on i.id = r.import_id join organizations o on o.id = i.organization_id
        left join users up on up.id = i.created_by
        where r.supplier_id = s.organization_id), '[]'::json) as sources
    from suppliers s join memberships m on m.organization_id = s.organization_id
    where m.user_id = ${userId} and m.role = 'owner' order by s.legal_name`;
}

export function exportNeeds(db: Db, userId: string): Promise<Json[]> {
  return db<Json[]>`
    select n.id, n.title_id, n.title_en, n.description_id, n.description_en, n.status, n.created_at
    from needs n where n.buyer_org_id in (select organization_id from memberships where user_id = ${userId})
      or n.created_by = ${userId}
    order by n.created_at`;
}

/** Meetings the user or one of their organisations took part in; the other side by organisation name only. */
export function exportMeetings(db: Db, userId: string): Promise<Json[]> {
  return db<Json[]>`
    with mine as (select organization_id from memberships where user_id = ${userId})
    select m.id, m.kind, e.name as event, m.status, m.starts_at, m.ends_at, m.timezone, m.attendance, m.place
    from meetings m left join events e on e.id = m.event_id
    where m.proposer_org_id in (select * from mine) or m.counterpart_org_id in (select * from mine)
      or m.created_by = ${userId} or exists (
        select 1 from meeting_attendees a left join event_participants p on p.id = a.participant_id
        where a.meeting_id = m.id and (a.user_id = ${userId} or p.organization_id in (select * from mine)))
    order by m.starts_at`;
}

export function exportOutcomes(db: Db, userId: string): Promise<Json[]> {
  return db<Json[]>`
    select id, meeting_id, version, side, channel, status, value_idr::text as value_idr, products, volume,
      next_steps, notes, follow_up_on, created_at
    from outcome_versions where reported_by = ${userId} order by created_at`;
}

export function exportNotifications(db: Db, userId: string): Promise<Json[]> {
  return db<Json[]>`
    select kind, title, body, link, created_at, read_at from notifications
    where user_id = ${userId} order by created_at`;
}

export function exportConsents(db: Db, userId: string): Promise<Json[]> {
  return db<Json[]>`
    select purpose, supplier_id, notice_version, consented_at from privacy_consents
    where user_id = ${userId} order by consented_at`;
}

/** Sessions and tokens as the owner sees them in settings: when and from what, never their secrets. */
export async function exportCredentials(db: Db, userId: string): Promise<Json> {
  const [sessions, tokens] = await Promise.all([
    db<Json[]>`select created_at, expires_at, user_agent from user_sessions where user_id = ${userId}`,
    db<
      Json[]
    >`select name, prefix, created_at, last_used_at, revoked_at from api_tokens where user_id = ${userId}`,
  ]);
  return { sessions, api_tokens: tokens };
}
