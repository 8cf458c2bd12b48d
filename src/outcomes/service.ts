import { diff, recordAudit } from '../audit/service.js';
import type { Db, Sql } from '../db/client.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.js';
import { reserveQuota } from '../files/quota.js';
import type { Jobs } from '../jobs/queue.js';
import { type Actor, isFacilitator } from '../suppliers/access.js';
import { type MeetingAccess, requireMeetingAccess } from './access.js';
import { capFor, HISTORY_PAGE_SIZE, type Paging, requireHistoryRoom } from './history.js';
import { discardBlob, type MouUpload, type StoredBlob, storeMouBlob } from './mou.js';
import { ensureSurveys, localDateOf, scheduleFollowUp } from './reminders.js';
import * as repo from './repo.js';
import type { OutcomeInput, Side, SurveyWave } from './schema.js';

/** What recording an outcome needs besides the actor: database, queue, moment, origin, blob store. */
export interface OutcomeCtx {
  sql: Sql;
  jobs: Jobs | null;
  now: Date;
  origin: string;
  dataDir: string;
}

export interface RecordOptions {
  channel: 'web' | 'api' | 'survey' | 'seed';
  survey?: SurveyWave | null;
  file?: MouUpload | null;
}

/** Field values as the audit log stores them (bigint as a digit string). */
function auditShape(v: Partial<OutcomeInput> & { mouFileId?: string | null }) {
  return {
    attendance: v.attendance ?? null,
    status: v.status ?? null,
    valueIdr: v.valueIdr === null || v.valueIdr === undefined ? null : v.valueIdr.toString(),
    products: v.products ?? null,
    volume: v.volume ?? null,
    nextSteps: v.nextSteps ?? null,
    notes: v.notes ?? null,
    followUpOn: v.followUpOn ?? null,
    noDealReason: v.noDealReason ?? null,
    shareNames: v.shareNames ?? null,
    mouFileId: v.mouFileId ?? null,
  };
}

/** A stored version back in input form (to compare, or to adopt it as the official record). */
export function versionToInput(v: repo.VersionRow): OutcomeInput {
  return {
    attendance: v.attendance,
    status: v.status,
    valueIdr: v.valueIdr === null ? null : BigInt(v.valueIdr),
    products: v.products,
    volume: v.volume,
    nextSteps: v.nextSteps,
    notes: v.notes,
    followUpOn: v.followUpOn,
    noDealReason: v.noDealReason,
    shareNames: v.shareNames ?? false,
  };
}

/** Outcomes exist for meetings that took place: scheduled (not cancelled or only proposed) and begun. */
function requireReportable(m: repo.MeetingParties, now: Date): void {
  if (m.status !== 'scheduled') throw new Conflict('outcomes.conflict.not_scheduled');
  if (m.startsAt > now) throw new Conflict('outcomes.conflict.not_yet');
}

/**
 * Rules that need the clock or the meeting: a new follow-up date cannot lie in the past (an
 * unchanged one may, so old records stay editable), and a no-show recorded at check-in cannot
 * have produced a deal unless the report itself corrects the attendance.
 */
function checkAgainstMeeting(
  m: repo.MeetingParties,
  input: OutcomeInput,
  previous: repo.VersionRow | null,
  now: Date,
): void {
  const errors: Record<string, string> = {};
  const today = localDateOf(now, m.timezone);
  if (input.followUpOn && input.followUpOn < today && input.followUpOn !== previous?.followUpOn)
    errors.follow_up_on = 'v.outcomes.follow_up_past';
  const attendance = input.attendance ?? m.checkinAttendance;
  if ((input.status === 'deal' || input.status === 'mou') && attendance?.startsWith('no_show'))
    errors.attendance = 'v.outcomes.no_show_deal';
  if (Object.keys(errors).length) throw new Invalid(errors);
}

async function writeVersion(
  tx: Db,
  ctx: OutcomeCtx,
  actor: Actor,
  access: MeetingAccess,
  v: Omit<repo.NewVersion, 'meetingId' | 'reportedBy' | 'reporterOrgId' | 'now'>,
  previous: repo.VersionRow | null,
) {
  const m = access.meeting;
  const reporterOrgId = v.side === 'buyer' ? m.buyerOrgId : v.side === 'supplier' ? m.supplierOrgId : null;
  const row = await repo.appendVersion(tx, {
    ...v,
    meetingId: m.id,
    reportedBy: actor.userId,
    reporterOrgId,
    now: ctx.now,
  });
  await recordAudit(tx, {
    actorUserId: actor.userId,
    organizationId: reporterOrgId,
    entity: 'meeting_outcome',
    entityId: m.id,
    action: v.channel === 'reconcile' ? 'reconcile' : `report.${v.side}`,
    changes: {
      version: row.version,
      side: v.side,
      channel: v.channel,
      ...(v.basedOn ? { basedOn: v.basedOn } : {}),
      fields: diff(
        previous ? auditShape({ ...versionToInput(previous), mouFileId: previous.mouFileId }) : {},
        auditShape({ ...v.input, mouFileId: v.mouFileId }),
      ),
    },
  });
  if (v.input.status === 'follow_up' && v.input.followUpOn)
    await scheduleFollowUp(tx, ctx.jobs, m, v.input.followUpOn, ctx.now, ctx.origin);
  await ensureSurveys(tx, ctx.jobs, m, ctx.now, ctx.origin);
  return row;
}

