/*
 * View models of the outcome pages: only the fields they read. The service's and repositories'
 * results are wider and assignable to these, so routes pass them as they are, yet the views
 * never name a repository. Code lists (statuses, sides, reasons) come from the zod schema.
 */
import type {
  NoDealReason,
  OutcomeAttendance,
  OutcomeStatus,
  Side,
  SurveyWave,
} from '../../src/outcomes/schema.js';

/** One version of a side's report (or of the official record). */
export interface VersionView {
  readonly id: string;
  readonly version: number;
  readonly side: Side;
  readonly channel: 'web' | 'api' | 'survey' | 'reconcile' | 'seed';
  readonly survey: SurveyWave | null;
  readonly basedOnSide: Side | null;
  readonly attendance: OutcomeAttendance | null;
  readonly status: OutcomeStatus;
  /** Exact rupiah as a digit string. */
  readonly valueIdr: string | null;
  readonly products: string | null;
  readonly volume: string | null;
  readonly nextSteps: string | null;
  readonly notes: string | null;
  readonly followUpOn: string | null;
  readonly noDealReason: NoDealReason | null;
  readonly mouFileId: string | null;
  readonly mouFilename: string | null;
  readonly shareNames: boolean | null;
  readonly reporterName: string | null;
  readonly reporterOrgName: string | null;
  readonly createdAt: Date;
}

/** The meeting an outcome page is about, with both parties. */
export interface MeetingPartiesView {
  readonly id: string;
  readonly eventId: string | null;
  readonly eventName: string | null;
  readonly tableName: string | null;
  readonly startsAt: Date;
  readonly timezone: string;
  readonly buyerOrgName: string;
  readonly supplierOrgName: string;
  readonly buyerName: string | null;
  readonly supplierName: string | null;
  readonly checkinAttendance: OutcomeAttendance | null;
}

/** Everything the outcome page shows, already limited to what the viewer may read. */
export interface OutcomePageView {
  readonly meeting: MeetingPartiesView;
  /** The report this viewer writes: their side, or the official record for facilitators. */
  readonly role: Side;
  readonly heads: {
    readonly official: VersionView | null;
    readonly buyer: VersionView | null;
    readonly supplier: VersionView | null;
    readonly needsReconciliation: boolean;
  };
  /** One page of the readable versions, newest first. */
  readonly history: readonly VersionView[];
  readonly historyTotal: number;
  readonly paging: { readonly page: number; readonly perPage: number };
  readonly historyFull: boolean;
}

/** A meeting in the outcome lists, with each side's latest status. */
export interface OutcomeListItemView {
  readonly meetingId: string;
  readonly startsAt: Date;
  readonly timezone: string;
  readonly eventName: string | null;
  readonly buyerOrgName: string;
  readonly supplierOrgName: string;
  readonly officialStatus: OutcomeStatus | null;
  readonly buyerStatus: OutcomeStatus | null;
  readonly supplierStatus: OutcomeStatus | null;
  readonly needsReconciliation: boolean;
  /** For parties: the side the viewer reports for. */
  readonly mySide: Side | null;
}

/** A past event with how far its outcomes have come. */
export interface EventProgressView {
  readonly id: string;
  readonly name: string;
  readonly startsAt: Date;
  readonly timezone: string;
  readonly meetings: number;
  readonly reported: number;
  readonly reconciled: number;
  readonly waiting: number;
}

/** A supplier's public track record. */
export interface TrackRecordView {
  readonly meetings: number;
  readonly held: number;
  readonly noShows: number;
  /** Null before any attendance is known. */
  readonly noShowRate: number | null;
  readonly deals: number;
  readonly mous: number;
}

/** One of a supplier's latest meetings in the facilitators' detail. */
export interface TrackRecordMeetingView {
  readonly meetingId: string;
  readonly startsAt: Date;
  readonly timezone: string;
  readonly eventName: string | null;
  readonly buyerName: string;
  readonly attendance: string | null;
  readonly status: OutcomeStatus;
  readonly valueIdr: string | null;
}

/** The facilitator-only detail of a track record. */
export interface TrackRecordDetailView extends TrackRecordView {
  /** Sum of official deal and MoU values, exact rupiah as a digit string. */
  readonly valueIdr: string;
  readonly followUps: number;
  readonly recent: readonly TrackRecordMeetingView[];
}
