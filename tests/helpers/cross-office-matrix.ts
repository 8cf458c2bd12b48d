import type { OfficeWorld, Who } from './cross-office.js';

type W = OfficeWorld;
export type FormBody = Record<string, string | string[]>;

/** One request against one fixture resource, and who may make it. */
export interface Probe {
  /** What the fixture is, for test names. */
  on: string;
  path: (w: W) => string;
  /** A form (pages), a JSON body (/api/v1) or, with `file`, a multipart form. */
  body?: (w: W) => FormBody | Record<string, unknown>;
  /** Sent as a multipart form with a PNG in this field. */
  file?: string;
  /** Everyone else must be refused (401/403/404, or a login redirect) and change nothing. */
  may: Who[];
  /** One of `may` whose request must then succeed, proving the probe is well-formed. */
  proof?: Who;
  /** Further refusal statuses, with the reason (e.g., a foreign organisation is a field error). */
  refusedAlso?: { status: number; why: string };
  /**
   * The route is scoped to the caller in SQL: a foreign id changes nothing but is answered like
   * an own one (no status to promise). Only the "nothing changed" half is checked.
   */
  silent?: string;
}

export interface RouteEntry {
  /** Exactly as in `createApp(...).routes`: method and path pattern. */
  route: string;
  /** Routes that only ever act on the caller's own account, session, or a new resource: why. */
  self?: string;
  probes?: Probe[];
}

const STAFF: Who[] = ['officeA', 'officeB', 'admin'];
const A_BINAAN: Who[] = ['officeA', 'admin'];
const CLAIMED: Who[] = ['owner', 'admin'];

type Target = 'binaan' | 'claimed';
const idOf = (w: W, on: Target) => (on === 'binaan' ? w.binaanId : w.claimedId);

/**
 * The same request against office A's unclaimed binaan (office A and admins may) and against a
 * binaan its IKM has claimed (the IKM and admins may; office A no longer).
 */
function onProfiles(
  path: (w: W, on: Target) => string,
  body?: (w: W, on: Target) => FormBody | Record<string, unknown>,
  o: { proofs?: boolean; file?: string } = {},
): Probe[] {
  return (['binaan', 'claimed'] as const).map((on) => ({
    on: on === 'binaan' ? "office A's unclaimed binaan" : 'a binaan profile its IKM has claimed',
    path: (w: W) => path(w, on),
    ...(body ? { body: (w: W) => body(w, on) } : {}),
    ...(o.file ? { file: o.file } : {}),
    may: on === 'binaan' ? A_BINAAN : CLAIMED,
    ...(o.proofs === false ? {} : { proof: (on === 'binaan' ? 'officeA' : 'owner') as Who }),
  }));
}

const identity = (w: W, on: Target) => ({
  legal_name: on === 'binaan' ? 'CV Binaan Kantor A' : 'CV Sudah Diklaim',
  nib: on === 'binaan' ? '3200000000001' : '3200000000002',
  description_id: `Diubah lewat formulir ${idOf(w, on).slice(0, 4)}`,
});

/** Supplier profiles, their files and the imports that reach them: the heart of the matter. */
const SUPPLIERS: RouteEntry[] = [
  {
    route: 'POST /suppliers/new',
    probes: [
      {
        on: "another user's profileless supplier organisation",
        path: () => '/suppliers/new',
        body: (w) => ({
          organization_id: w.emptyOrgId,
          legal_name: 'CV Belum Berprofil',
          nib: '3200000000010',
          regency_code: '32.13',
          lat: '-6.5',
          lon: '107.7',
        }),
        may: ['owner'],
      },
    ],
  },
  {
    route: 'POST /api/v1/suppliers',
    probes: [
      {
        on: "another user's profileless supplier organisation",
        path: () => '/api/v1/suppliers',
        body: (w) => ({
          organization_id: w.emptyOrgId,
          legal_name: 'CV Belum Berprofil',
          nib: '3200000000011',
          regency_code: '32.13',
          location: { lat: -6.5, lon: 107.7 },
        }),
        may: ['owner'],
        proof: 'owner',
      },
    ],
  },
  {
    route: 'POST /suppliers/:id/edit/:section',
    probes: onProfiles((w, on) => `/suppliers/${idOf(w, on)}/edit/identity`, identity),
  },
  {
    route: 'PATCH /api/v1/suppliers/:id',
    probes: onProfiles(
      (w, on) => `/api/v1/suppliers/${idOf(w, on)}`,
      () => ({ description_id: 'Diubah lewat API', contacts: [{ name: 'Orang Lain', phone: '0811111111' }] }),
    ),
  },
  {
    route: 'POST /suppliers/:id/validate/nib',
    probes: onProfiles(
      (w, on) => `/suppliers/${idOf(w, on)}/validate/nib`,
      () => ({ nib: '3200000000099' }),
    ),
  },
  {
    route: 'POST /files',
    probes: onProfiles(
      () => '/files',
      (w, on) => ({ purpose: 'portfolio', supplier_id: idOf(w, on) }),
      { file: 'file' },
    ),
  },
  {
    route: 'POST /files/:id/delete',
    probes: onProfiles((w, on) => `/files/${on === 'binaan' ? w.binaanFileId : w.claimedFileId}/delete`),
  },
  {
    route: 'POST /suppliers/:id/submit',
    probes: [
      {
        on: "office A's unclaimed binaan",
        path: (w) => `/suppliers/${w.binaanId}/submit`,
        may: A_BINAAN,
        proof: 'officeA',
      },
      // Verified already: the owner is answered 409, but everyone else must still be refused.
      {
        on: 'a binaan profile its IKM has claimed',
        path: (w) => `/suppliers/${w.claimedId}/submit`,
        may: CLAIMED,
      },
    ],
  },
  {
    route: 'POST /suppliers/:id/decision',
    probes: [
      {
        on: "office A's submitted binaan (any office verifies, as today)",
        path: (w) => `/suppliers/${w.binaanId}/decision`,
        body: () => ({ decision: 'verify' }),
        may: STAFF,
        proof: 'officeB',
      },
    ],
  },
  {
    route: 'POST /imports/:id{[0-9a-fA-F-]{36}}/claims',
    probes: [
      {
        on: "office A's import, for A's binaan",
        path: (w) => `/imports/${w.importId}/claims`,
        body: (w) => ({ supplier_id: w.binaanId }),
        may: A_BINAAN,
        proof: 'officeA',
      },
      {
        on: "office B's import, for A's binaan",
        path: (w) => `/imports/${w.importBId}/claims`,
        body: (w) => ({ supplier_id: w.binaanId }),
        may: ['admin'],
        proof: 'admin',
      },
    ],
  },
  {
    route: 'POST /imports/:id{[0-9a-fA-F-]{36}}/mapping',
    probes: [
      {
        on: "office A's import",
        path: (w) => `/imports/${w.importId}/mapping`,
        body: () => ({ col_0: 'legal_name', col_1: 'regency' }),
        may: A_BINAAN,
        proof: 'officeA',
      },
    ],
  },
  {
    route: 'POST /imports/:id{[0-9a-fA-F-]{36}}/commit',
    probes: [{ on: "office A's import", path: (w) => `/imports/${w.importId}/commit`, may: A_BINAAN }],
  },
  { route: 'POST /imports', self: "a new import for the caller's own office" },
  { route: 'POST /api/v1/imports', self: "a new import for the caller's own office" },
  { route: 'POST /imports/claim/:token', self: 'holding the one-time claim token is the authorisation' },
];

export { STAFF, SUPPLIERS };
