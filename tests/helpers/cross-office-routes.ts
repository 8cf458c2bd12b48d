import type { OfficeWorld, Who } from './cross-office.js';
import { type Probe, type RouteEntry, STAFF, SUPPLIERS } from './cross-office-matrix.js';

type W = OfficeWorld;

const probe = (route: string, p: Probe): RouteEntry => ({ route, probes: [p] });
const self = (route: string, why: string): RouteEntry => ({ route, self: why });

/** Events are run by any facilitator (offices co-organise); organisations act only for themselves. */
const EVENT_STAFF: Who[] = STAFF;
const OWNER_OR_STAFF: Who[] = ['owner', ...STAFF];
const BUYER_OR_STAFF: Who[] = ['buyer', ...STAFF];
const MEETING_PARTIES: Who[] = ['buyer', 'owner', ...STAFF];

const accounts: RouteEntry[] = [
  self('POST /login', "starts the caller's own session"),
  self('POST /register', 'creates a new account'),
  self('POST /logout', "ends the caller's own session"),
  self('POST /lang', "sets the caller's own language cookie"),
  self('POST /account/profile', "the caller's own account"),
  self('POST /account/password', "the caller's own account"),
  self('POST /account/sessions/revoke-all', "the caller's own sessions"),
  self('POST /account/tokens', "a new token of the caller's own"),
  self('POST /orgs', 'a new organisation owned by the caller'),
  self('POST /invites/:token', 'holding the one-time invite token is the authorisation'),
  self(
    'POST /s/:token',
    'a survey link: holding the one-time token (random, hashed, expiring, single use) is the authorisation, issued to one party for one meeting',
  ),
  self('POST /notifications/read-all', "the caller's own notifications"),
  self('POST /saved-searches', "a new saved search of the caller's own"),
  self('POST /needs/validate', 'validates a form and writes nothing'),
  self('POST /events/new', 'a new event (staff only)'),
  self(
    'POST /e/:slug/register',
    'a new account, its organisation and its own pending registration (anonymous)',
  ),
  self('POST /api/v1/events', 'a new event (staff only)'),
  probe('POST /account/sessions/:handle/revoke', {
    on: "the IKM owner's session",
    path: (w) => `/account/sessions/${w.ownerSessionHandle}/revoke`,
    may: ['owner'],
  }),
  probe('POST /account/tokens/:id/revoke', {
    on: "the IKM owner's API token",
    path: (w) => `/account/tokens/${w.ownerTokenId}/revoke`,
    may: ['owner'],
    silent: "revocation is scoped to the caller's own tokens in SQL",
  }),
  probe('POST /orgs/:orgId/invites', {
    on: "the IKM owner's organisation",
    path: (w) => `/orgs/${w.claimedId}/invites`,
    body: () => ({ role: 'member' }),
    may: ['owner'],
    proof: 'owner',
  }),
  probe('POST /notifications/:id/open', {
    on: "the IKM owner's notification",
    path: (w) => `/notifications/${w.notificationId}/open`,
    may: ['owner'],
    proof: 'owner',
    silent: "marking read is scoped to the caller's own notifications in SQL",
  }),
  probe('POST /saved-searches/:id/delete', {
    on: "the IKM owner's saved search",
    path: (w) => `/saved-searches/${w.savedSearchId}/delete`,
    may: ['owner'],
    proof: 'owner',
  }),
];

const admin: RouteEntry[] = [
  probe('POST /admin/taxonomy/:kind', {
    on: 'the process taxonomy',
    path: () => '/admin/taxonomy/process',
    body: () => ({
      slug: 'uji-matrix',
      label_id: 'Uji',
      label_en: 'Test',
      synonyms_id: '',
      synonyms_en: '',
      parent_slug: '',
    }),
    may: ['admin'],
    proof: 'admin',
  }),
  probe('POST /admin/estates', {
    on: 'the estates list',
    path: () => '/admin/estates',
    body: () => ({
      name: 'Kawasan Uji Matriks',
      regency_code: '32.13',
      lat: '-6.4',
      lon: '107.6',
      description_id: '',
      description_en: '',
    }),
    may: ['admin'],
    proof: 'admin',
  }),
  probe('POST /admin/estates/:slug/tenants', {
    on: "Smartpolitan's tenants",
    path: () => '/admin/estates/smartpolitan-subang/tenants',
    body: (w) => ({ organization_id: w.users.buyer.orgId! }),
    may: ['admin'],
    proof: 'admin',
  }),
];

const needPath = (suffix: string) => (w: W) => `/needs/${w.needId}${suffix}`;
const needApi = (suffix: string) => (w: W) => `/api/v1/needs/${w.needId}${suffix}`;
const BUYER: Who[] = ['buyer'];
const SUPPLIERS_WITH_PROFILES: Who[] = ['supplier', 'owner'];

