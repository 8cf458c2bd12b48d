import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '../../src/events/service.js';
import { buildEventInstance } from '../../src/scheduling/instance-builder.js';
import { listEventMeetings } from '../../src/scheduling/repo.js';
import { publishRun, runSchedule } from '../../src/scheduling/runs.js';
import { parseInstance, validateSolution } from '../../src/scheduling/solver/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';

let t: TestApp;
const NOW = new Date('2026-11-20T02:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
});
afterAll(() => t.close());

/** Deterministic pseudo-random numbers (mulberry32), so the instance is the same on every run. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

describe('a large event end to end', () => {
  it('schedules and publishes 700 participants and 2,500 requests into valid meetings', async () => {
    const sql = t.db.sql;
    const staff = await makeUser(sql, {
      platformRole: 'facilitator',
      org: { name: 'Disperin', kind: 'facilitator' },
    });
    const actor = { userId: staff.user.id, platformRole: 'facilitator' as const };
    const eventId = await createEvent(sql, actor, {
      name: 'Temu Usaha Besar',
      venue: 'JIExpo',
      timezone: 'Asia/Jakarta',
      days: [{ date: '2026-12-01', windows: [{ start: '08:00', end: '16:00' }] }],
      slotMinutes: 20,
      breakMinutes: 0,
      tables: 60,
      organizerId: null,
      estateId: null,
      registrationOpensAt: null,
      registrationClosesAt: null,
      requestDeadline: null,
      requestQuota: 10,
    });
    const orgs = await sql<{ id: string; kind: string }[]>`
      insert into organizations (name, kind)
      select 'Org ' || i, case when i <= 200 then 'buyer' else 'supplier' end from generate_series(1, 700) i
      returning id, kind`;
    const participants = await sql<{ id: string; organizationId: string }[]>`
      insert into event_participants (event_id, organization_id, name, status)
      select ${eventId}, o.id, 'Wakil', 'approved' from unnest(${orgs.map((o) => o.id)}::uuid[]) as o(id)
      returning id, organization_id`;
    const kindOf = new Map(orgs.map((o) => [o.id, o.kind]));
    const buyers = participants.filter((p) => kindOf.get(p.organizationId) === 'buyer');
    const suppliers = participants.filter((p) => kindOf.get(p.organizationId) === 'supplier');
    const random = rng(42);
    const pairs = new Map<string, number>();
    while (pairs.size < 2500) {
      const b = buyers[Math.floor(random() * buyers.length)]!;
      const s = suppliers[Math.floor(random() * suppliers.length)]!;
      pairs.set(`${b.id}|${s.id}`, 1 + Math.floor(random() * 3));
    }
    const rows = [...pairs].map(([pair, priority]) => {
      const [from, to] = pair.split('|');
      return { eventId, fromParticipantId: from!, toParticipantId: to!, priority, status: 'accepted' };
    });
    for (let i = 0; i < rows.length; i += 1000)
      await sql`insert into meeting_requests ${sql(rows.slice(i, i + 1000))}`;
    const slots = await sql<{ id: string }[]>`select id from event_slots where event_id = ${eventId}`;
    const unavailable = participants.slice(0, 100).map((p, i) => ({
      eventId,
      participantId: p.id,
      slotId: slots[i % slots.length]!.id,
    }));
    await sql`insert into event_unavailability ${sql(unavailable)}`;

    const ctx = { sql, jobs: t.deps.jobs, origin: 'http://pasok.test', now: NOW };
    const t0 = performance.now();
    const run = await runSchedule(ctx, actor, eventId);
    const t1 = performance.now();
    await publishRun(ctx, actor, eventId, run.id);
    const t2 = performance.now();
    console.info(
      `large event: ${run.scheduled} scheduled, ${run.unscheduled} unscheduled, objective ${run.objective}; ` +
        `run ${Math.round(t1 - t0)} ms, publish ${Math.round(t2 - t1)} ms`,
    );

    const meetings = await listEventMeetings(sql, eventId);
    expect(meetings).toHaveLength(run.scheduled);
    const { instance } = await buildEventInstance(sql, eventId);
    const solution = {
      meetings: meetings.map((m) => ({ request: m.requestId, slot: m.slotId!, table: m.tableId! })),
      unscheduled: run.solution.unscheduled,
      objective: run.objective,
    };
    expect(validateSolution(parseInstance(instance), solution)).toEqual([]);

    // New unavailability forces a re-run that moves, cancels and adds meetings in one transaction.
    const more = participants.slice(100, 300).map((p, i) => ({
      eventId,
      participantId: p.id,
      slotId: slots[(i * 7) % slots.length]!.id,
    }));
    await sql`insert into event_unavailability ${sql(more)}`;
    const again = await runSchedule(ctx, actor, eventId);
    await publishRun(ctx, actor, eventId, again.id);
    const after = await listEventMeetings(sql, eventId);
    const next = await buildEventInstance(sql, eventId);
    expect(
      validateSolution(parseInstance(next.instance), {
        meetings: after.map((m) => ({ request: m.requestId, slot: m.slotId!, table: m.tableId! })),
        unscheduled: again.solution.unscheduled,
        objective: again.objective,
      }),
    ).toEqual([]);
  }, 120_000);
});
