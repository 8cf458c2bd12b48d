/*
 * View models of the scheduling pages: only the fields the views read. Repository rows are wider
 * and assignable to these, so routes pass them as they are, yet a view never depends on a repo module.
 */

/** How a meeting went, as recorded at check-in. */
export type AttendanceView = 'held' | 'no_show_a' | 'no_show_b' | 'no_show_both';

/** Where an ad-hoc meeting stands. */
export type AdhocStatusView = 'proposed' | 'scheduled' | 'declined' | 'cancelled';

/** A scheduled or cancelled meeting with both sides and where it sits. */
export interface MeetingView {
  id: string;
  slotId: string | null;
  startsAt: Date;
  endsAt: Date;
  locked: boolean;
  attendance: AttendanceView | null;
  priority: number;
  aId: string;
  aName: string;
  aOrgName: string;
  bId: string;
  bName: string;
  bOrgName: string;
}

/** A stored scheduler run (draft, published or superseded). */
export interface RunView {
  id: string;
  status: 'draft' | 'published' | 'superseded';
  objective: number;
  scheduled: number;
  unscheduled: number;
  createdAt: Date;
}

/** An ad-hoc meeting proposed between two organisations. */
export interface AdhocView {
  id: string;
  status: AdhocStatusView;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  place: string | null;
  onlineUrl: string | null;
  message: string | null;
  proposerOrgName: string;
  counterpartOrgId: string;
  counterpartOrgName: string;
}

/** An organisation the user belongs to, as a choice in a form. */
export interface MyOrgOption {
  id: string;
  name: string;
}

/** A printable badge: the typed code, and the QR (inline SVG drawn on the server) with its URL. */
export interface BadgeView {
  participantId: string;
  code: string;
  url: string;
  qrSvg: string;
}

/** A meeting as the check-in confirmation shows it: when, where, with whom. */
export interface CheckInMeetingView {
  id: string;
  startsAt: Date;
  endsAt: Date;
  tableName: string | null;
  attendance: AttendanceView | null;
  aId: string;
  aName: string;
  aOrgName: string;
  bId: string;
  bName: string;
  bOrgName: string;
}

/** Who was found by code or QR, with their current or next meeting. */
export interface CheckInTargetView {
  participant: { id: string; name: string; organizationName: string; organizationKind: 'buyer' | 'supplier' };
  meeting: CheckInMeetingView | null;
  open: boolean;
  done: boolean;
}
