import type { Db } from '../db/client.js';
import { isUuid } from '../db/ids.js';
import { NotFound } from '../errors.js';
import { findMembership } from '../orgs/repo.js';
import { type Actor, isFacilitator } from '../suppliers/access.js';
import { findMeetingParties, type MeetingParties } from './repo.js';
import type { Side } from './schema.js';

export interface MeetingAccess {
  meeting: MeetingParties;
  /** The report this actor writes: their side, or the official record for facilitators. */
  role: Side;
  /** Side reports the actor may read: facilitators read both, a party only its own. */
  visibleSides: readonly Side[];
}

/**
 * Who may see and report the outcome of a meeting: facilitators and admins (the official
 * record, and both side reports), and members of either organisation (their own side and the
 * official record, never the other side's report, so each side reports independently).
 * Anyone else gets NotFound, so meetings of other organisations cannot be probed.
 */
export async function requireMeetingAccess(
  db: Db,
  actor: Actor,
  meetingId: string | undefined,
): Promise<MeetingAccess> {
  if (!isUuid(meetingId)) throw new NotFound();
  const meeting = await findMeetingParties(db, meetingId);
  if (!meeting) throw new NotFound();
  if (isFacilitator(actor))
    return { meeting, role: 'official', visibleSides: ['official', 'buyer', 'supplier'] };
  const [buyer, supplier] = await Promise.all([
    findMembership(db, meeting.buyerOrgId, actor.userId),
    findMembership(db, meeting.supplierOrgId, actor.userId),
  ]);
  if (buyer) return { meeting, role: 'buyer', visibleSides: ['official', 'buyer'] };
  if (supplier) return { meeting, role: 'supplier', visibleSides: ['official', 'supplier'] };
  throw new NotFound();
}
