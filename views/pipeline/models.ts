import type { Stage } from '../../src/pipeline/stages.js';

/** One card of the follow-up board. */
export interface CardView {
  meetingId: string;
  eventName: string | null;
  buyerName: string;
  supplierName: string;
  endsAt: Date;
  timezone: string;
  stage: Stage | null;
  stageAt: Date | null;
  revision: number | null;
  overdue: boolean;
}

/** One move in an item's history. */
export interface MoveView {
  from: Stage | null;
  to: Stage;
  side: string;
  at: Date;
  byName: string | null;
}
