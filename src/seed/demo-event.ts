import type { Sql } from '../db/client.js';
import type { Actor } from '../events/access.js';
import { registerParticipant } from '../events/participants.js';
import { answerRequest, createRequest } from '../events/requests.js';
import { createEvent } from '../events/service.js';

export const DEMO_EVENT_NAME = 'Temu Usaha IKM Logam NTB × Jawa Timur (demo)';

const DAY_MS = 86_400_000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/**
 * An upcoming two-day temu usaha in Mataram (WITA), the kind the NTB × East Java partnership
 * runs: the demo buyers and a dozen verified IKM registered and approved, with accepted and pending
 * requests, so the grid and the scheduler have something to work on. Idempotent, and a no-op
 * without the demo facilitator; built through the services, so it obeys every rule the UI does.
 */
export async function seedDemoEvent(sql: Sql, now: Date = new Date()): Promise<string | null> {
  const [existing]: [{ id: string }?] = await sql`select id from events where name = ${DEMO_EVENT_NAME}`;
  if (existing) return existing.id;
  const [staff]: [{ id: string }?] = await sql`select id from users where email = 'fasilitator@pasok.test'`;
  if (!staff) return null;
  const actor: Actor = { userId: staff.id, platformRole: 'facilitator' };
  const [estate]: [{ id: string }?] =
    await sql`select id from estates where slug = 'amman-smelter-sumbawa-barat'`;
  const first = new Date(now.getTime() + 30 * DAY_MS);
  const windows = [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '15:00' },
  ];
  const eventId = await createEvent(sql, actor, {
    name: DEMO_EVENT_NAME,
    venue: 'Hotel Lombok Raya, Mataram',
    timezone: 'Asia/Makassar',
    days: [
      { date: isoDate(first), windows },
      { date: isoDate(new Date(first.getTime() + DAY_MS)), windows },
    ],
    slotMinutes: 20,
    breakMinutes: 0,
    tables: 10,
    organizerId: null,
    estateId: estate?.id ?? null,
    registrationOpensAt: now,
    registrationClosesAt: new Date(first.getTime() - 5 * DAY_MS),
    requestDeadline: new Date(first.getTime() - 2 * DAY_MS),
    requestQuota: 10,
  });

  const buyers = await sql<{ id: string; name: string }[]>`
    select id, name from organizations where kind = 'buyer' order by name limit 5`;
  const suppliers = await sql<{ id: string; name: string }[]>`
    select o.id, o.name from organizations o join suppliers s on s.organization_id = o.id
    where s.status = 'verified' and s.province_code in ('52', '35')
    order by (o.name = 'CV Sinar Logam Presisi') desc, o.name limit 12`;
  const register = (org: { id: string; name: string }, name: string) =>
    registerParticipant(
      sql,
      actor,
      eventId,
      { organizationId: org.id, name, userId: null, unavailableSlots: [] },
      now,
    );
  const b = [];
  for (const org of buyers) b.push(await register(org, `Perwakilan ${org.name.replace(/ \(demo\)$/, '')}`));
  const s = [];
  for (const org of suppliers) s.push(await register(org, `Pemilik ${org.name}`));

  for (const [i, buyer] of b.entries()) {
    for (let k = 0; k < 4 && s.length; k++) {
      const supplier = s[(i * 3 + k) % s.length]!;
      const { request } = await createRequest(
        sql,
        actor,
        eventId,
        { from: buyer.id, to: supplier.id, priority: 3 - (k % 3), message: '' },
        now,
      );
      if (k < 3 && request.status === 'pending') await answerRequest(sql, actor, request.id, 'accepted', now);
    }
  }
  return eventId;
}