const needs: RouteEntry[] = [
  probe('POST /api/v1/needs', {
    on: "the buyer's organisation",
    path: () => '/api/v1/needs',
    body: (w) => ({
      title_id: 'Poros pompa',
      description_id: 'Jasa bubut poros pompa baja tahan karat untuk pabrik kami.',
      processes: ['bubut'],
      estate: 'smartpolitan-subang',
      response_deadline: '2099-12-31',
      buyer_org_id: w.users.buyer.orgId!,
    }),
    may: BUYER,
    proof: 'buyer',
  }),
  probe('POST /needs/new', {
    on: "the buyer's organisation",
    path: () => '/needs/new',
    body: (w) => ({
      title_id: 'Poros pompa',
      description_id: 'Jasa bubut poros pompa baja tahan karat untuk pabrik kami.',
      processes: 'bubut',
      estate: 'smartpolitan-subang',
      response_deadline: '2099-12-31',
      buyer_org_id: w.users.buyer.orgId!,
    }),
    may: BUYER,
  }),
  probe('PATCH /api/v1/needs/:id', {
    on: "the buyer's need",
    path: needApi(''),
    body: () => ({ title_en: 'Pump shafts, changed' }),
    may: BUYER,
    proof: 'buyer',
  }),
  probe('POST /needs/:id/edit', {
    on: "the buyer's need",
    path: needPath('/edit'),
    body: () => ({ title_id: 'Diubah orang lain' }),
    may: BUYER,
  }),
  probe('POST /api/v1/needs/:id/open', { on: "the buyer's open need", path: needApi('/open'), may: BUYER }),
  probe('POST /needs/:id/open', { on: "the buyer's open need", path: needPath('/open'), may: BUYER }),
  probe('POST /needs/:id/respond', {
    on: "the buyer's public need, for the caller's own supplier",
    path: needPath('/respond'),
    body: () => ({ interested: 'true', message: 'Kami sanggup mengerjakan.' }),
    may: SUPPLIERS_WITH_PROFILES,
    proof: 'owner',
  }),
  probe('POST /api/v1/needs/:id/interest', {
    on: "the buyer's public need, for the caller's own supplier",
    path: needApi('/interest'),
    body: () => ({ interested: true, message: 'Kami sanggup.' }),
    may: SUPPLIERS_WITH_PROFILES,
    proof: 'supplier',
  }),
  probe('POST /needs/:id/invite', {
    on: "the buyer's need",
    path: needPath('/invite'),
    body: (w) => ({ supplier_id: w.binaanId }),
    may: BUYER,
  }),
  probe('POST /needs/:id/shortlist/:supplierId', {
    on: "the buyer's need and a responding supplier",
    path: (w) => `/needs/${w.needId}/shortlist/${w.claimedId}`,
    may: BUYER,
    proof: 'buyer',
  }),
  probe('POST /needs/:id/shortlist/:supplierId/remove', {
    on: "the buyer's shortlist",
    path: (w) => `/needs/${w.needId}/shortlist/${w.claimedId}/remove`,
    may: BUYER,
    proof: 'buyer',
  }),
  probe('POST /needs/:id/close', {
    on: "the buyer's need",
    path: needPath('/close'),
    body: () => ({ reason: 'cancelled' }),
    may: BUYER,
  }),
  probe('POST /api/v1/needs/:id/close', {
    on: "the buyer's need",
    path: needApi('/close'),
    body: () => ({ reason: 'cancelled' }),
    may: BUYER,
    proof: 'buyer',
  }),
];

const ev = (suffix: string) => (w: W) => `/events/${w.eventId}${suffix}`;
const meetingForm = (w: W) => ({ meeting_id: w.meetingId });

