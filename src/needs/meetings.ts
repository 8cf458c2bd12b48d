import { EVENT_ZONES } from '../events/schema.js';

/**
 * The seam to meetings: a shortlisted supplier is met through the scheduling capability's ad-hoc
 * meetings (`POST /meetings`, proposed by one organisation to another and accepted by it). The
 * compare page renders that capability's form fields pre-addressed from the buyer organisation
 * to the supplier; the proposal, its acceptance, conflicts and calendars all stay over there.
 * Once meeting outcomes exist, they come back here as the matcher's track record (weights.ts).
 */
export interface MeetingRequestTarget {
  action: string;
  fields: { from_org: string; to_org: string };
  zones: readonly string[];
}

/** Where and with which fixed fields "start a meeting request" posts. */
export function meetingRequestTarget(buyerOrgId: string, supplierOrgId: string): MeetingRequestTarget {
  return { action: '/meetings', fields: { from_org: buyerOrgId, to_org: supplierOrgId }, zones: EVENT_ZONES };
}
