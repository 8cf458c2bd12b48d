import { isPgError } from '../db/client.js';
import { Conflict } from '../errors.js';

const REASONS: Record<string, string> = {
  meetings_table_slot_key: 'events.conflict.table_taken',
  meeting_attendees_slot_key: 'events.conflict.participant_busy',
  meeting_attendees_no_overlap: 'events.conflict.person_busy',
  meetings_request_key: 'events.conflict.already_scheduled',
};

/**
 * The database is the final judge of double-booking; this turns its verdict (a unique or exclusion
 * violation, possibly raised at commit for deferred checks) into a 409 that says which rule broke.
 * Anything else is rethrown untouched.
 */
export function explainPlacementError(err: unknown): never {
  if (isPgError(err, '23505') || isPgError(err, '23P01')) {
    const name = (err as { constraint_name?: string }).constraint_name ?? '';
    throw new Conflict(REASONS[name] ?? 'errors.conflict');
  }
  throw err;
}
