import type { Heads, MeetingParties, VersionRow } from './repo.js';

/** One version in the API's snake_case shape; money as a digit string (exact beyond 2^53). */
export function versionToJson(v: VersionRow) {
  return {
    meeting_id: v.meetingId,
    version: v.version,
    side: v.side,
    reported_by: { side: v.side, name: v.reporterName, organization: v.reporterOrgName },
    channel: v.channel,
    survey: v.survey,
    based_on: v.basedOnSide,
    attendance: v.attendance,
    status: v.status,
    value_idr: v.valueIdr,
    products: v.products,
    volume: v.volume,
    next_steps: v.nextSteps,
    notes: v.notes,
    follow_up_on: v.followUpOn,
    no_deal_reason: v.noDealReason,
    share_names: v.shareNames,
    mou_document: v.mouFileId
      ? {
          id: v.mouFileId,
          filename: v.mouFilename,
          url: `/outcomes/meetings/${v.meetingId}/files/${v.mouFileId}`,
        }
      : null,
    created_at: v.createdAt.toISOString(),
  };
}

/** The current state of a meeting's outcome: the official record and the side reports the viewer may read. */
export function outcomeToJson(m: MeetingParties, heads: Heads) {
  return {
    meeting: {
      id: m.id,
      kind: m.kind,
      event_id: m.eventId,
      starts_at: m.startsAt.toISOString(),
      buyer: { organization_id: m.buyerOrgId, name: m.buyerOrgName },
      supplier: { organization_id: m.supplierOrgId, name: m.supplierOrgName },
      check_in: m.checkinAttendance,
    },
    official: heads.official ? versionToJson(heads.official) : null,
    buyer: heads.buyer ? versionToJson(heads.buyer) : null,
    supplier: heads.supplier ? versionToJson(heads.supplier) : null,
    needs_reconciliation: heads.needsReconciliation,
  };
}
