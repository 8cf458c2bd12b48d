import type { Db } from '../db/client.js';
import type {
  NoDealReason,
  OutcomeAttendance,
  OutcomeInput,
  OutcomeStatus,
  Side,
  SurveyWave,
} from './schema.js';

/** A meeting as the outcome pages see it: both parties named buyer and supplier. */
export interface MeetingParties {
  id: string;
  kind: 'event' | 'adhoc';
  status: string;
  eventId: string | null;
  eventName: string | null;
  eventEndsAt: Date | null;
  eventTimezone: string | null;
  tableName: string | null;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  buyerOrgId: string;
  buyerOrgName: string;
  supplierOrgId: string;
  supplierOrgName: string;
  buyerUserId: string | null;
  supplierUserId: string | null;
  buyerParticipantId: string | null;
  supplierParticipantId: string | null;
  buyerName: string | null;
  supplierName: string | null;
  checkinAttendance: OutcomeAttendance | null;
}

const partiesSelect = (db: Db) => db`
  select p.meeting_id as id, p.kind, p.status, p.event_id, e.name as event_name, e.ends_at as event_ends_at,
    e.timezone as event_timezone, t.name as table_name, p.starts_at, p.ends_at, p.timezone,
    p.buyer_org_id, ob.name as buyer_org_name, p.supplier_org_id, os.name as supplier_org_name,
    p.buyer_user_id, p.supplier_user_id, p.buyer_participant_id, p.supplier_participant_id,
    coalesce(pb.name, ub.name) as buyer_name, coalesce(ps.name, us.name) as supplier_name, p.checkin_attendance
  from meeting_facts p
  join organizations ob on ob.id = p.buyer_org_id
  join organizations os on os.id = p.supplier_org_id
  left join events e on e.id = p.event_id
  left join event_tables t on t.id = p.table_id
  left join event_participants pb on pb.id = p.buyer_participant_id
  left join event_participants ps on ps.id = p.supplier_participant_id
  left join users ub on ub.id = p.buyer_user_id
  left join users us on us.id = p.supplier_user_id`;

/** One meeting with its parties, or null. */
export async function findMeetingParties(db: Db, id: string): Promise<MeetingParties | null> {
  const [row]: [MeetingParties?] = await db`${partiesSelect(db)} where p.meeting_id = ${id}`;
  return row ?? null;
}

export interface VersionRow {
  id: string;
  meetingId: string;
  version: number;
  side: Side;
  channel: 'web' | 'api' | 'survey' | 'reconcile' | 'seed';
  survey: SurveyWave | null;
  basedOn: string | null;
  basedOnSide: Side | null;
  attendance: OutcomeAttendance | null;
  status: OutcomeStatus;
  /** Exact rupiah as a digit string (bigint in the database). */
  valueIdr: string | null;
  products: string | null;
  volume: string | null;
  nextSteps: string | null;
  notes: string | null;
  followUpOn: string | null;
  noDealReason: NoDealReason | null;
  mouFileId: string | null;
  mouFilename: string | null;
  shareNames: boolean | null;
  reportedBy: string | null;
  reporterName: string | null;
  reporterOrgName: string | null;
  createdAt: Date;
}

const versionSelect = (db: Db) => db`
  select v.id, v.meeting_id, v.version, v.side, v.channel, v.survey, v.based_on, bo.side as based_on_side,
    v.attendance, v.status, v.value_idr::text as value_idr, v.products, v.volume, v.next_steps, v.notes,
    v.follow_up_on::text as follow_up_on, v.no_deal_reason, v.mou_file_id, f.filename as mou_filename,
    v.share_names, v.reported_by, u.name as reporter_name, o.name as reporter_org_name, v.created_at
  from outcome_versions v
  left join outcome_versions bo on bo.id = v.based_on
  left join files f on f.id = v.mou_file_id
  left join users u on u.id = v.reported_by
  left join organizations o on o.id = v.reporter_org_id`;

/** One page of a meeting's versions, newest first, limited to the sides the viewer may see. */
export function listVersions(
  db: Db,
  meetingId: string,
  sides: readonly Side[],
  page: { limit: number; offset: number },
): Promise<VersionRow[]> {
  return db<VersionRow[]>`
    ${versionSelect(db)}
    where v.meeting_id = ${meetingId} and v.side = any(${sides as string[]}::text[])
    order by v.version desc limit ${page.limit} offset ${page.offset}`;
}

/** How many versions a meeting has, of the given sides (all sides when omitted). */
export async function countVersions(db: Db, meetingId: string, sides?: readonly Side[]): Promise<number> {
  const [row] = await db<{ n: number }[]>`
    select count(*)::int as n from outcome_versions
    where meeting_id = ${meetingId} ${sides ? db`and side = any(${sides as string[]}::text[])` : db``}`;
  return row!.n;
}

export interface Heads {
  official: VersionRow | null;
  buyer: VersionRow | null;
  supplier: VersionRow | null;
  needsReconciliation: boolean;
}

