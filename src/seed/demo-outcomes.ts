import { recordAudit } from '../audit/service.js';
import type { Sql, Tx } from '../db/client.js';
import type { Actor } from '../events/access.js';
import { registerParticipant } from '../events/participants.js';
import { listSlots, listTables } from '../events/repo.js';
import { answerRequest, createRequest } from '../events/requests.js';
import { createEvent } from '../events/service.js';
import { localDateOf } from '../outcomes/reminders.js';
import { appendVersion, findMeetingParties, lockHead } from '../outcomes/repo.js';
import { placeRequest, recordAttendance } from '../scheduling/placement.js';
import { findMeeting } from '../scheduling/repo.js';
import { DEMO_OUTCOME_EVENTS, type DemoBuyer, type DemoEventSpec } from './demo-outcomes-data.js';
import { type PlannedVersion, planOutcome } from './demo-outcomes-plan.js';
import { createRng, type Rng, seedFromString } from './random.js';

const DAY_MS = 86_400_000;
const DEMO_SUPPLIER_ORG = 'CV Sinar Logam Presisi';

interface Staff {
  admin: Actor;
  facilitator: Actor;
}

async function findStaff(sql: Sql): Promise<Staff | null> {
  const rows = await sql<{ id: string; email: string }[]>`
    select id, email from users where email in ('admin@pasok.test', 'fasilitator@pasok.test')`;
  const admin = rows.find((r) => r.email === 'admin@pasok.test');
  const facilitator = rows.find((r) => r.email === 'fasilitator@pasok.test');
  if (!admin || !facilitator) return null;
  return {
    admin: { userId: admin.id, platformRole: 'admin' },
    facilitator: { userId: facilitator.id, platformRole: 'facilitator' },
  };
}

const idOf = async (sql: Sql, table: 'organizations' | 'estates' | 'users', key: string) => {
  const [row]: [{ id: string }?] =
    table === 'organizations'
      ? await sql`select id from organizations where name = ${key}`
      : table === 'estates'
        ? await sql`select id from estates where slug = ${key}`
        : await sql`select id from users where email = ${key}`;
  return row?.id ?? null;
};

/** Verified suppliers of a province working in one of the sectors, in a stable pseudo-random order. */
function pickSuppliers(sql: Sql, key: string, s: DemoEventSpec['suppliers'][number]) {
  return sql<{ id: string; name: string }[]>`
    select o.id, o.name from suppliers x join organizations o on o.id = x.organization_id
    where x.status = 'verified' and x.province_code = ${s.province} and x.sectors && ${s.sectors as string[]}::text[]
      and o.name <> ${DEMO_SUPPLIER_ORG}
    order by md5(o.id::text || ${key}) limit ${s.count}`;
}

interface Seat {
  participantId: string;
  buyer: DemoBuyer | null;
  demo: boolean;
}

async function registerAll(sql: Sql, staff: Staff, spec: DemoEventSpec, eventId: string, now: Date) {
  const reg = (orgId: string, name: string, userId: string | null) =>
    registerParticipant(
      sql,
      staff.admin,
      eventId,
      { organizationId: orgId, name, userId, unavailableSlots: [] },
      now,
    );
  const buyers: Seat[] = [];
  for (const b of spec.buyers) {
    const orgId = await idOf(sql, 'organizations', b.org);
    if (!orgId) continue;
    for (const rep of b.reps) {
      const userId = rep.user ? await idOf(sql, 'users', rep.user) : null;
      const p = await reg(orgId, rep.name, userId);
      buyers.push({ participantId: p.id, buyer: b, demo: !!rep.user });
    }
  }
  const suppliers: Seat[] = [];
  if (spec.includeDemoSupplier) {
    const orgId = await idOf(sql, 'organizations', DEMO_SUPPLIER_ORG);
    const userId = await idOf(sql, 'users', 'ikm@pasok.test');
    if (orgId)
      suppliers.push({
        participantId: (await reg(orgId, 'Asep Saepudin', userId)).id,
        buyer: null,
        demo: true,
      });
  }
  for (const group of spec.suppliers)
    for (const s of await pickSuppliers(sql, spec.key, group))
      suppliers.push({
        participantId: (await reg(s.id, `Pemilik ${s.name}`.slice(0, 160), null)).id,
        buyer: null,
        demo: false,
      });
  return { buyers, suppliers };
}

