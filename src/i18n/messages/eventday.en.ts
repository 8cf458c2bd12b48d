import type { CatalogOf } from '../id.js';
import type { eventdayId } from './eventday.id.js';

export const eventdayEn: CatalogOf<typeof eventdayId> = {
  'events.changes.title': 'Changes to your agenda for {event}',
  'events.changes.body':
    "{name}'s schedule at {event} has changed ({count} changes since the last notice):\n{changes}\n\nThe updated agenda is attached as a calendar (.ics).",
  'events.changes.added': '+ New meeting with {counterpart}: {new}',
  'events.changes.moved': '↻ Meeting with {counterpart} moved: {old} → {new}',
  'events.changes.cancelled': '× Meeting with {counterpart} cancelled: {old}',
};
