/*
 * View models of the event pages: only the fields the views read. Repository rows are wider and
 * assignable to these, so routes pass them as they are, yet a view never depends on a repo module.
 */

/** The event zones (WIB, WITA, WIT) as IANA ids. */
export type EventZoneView = 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';

/** Where a registration stands. */
export type ParticipantStatusView = 'pending' | 'approved' | 'rejected';

/** Where a request stands; a pending request past the deadline reads as expired. */
export type RequestStatusView = 'pending' | 'accepted' | 'declined' | 'expired';

/** An event as its pages show it. */
export interface EventView {
  id: string;
  name: string;
  organizerName: string | null;
  venue: string;
  timezone: EventZoneView;
  startsAt: Date;
  requestQuota: number;
}

/** A time slot of an event. */
export interface SlotView {
  id: string;
  startsAt: Date;
  endsAt: Date;
}

/** A meeting table of an event. */
export interface TableView {
  id: string;
  name: string;
}

/** A registered representative of an organisation at an event. */
export interface ParticipantView {
  id: string;
  organizationId: string;
  organizationName: string;
  organizationKind: 'buyer' | 'supplier';
  name: string;
  status: ParticipantStatusView;
  provinceName: string | null;
}

/** A meeting request between two participants. */
export interface RequestView {
  id: string;
  fromParticipantId: string;
  toParticipantId: string;
  priority: number;
  message: string;
  /** Effective status: a pending request past the event's deadline reads as 'expired'. */
  status: RequestStatusView;
  mutual: boolean;
  fromName: string;
  fromOrgName: string;
  toName: string;
  toOrgName: string;
}

/** An office that may organise an event. */
export interface OrganizerOption {
  id: string;
  name: string;
}

/** An organisation that may register for an event. */
export interface RegistrableOrg {
  id: string;
  name: string;
  kind: 'buyer' | 'supplier';
}

/** The participant catalogue's filter form, as typed. */
export interface CatalogueFilterView {
  kind: '' | 'buyer' | 'supplier';
  q: string;
  province: string;
  status: '' | ParticipantStatusView;
}