interface Pair {
  requestId: string;
  buyer: Seat;
  supplier: Seat;
}

/** k buyer seats for the i-th supplier, round robin, from k different organisations where possible. */
function pickSeats(buyers: Seat[], i: number, k: number): Seat[] {
  const out: Seat[] = [];
  for (let j = 0; j < buyers.length && out.length < k; j++) {
    const seat = buyers[(i * k + j) % buyers.length]!;
    if (!out.some((s) => s.buyer === seat.buyer)) out.push(seat);
  }
  return out;
}

/** Requests from buyer seats to suppliers; most accepted, some declined, a few left to expire. */
async function requestAll(
  sql: Sql,
  staff: Staff,
  eventId: string,
  seats: { buyers: Seat[]; suppliers: Seat[] },
  k: number,
  rng: Rng,
  now: Date,
) {
  const accepted: Pair[] = [];
  for (const [i, supplier] of seats.suppliers.entries()) {
    const chosen = supplier.demo
      ? [seats.buyers.find((b) => b.demo) ?? seats.buyers[0]!]
      : pickSeats(seats.buyers, i, k);
    for (const buyer of chosen) {
      const { request } = await createRequest(
        sql,
        staff.admin,
        eventId,
        { from: buyer.participantId, to: supplier.participantId, priority: rng.int(1, 3), message: '' },
        now,
      );
      const roll = supplier.demo ? 0 : rng.next();
      if (roll < 0.88) {
        await answerRequest(sql, staff.admin, request.id, 'accepted', now);
        accepted.push({ requestId: request.id, buyer, supplier });
      } else if (roll < 0.96) await answerRequest(sql, staff.admin, request.id, 'declined', now);
    }
  }
  return accepted;
}

/** First free slot for both sides with a free table; the demo pair goes first so it is always placed. */
async function placeAll(sql: Sql, staff: Staff, eventId: string, pairs: Pair[], now: Date) {
  const [slots, tables] = await Promise.all([listSlots(sql, eventId), listTables(sql, eventId)]);
  const busy = new Set<string>();
  const used = new Map<number, number>();
  const ctx = { sql, jobs: null, origin: '', now };
  const placed: { meetingId: string; pair: Pair }[] = [];
  const ordered = [...pairs].sort((a, b) => Number(b.supplier.demo) - Number(a.supplier.demo));
  for (const pair of ordered) {
    const s = slots.findIndex(
      (_, i) =>
        (used.get(i) ?? 0) < tables.length &&
        !busy.has(`${pair.buyer.participantId}|${i}`) &&
        !busy.has(`${pair.supplier.participantId}|${i}`),
    );
    if (s < 0) continue;
    const n = used.get(s) ?? 0;
    const m = await placeRequest(ctx, staff.admin, eventId, {
      requestId: pair.requestId,
      slotId: slots[s]!.id,
      tableId: tables[n]!.id,
    });
    used.set(s, n + 1);
    busy.add(`${pair.buyer.participantId}|${s}`).add(`${pair.supplier.participantId}|${s}`);
    placed.push({ meetingId: m.id, pair });
  }
  return placed;
}

