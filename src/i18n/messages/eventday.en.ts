import type { CatalogOf } from '../id.js';
import type { eventdayId } from './eventday.id.js';

export const eventdayEn: CatalogOf<typeof eventdayId> = {
  'events.changes.title': 'Changes to your agenda for {event}',
  'events.changes.body':
    "{name}'s schedule at {event} has changed ({count} changes since the last notice):\n{changes}\n\nThe updated agenda is attached as a calendar (.ics).",
  'events.changes.added': '+ New meeting with {counterpart}: {new}',
  'events.changes.moved': '↻ Meeting with {counterpart} moved: {old} → {new}',
  'events.changes.cancelled': '× Meeting with {counterpart} cancelled: {old}',
  'suppliers.field.province': 'Province',
  'suppliers.choose_province': '— Choose a province —',
  'suppliers.choose_province_submit': 'Choose province',
  'suppliers.geo.use_my_location': 'Use my location',
  'suppliers.geo.busy': 'Finding your location…',
  'suppliers.geo.failed': 'Could not read your location. Allow location access or type the coordinates.',
  'v.regency_province': 'This regency is not in the chosen province.',
  'events.public.settings_link': 'Public page',
  'events.public.venue': 'Venue',
  'events.public.organizer': 'Organiser',
  'events.public.dates': 'Dates and times',
  'events.public.add_to_calendar': 'Add to calendar (.ics)',
  'events.public.orgs_title': 'Verified IKM taking part',
  'events.public.orgs_empty': 'No verified IKM have registered yet.',
  'events.public.register_title': 'Register to take part',
  'events.public.register_lead':
    'Create an account and register your organisation. A facilitator reviews the registration before you can request meetings.',
  'events.public.register_submit': 'Create account and register',
  'events.public.registered':
    'Thank you. Your registration awaits a facilitator’s approval; check your e-mail, then log in to see its status.',
  'events.public.registration_closed': 'Registration for this event is not open.',
  'events.public.ics_description': 'Business matching: {event}',
  'events.public.settings_title': 'Public page of {event}',
  'events.public.slug': 'Page address (/e/…)',
  'events.public.slug_hint': 'Lower-case letters, digits and hyphens, e.g. temu-usaha-sumbawa-2027.',
  'events.public.open': 'Show the public page and open self-registration',
  'events.public.back': 'Back to the event',
  'v.events.slug': 'Use lower-case letters, digits and hyphens (not at the start or end).',
  'v.events.slug_taken': 'Another event already uses this address.',
};