/**
 * Records a report as a new version: a party's members report their own side, facilitators
 * write the official record. Nothing is overwritten; the history keeps every version, and the
 * audit log who changed what. A follow-up date schedules a reminder to both parties, and the
 * first report of an event schedules its +3 and +6 month surveys. An MoU document (PDF, JPEG or
 * PNG) is checked by content and stored privately; without a new one, the side's last document
 * carries over.
 */
export async function recordOutcome(
  ctx: OutcomeCtx,
  actor: Actor,
  meetingId: string | undefined,
  input: OutcomeInput,
  opts: RecordOptions,
): Promise<{ id: string; version: number; side: Side }> {
  const access = await requireMeetingAccess(ctx.sql, actor, meetingId);
  requireReportable(access.meeting, ctx.now);
  const side = access.role;
  const before = await repo.findHeads(ctx.sql, access.meeting.id);
  checkAgainstMeeting(access.meeting, input, before[side], ctx.now);
  const blob: StoredBlob | null = opts.file ? await storeMouBlob(ctx.sql, opts.file) : null;
  try {
    return await ctx.sql.begin(async (tx) => {
      await repo.lockHead(tx, access.meeting.id);
      await requireHistoryRoom(tx, access.meeting.id, side);
      const previous = (await repo.findHeads(tx, access.meeting.id))[side];
      const orgId =
        side === 'buyer'
          ? access.meeting.buyerOrgId
          : side === 'supplier'
            ? access.meeting.supplierOrgId
            : null;
      if (blob) await reserveQuota(tx, orgId, blob.sizeBytes, { field: 'mou_file' });
      const mouFileId = blob
        ? await repo.insertMouFile(tx, {
            organizationId: orgId,
            filename: blob.filename,
            mime: blob.mime,
            sizeBytes: blob.sizeBytes,
            sha256: blob.sha256,
            storageKey: blob.storageKey,
            createdBy: actor.userId,
          })
        : (previous?.mouFileId ?? null);
      const channel = opts.channel === 'web' && opts.survey ? 'survey' : opts.channel;
      const row = await writeVersion(
        tx,
        ctx,
        actor,
        access,
        {
          side,
          channel,
          survey: channel === 'survey' ? (opts.survey ?? '3m') : null,
          basedOn: null,
          input,
          mouFileId,
        },
        previous,
      );
      return { ...row, side };
    });
  } catch (err) {
    if (blob) await discardBlob(ctx.sql, blob.storageKey);
    throw err;
  }
}

/**
 * A facilitator adopts one side's latest report as the official record (a new official version
 * that points at the report it came from). Only facilitators reconcile: parties get Forbidden.
 */
export async function reconcileOutcome(
  ctx: OutcomeCtx,
  actor: Actor,
  meetingId: string | undefined,
  from: 'buyer' | 'supplier',
): Promise<{ id: string; version: number; side: Side }> {
  const access = await requireMeetingAccess(ctx.sql, actor, meetingId);
  if (!isFacilitator(actor)) throw new Forbidden();
  requireReportable(access.meeting, ctx.now);
  return ctx.sql.begin(async (tx) => {
    await repo.lockHead(tx, access.meeting.id);
    await requireHistoryRoom(tx, access.meeting.id, 'official');
    const heads = await repo.findHeads(tx, access.meeting.id);
    const source = heads[from];
    if (!source) throw new NotFound();
    const input = { ...versionToInput(source), shareNames: false };
    const row = await writeVersion(
      tx,
      ctx,
      actor,
      access,
      {
        side: 'official',
        channel: 'reconcile',
        survey: null,
        basedOn: source.id,
        input,
        mouFileId: source.mouFileId ?? heads.official?.mouFileId ?? null,
      },
      heads.official,
    );
    return { ...row, side: 'official' as const };
  });
}

export interface OutcomeView extends MeetingAccess {
  heads: repo.Heads;
  /** One page of the versions the viewer may read, newest first. */
  history: repo.VersionRow[];
  /** All versions the viewer may read, and the page shown. */
  historyTotal: number;
  paging: Paging;
  /** The meeting's history has reached the viewer's side's cap: no new version can be written. */
  historyFull: boolean;
}

/**
 * Everything the outcome page shows, limited to what the viewer may read; the history one page
 * at a time, so a long history never has to be loaded or rendered whole.
 */
export async function loadOutcome(
  db: Db,
  actor: Actor,
  meetingId: string | undefined,
  paging: Paging = { page: 1, perPage: HISTORY_PAGE_SIZE },
): Promise<OutcomeView> {
  const access = await requireMeetingAccess(db, actor, meetingId);
  const id = access.meeting.id;
  const [heads, history, historyTotal, all] = await Promise.all([
    repo.findHeads(db, id),
    repo.listVersions(db, id, access.visibleSides, {
      limit: paging.perPage,
      offset: (paging.page - 1) * paging.perPage,
    }),
    repo.countVersions(db, id, access.visibleSides),
    repo.countVersions(db, id),
  ]);
  const visible = (s: Side) => access.visibleSides.includes(s);
  return {
    ...access,
    heads: {
      official: heads.official,
      buyer: visible('buyer') ? heads.buyer : null,
      supplier: visible('supplier') ? heads.supplier : null,
      needsReconciliation: heads.needsReconciliation,
    },
    history,
    historyTotal,
    paging,
    historyFull: all >= capFor(access.role),
  };
}