/** Writes planned versions straight into the history (channel 'seed'): most parties have no login. */
async function writeVersions(tx: Tx, meetingId: string, versions: PlannedVersion[], staff: Staff) {
  const m = await findMeetingParties(tx, meetingId);
  if (!m) return;
  await lockHead(tx, meetingId);
  const latest = new Map<string, string>();
  for (const v of versions) {
    const official = v.side === 'official';
    const reporterOrgId = v.side === 'buyer' ? m.buyerOrgId : v.side === 'supplier' ? m.supplierOrgId : null;
    const reportedBy = official
      ? staff.facilitator.userId
      : v.side === 'buyer'
        ? m.buyerUserId
        : m.supplierUserId;
    const row = await appendVersion(tx, {
      meetingId,
      side: v.side,
      channel: v.channel,
      survey: v.survey,
      basedOn: v.basedOn ? (latest.get(v.basedOn) ?? null) : null,
      input: v.input,
      mouFileId: null,
      reportedBy,
      reporterOrgId,
      now: v.at,
    });
    latest.set(v.side, row.id);
    await recordAudit(tx, {
      actorUserId: reportedBy,
      organizationId: reporterOrgId,
      entity: 'meeting_outcome',
      entityId: meetingId,
      action: v.channel === 'reconcile' ? 'reconcile' : `report.${v.side}`,
      changes: { version: row.version, side: v.side, channel: v.channel, seed: true },
    });
  }
}

async function seedEvent(sql: Sql, staff: Staff, spec: DemoEventSpec, now: Date): Promise<string> {
  const rng = createRng(seedFromString(`outcomes:${spec.key}`));
  const day = localDateOf(new Date(now.getTime() - spec.daysAgo * DAY_MS), spec.timezone);
  const eventId = await createEvent(sql, staff.admin, {
    name: spec.name,
    venue: spec.venue,
    timezone: spec.timezone,
    days: [{ date: day, windows: spec.windows }],
    slotMinutes: spec.slotMinutes,
    breakMinutes: 0,
    tables: spec.tables,
    organizerId: await idOf(sql, 'organizations', spec.organizer),
    estateId: await idOf(sql, 'estates', spec.estate),
    registrationOpensAt: null,
    registrationClosesAt: null,
    requestDeadline: null,
    requestQuota: 100,
  });
  const seats = await registerAll(sql, staff, spec, eventId, now);
  const pairs = await requestAll(sql, staff, eventId, seats, spec.requestsPerSupplier, rng, now);
  const placed = await placeAll(sql, staff, eventId, pairs, now);
  const ctx = { sql, jobs: null, origin: '', now };
  const [{ startsAt }] = (await sql`select starts_at from events where id = ${eventId}`) as unknown as [
    { startsAt: Date },
  ];
  const plans = placed.map(({ meetingId, pair }) => ({
    meetingId,
    plan: planOutcome(rng, {
      buyer: pair.buyer.buyer!,
      eventStart: startsAt,
      now,
      demoPair: pair.supplier.demo,
    }),
  }));
  // Check-in is only possible on the day: each past meeting is checked in at its own start.
  for (const { meetingId, plan } of plans) {
    const meeting = plan.checkin ? await findMeeting(sql, meetingId) : null;
    if (plan.checkin && meeting)
      await recordAttendance(
        { ...ctx, now: meeting.startsAt },
        staff.admin,
        eventId,
        meetingId,
        plan.checkin,
      );
  }
  await sql.begin(async (tx) => {
    for (const { meetingId, plan } of plans) await writeVersions(tx, meetingId, plan.versions, staff);
  });
  return eventId;
}

/**
 * Three past events with realistic outcomes, so the reports page, the impact page and the
 * supplier track records mean something on first start: built through the event and scheduling
 * services (so they obey every rule the UI does), with outcome histories written as versions
 * (channel 'seed'). Needs the demo dataset (seedDemo) first; a no-op without its staff logins.
 * Idempotent per event name. Returns the events' ids.
 */
export async function seedDemoOutcomes(sql: Sql, now: Date = new Date()): Promise<string[] | null> {
  const staff = await findStaff(sql);
  if (!staff) return null;
  const ids: string[] = [];
  for (const spec of DEMO_OUTCOME_EVENTS) {
    const existing = await sql<{ id: string }[]>`select id from events where name = ${spec.name}`;
    ids.push(existing[0]?.id ?? (await seedEvent(sql, staff, spec, now)));
  }
  return ids;
}