const events: RouteEntry[] = [
  probe('POST /events/:id/public-page', {
    on: "office A's event page",
    path: ev('/public-page'),
    body: () => ({ slug: 'x' }),
    may: EVENT_STAFF,
  }),
  probe('POST /events/:id/edit', {
    on: "office A's event",
    path: ev('/edit'),
    body: () => ({}),
    may: EVENT_STAFF,
  }),
  probe('POST /events/:id/register', {
    on: "the IKM owner's organisation",
    path: ev('/register'),
    body: (w) => ({ organization_id: w.claimedId, name: 'Wakil Kedua' }),
    may: OWNER_OR_STAFF,
    proof: 'owner',
  }),
  probe('POST /api/v1/events/:id/participants', {
    on: "the IKM owner's organisation",
    path: (w) => `/api/v1/events/${w.eventId}/participants`,
    body: (w) => ({ organization_id: w.claimedId, name: 'Wakil Ketiga' }),
    may: OWNER_OR_STAFF,
    proof: 'owner',
  }),
  probe('POST /events/:id/participants/:pid/unavailability', {
    on: "the IKM owner's participant",
    path: (w) => `/events/${w.eventId}/participants/${w.participants.owner}/unavailability`,
    body: (w) => ({ slots: w.slotIds[2]! }),
    may: OWNER_OR_STAFF,
    proof: 'owner',
  }),
  probe('POST /events/:id/participants/:pid/approve', {
    on: "the supplier's participant",
    path: (w) => `/events/${w.eventId}/participants/${w.participants.supplier}/approve`,
    may: EVENT_STAFF,
  }),
  probe('POST /events/:id/participants/:pid/reject', {
    on: "the supplier's participant",
    path: (w) => `/events/${w.eventId}/participants/${w.participants.supplier}/reject`,
    may: EVENT_STAFF,
  }),
  probe('POST /events/:id/requests', {
    on: "the IKM owner's participant",
    path: ev('/requests'),
    body: (w) => ({ from: w.participants.owner, to: w.participants.supplier, priority: '2' }),
    may: OWNER_OR_STAFF,
    proof: 'owner',
  }),
  probe('POST /api/v1/events/:id/requests', {
    on: "the IKM owner's participant",
    path: (w) => `/api/v1/events/${w.eventId}/requests`,
    body: (w) => ({ from: w.participants.owner, to: w.participants.buyer, priority: 2 }),
    may: OWNER_OR_STAFF,
    proof: 'owner',
  }),
  probe('POST /events/:id/requests/:rid/decline', {
    on: 'a request addressed to the buyer',
    path: (w) => `/events/${w.eventId}/requests/${w.pendingRequestId}/decline`,
    may: BUYER_OR_STAFF,
  }),
  probe('POST /api/v1/requests/:id/decline', {
    on: 'a request addressed to the buyer',
    path: (w) => `/api/v1/requests/${w.pendingRequestId}/decline`,
    may: BUYER_OR_STAFF,
  }),
  probe('POST /events/:id/requests/:rid/accept', {
    on: 'a request addressed to the buyer',
    path: (w) => `/events/${w.eventId}/requests/${w.pendingRequestId}/accept`,
    may: BUYER_OR_STAFF,
  }),
  probe('POST /api/v1/requests/:id/accept', {
    on: 'a request addressed to the buyer',
    path: (w) => `/api/v1/requests/${w.pendingRequestId}/accept`,
    may: BUYER_OR_STAFF,
    proof: 'buyer',
  }),
  ...(['place', 'move', 'swap', 'lock', 'unlock', 'remove'] as const).map((a) =>
    probe(`POST /events/:id/grid/${a}`, {
      on: "office A's event grid",
      path: ev(`/grid/${a}`),
      body: (w) => ({
        request_id: w.pendingRequestId,
        meeting_id: w.meetingId,
        other_id: w.meetingId,
        slot_id: w.slotIds[1]!,
        table_id: w.tableId,
      }),
      may: EVENT_STAFF,
    }),
  ),
  probe('POST /events/:id/schedule/run', {
    on: "office A's event",
    path: ev('/schedule/run'),
    may: EVENT_STAFF,
  }),
  probe('POST /events/:id/schedule/runs/:runId/publish', {
    on: "a draft run of office A's event",
    path: (w) => `/events/${w.eventId}/schedule/runs/${w.runId}/publish`,
    may: EVENT_STAFF,
  }),
  probe('POST /api/v1/events/:id/schedule', {
    on: "office A's event",
    path: (w) => `/api/v1/events/${w.eventId}/schedule`,
    may: EVENT_STAFF,
    proof: 'officeB',
  }),
  probe('POST /api/v1/events/:id/meetings', {
    on: "office A's event",
    path: (w) => `/api/v1/events/${w.eventId}/meetings`,
    body: (w) => ({ request_id: w.pendingRequestId, slot_id: w.slotIds[1]!, table_id: w.tableId }),
    may: EVENT_STAFF,
  }),
  probe('POST /events/:id/tables/:tid/check-in', {
    on: "a meeting at office A's event",
    path: (w) => `/events/${w.eventId}/tables/${w.tableId}/check-in`,
    body: (w) => ({ ...meetingForm(w), attendance: 'held' }),
    may: EVENT_STAFF,
  }),
  probe('POST /events/:id/check-in/lookup', {
    on: "office A's event check-in desk",
    path: ev('/check-in/lookup'),
    body: () => ({ code: 'AAAAAA' }),
    may: EVENT_STAFF,
  }),
  probe('POST /events/:id/check-in/confirm', {
    on: "a participant of office A's event",
    path: ev('/check-in/confirm'),
    body: (w) => ({ participant_id: w.participants.buyer, meeting_id: w.meetingId, method: 'code' }),
    may: EVENT_STAFF,
  }),
  probe('POST /events/:id/participants/:pid/checkin-code', {
    on: "the supplier's badge at office A's event",
    path: (w) => `/events/${w.eventId}/participants/${w.participants.supplier}/checkin-code`,
    may: EVENT_STAFF,
  }),
  probe('POST /events/:id/walk-ins', {
    on: "office A's event",
    path: ev('/walk-ins'),
    body: () => ({
      name: 'Made',
      organization_name: 'CV Walk In',
      kind: 'supplier',
      whatsapp: '081234567890',
    }),
    may: EVENT_STAFF,
  }),
  probe('POST /events/:id/walk-ins/:pid/place', {
    on: "a participant of office A's event",
    path: (w) => `/events/${w.eventId}/walk-ins/${w.participants.supplier}/place`,
    body: (w) => ({ counterpart_id: w.participants.buyer, slot_id: w.slotIds[2]!, table_id: w.tableId }),
    may: EVENT_STAFF,
  }),
  probe('POST /events/:id/meetings/:mid/refill', {
    on: "a meeting at office A's event",
    path: (w) => `/events/${w.eventId}/meetings/${w.meetingId}/refill`,
    body: (w) => ({ request_id: w.pendingRequestId }),
    may: EVENT_STAFF,
  }),
  probe('PATCH /api/v1/meetings/:id', {
    on: "a meeting at office A's event",
    path: (w) => `/api/v1/meetings/${w.meetingId}`,
    body: () => ({ locked: true }),
    may: EVENT_STAFF,
  }),
  probe('POST /outcomes/meetings/:id', {
    on: 'a meeting between the buyer and the IKM owner',
    path: (w) => `/outcomes/meetings/${w.meetingId}`,
    body: () => ({ status: 'deal', value_idr: '1000000', products: 'Poros' }),
    may: MEETING_PARTIES,
  }),
  probe('PUT /api/v1/meetings/:id/outcome', {
    on: 'a meeting between the buyer and the IKM owner',
    path: (w) => `/api/v1/meetings/${w.meetingId}/outcome`,
    body: () => ({ status: 'deal', value_idr: 1000000 }),
    may: MEETING_PARTIES,
  }),
  probe('POST /outcomes/meetings/:id/reconcile', {
    on: 'a meeting between the buyer and the IKM owner',
    path: (w) => `/outcomes/meetings/${w.meetingId}/reconcile`,
    body: () => ({ from: 'buyer' }),
    may: MEETING_PARTIES,
  }),
  probe('POST /pipeline/meetings/:id/move', {
    on: 'the follow-up of a meeting between the buyer and the IKM owner',
    path: (w) => `/pipeline/meetings/${w.meetingId}/move`,
    body: () => ({ stage: 'contacted', revision: '0' }),
    may: MEETING_PARTIES,
    proof: 'buyer',
  }),
  probe('POST /reports/targets', {
    on: "office A's targets for its event",
    path: () => '/reports/targets',
    body: (w) => ({ office_id: w.users.officeA.orgId!, scope: 'event', event_id: w.eventId, deals: '5' }),
    may: ['officeA', 'admin'],
    proof: 'officeA',
    refusedAlso: { status: 422, why: "another office's id is refused as a field of the form" },
  }),
  probe('DELETE /api/v1/meetings/:id', {
    on: "a meeting at office A's event",
    path: (w) => `/api/v1/meetings/${w.meetingId}`,
    may: EVENT_STAFF,
  }),
  probe('POST /meetings', {
    on: "the IKM owner's organisation as proposer",
    path: () => '/meetings',
    body: (w) => ({
      from_org: w.claimedId,
      to_org: w.users.buyer.orgId!,
      date: '2099-11-21',
      start: '10:00',
      minutes: '30',
      timezone: 'Asia/Jakarta',
      place: 'Bengkel',
      online_url: '',
      message: '',
    }),
    may: ['owner'],
    proof: 'owner',
    refusedAlso: { status: 422, why: 'an organisation the caller does not belong to is a field error' },
  }),
  probe('POST /meetings/:id/decline', {
    on: 'an ad-hoc meeting the buyer proposed to the IKM owner',
    path: (w) => `/meetings/${w.adhocId}/decline`,
    may: ['owner'],
  }),
  probe('POST /meetings/:id/cancel', {
    on: 'an ad-hoc meeting the buyer proposed to the IKM owner',
    path: (w) => `/meetings/${w.adhocId}/cancel`,
    may: ['buyer', 'owner'],
  }),
  probe('POST /meetings/:id/accept', {
    on: 'an ad-hoc meeting the buyer proposed to the IKM owner',
    path: (w) => `/meetings/${w.adhocId}/accept`,
    may: ['owner'],
    proof: 'owner',
  }),
];

/** Every mutating route of the app, in the order the matrix runs them (later ones may consume fixtures). */
export const MATRIX: RouteEntry[] = [...accounts, ...admin, ...SUPPLIERS, ...needs, ...events];