/** The latest version of each side (what the pages show and the reminders check). */
export async function findHeads(db: Db, meetingId: string): Promise<Heads> {
  const [head]: [
    {
      officialId: string | null;
      buyerId: string | null;
      supplierId: string | null;
      needsReconciliation: boolean;
    }?,
  ] =
    await db`select official_id, buyer_id, supplier_id, needs_reconciliation from meeting_outcomes where meeting_id = ${meetingId}`;
  if (!head) return { official: null, buyer: null, supplier: null, needsReconciliation: false };
  const ids = [head.officialId, head.buyerId, head.supplierId].filter((x): x is string => !!x);
  const rows = ids.length
    ? await db<VersionRow[]>`${versionSelect(db)} where v.id = any(${ids}::uuid[])`
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const pick = (id: string | null) => (id ? (byId.get(id) ?? null) : null);
  return {
    official: pick(head.officialId),
    buyer: pick(head.buyerId),
    supplier: pick(head.supplierId),
    needsReconciliation: head.needsReconciliation,
  };
}

/** Creates the head row if needed and locks it: versions of one meeting are numbered one at a time. */
export async function lockHead(db: Db, meetingId: string): Promise<void> {
  await db`insert into meeting_outcomes (meeting_id) values (${meetingId}) on conflict (meeting_id) do nothing`;
  await db`select meeting_id from meeting_outcomes where meeting_id = ${meetingId} for update`;
}

export interface NewVersion {
  meetingId: string;
  side: Side;
  channel: VersionRow['channel'];
  survey: SurveyWave | null;
  basedOn: string | null;
  input: OutcomeInput;
  mouFileId: string | null;
  reportedBy: string | null;
  reporterOrgId: string | null;
  now: Date;
}

/** Appends a version (the next number for the meeting) and moves the side's head to it. */
export async function appendVersion(db: Db, v: NewVersion): Promise<{ id: string; version: number }> {
  const i = v.input;
  const [row] = await db<{ id: string; version: number }[]>`
    insert into outcome_versions (meeting_id, version, side, channel, survey, based_on, attendance, status, value_idr,
      products, volume, next_steps, notes, follow_up_on, no_deal_reason, mou_file_id, share_names, reported_by,
      reporter_org_id, created_at)
    select ${v.meetingId}, coalesce(max(version), 0) + 1, ${v.side}, ${v.channel}, ${v.survey}, ${v.basedOn},
      ${i.attendance}, ${i.status}, ${i.valueIdr === null ? null : i.valueIdr.toString()}::bigint, ${i.products},
      ${i.volume}, ${i.nextSteps}, ${i.notes}, ${i.followUpOn}::date, ${i.noDealReason}, ${v.mouFileId},
      ${v.side === 'official' ? null : i.shareNames}, ${v.reportedBy}, ${v.reporterOrgId}, ${v.now}
    from outcome_versions where meeting_id = ${v.meetingId}
    returning id, version`;
  const official = v.side === 'official';
  await db`
    update meeting_outcomes set
      official_id = ${official ? db`${row!.id}::uuid` : db`official_id`},
      buyer_id = ${v.side === 'buyer' ? db`${row!.id}::uuid` : db`buyer_id`},
      supplier_id = ${v.side === 'supplier' ? db`${row!.id}::uuid` : db`supplier_id`},
      needs_reconciliation = ${!official}, updated_at = ${v.now}
    where meeting_id = ${v.meetingId}`;
  return row!;
}

/** Stores an MoU document's row (the blob is already written); private, owned by the reporting org. */
export async function insertMouFile(
  db: Db,
  f: {
    organizationId: string | null;
    filename: string;
    mime: string;
    sizeBytes: number;
    sha256: string;
    storageKey: string;
    createdBy: string;
  },
): Promise<string> {
  const [row] = await db<{ id: string }[]>`
    insert into files (organization_id, purpose, filename, mime, size_bytes, sha256, storage_key, is_public, created_by)
    values (${f.organizationId}, 'mou', ${f.filename}, ${f.mime}, ${f.sizeBytes}, ${f.sha256}, ${f.storageKey}, false, ${f.createdBy})
    returning id`;
  return row!.id;
}

/** An MoU file of this meeting (referenced by one of its versions) with the side that attached it. */
export async function findMouFile(
  db: Db,
  meetingId: string,
  fileId: string,
): Promise<{ id: string; filename: string; mime: string; storageKey: string; sides: Side[] } | null> {
  const [row]: [{ id: string; filename: string; mime: string; storageKey: string; sides: Side[] }?] =
    await db`
    select f.id, f.filename, f.mime, f.storage_key, array_agg(distinct v.side) as sides
    from files f join outcome_versions v on v.mou_file_id = f.id
    where f.id = ${fileId} and f.purpose = 'mou' and v.meeting_id = ${meetingId}
    group by f.id`;
  return row ?? null;
}

/** The users to tell about one side of a meeting: the representative's login, else the org's owners. */
export function listSideRecipients(
  db: Db,
  orgId: string,
  userId: string | null,
): Promise<{ userId: string; locale: 'id' | 'en' }[]> {
  return db<{ userId: string; locale: 'id' | 'en' }[]>`
    select u.id as user_id, u.locale from users u
    where ${userId ? db`u.id = ${userId}` : db`u.id in (select user_id from memberships where organization_id = ${orgId} and role = 'owner')`}
    order by u.id`;
}
