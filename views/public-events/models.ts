/** What the public event page shows: texts already formatted in the reader's language and the event's zone. */
export interface PublicEventView {
  slug: string;
  name: string;
  venue: string;
  organizer: string | null;
  /** One line per day, e.g. "Selasa, 1 Desember 2026 · 09.00–12.00 WITA". */
  days: string[];
  orgs: { id: string; name: string; regency: string | null }[];
  registrationOpen: boolean;
}

/** The facilitator's settings form for the page. */
export interface PublicPageSettingsView {
  eventId: string;
  eventName: string;
  slug: string;
  open: boolean;
}
