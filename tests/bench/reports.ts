/**
 * Reports benchmark: 10,000 meetings (100 events × 100 meetings, plus declined and pending requests,
 * check-ins, side reports and official records) over 3,000 synthetic suppliers in a fresh embedded
 * PostgreSQL; then the reports page rendered through `app.request()` as a logged-in facilitator,
 * many times, with p50/p95 per variant. Target: the unfiltered page ≤ 300 ms.
 * Run with `npx tsx tests/bench/reports.ts`. Options: BENCH_EVENTS (default 100), BENCH_ROUNDS (30).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../src/app.js';
import { createLucia } from '../../src/auth/lucia.js';
import { registerUser } from '../../src/auth/service.js';
import { loadConfig } from '../../src/config.js';
import { connectDb, type Sql } from '../../src/db/client.js';
import { startEmbeddedPostgres } from '../../src/db/embedded.js';
import { migrate } from '../../src/db/migrate.js';
import { createLogger } from '../../src/logger.js';
import { createMailer } from '../../src/mail/mailer.js';
import { syncReferenceData } from '../../src/reference/sync.js';
import { loadSupplierSeeds } from '../../src/seed/load.js';
import { createRng } from '../../src/seed/random.js';
import { syntheticSuppliers } from '../../src/seed/synthetic.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const SLOTS = 10;
const TABLES = 10;
const SUPPLIERS = 3000;
const BUYERS = 60;
const ORIGIN = 'http://127.0.0.1';
const log = (m: string) => process.stderr.write(`${m}\n`);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function insertAll(sql: Sql, table: string, rows: Record<string, unknown>[], size = 2000) {
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    await sql`insert into ${sql(table)} ${sql(chunk, Object.keys(chunk[0]!) as never)}`;
  }
}

/** Events, participants, requests and meetings in bulk; check-ins and outcome versions with them. */
async function seedMeetings(sql: Sql, staffId: string) {
  const rng = createRng(20_261_122);
  const suppliers = (await sql<{ id: string }[]>`select organization_id as id from suppliers`).map(
    (r) => r.id,
  );
  const offices = (await sql<{ id: string }[]>`select id from organizations where kind = 'facilitator'`).map(
    (r) => r.id,
  );
  const estates = (await sql<{ id: string }[]>`select id from estates`).map((r) => r.id);
  const buyers = Array.from({ length: BUYERS }, (_, i) => ({
    id: randomUUID(),
    name: `PT Pembeli Bench ${i + 1}`,
    kind: 'buyer',
  }));
  await insertAll(sql, 'organizations', buyers);
  await insertAll(
    sql,
    'estate_tenants',
    buyers.slice(0, 30).map((b, i) => ({ estateId: estates[i % estates.length]!, organizationId: b.id })),
  );

  const events: Record<string, unknown>[] = [];
  const slots: Record<string, unknown>[] = [];
  const tables: Record<string, unknown>[] = [];
  const participants: Record<string, unknown>[] = [];
  const requests: Record<string, unknown>[] = [];
  const meetings: Record<string, unknown>[] = [];
  const versions: Record<string, unknown>[] = [];
  const heads: Record<string, unknown>[] = [];
  const start = Date.UTC(2025, 0, 6, 2);
  for (let e = 0; e < EVENTS; e++) {
    const eventId = randomUUID();
    const day = new Date(start + e * 7 * 86_400_000);
    const date = day.toISOString().slice(0, 10);
    events.push({
      id: eventId,
      name: `Temu Usaha Bench ${e + 1}`,
      organizerId: offices[e % offices.length]!,
      venue: 'Gedung Bench',
      estateId: e % 4 === 3 ? null : estates[e % estates.length]!,
      timezone: 'Asia/Jakarta',
      days: sql.json([{ date, windows: [{ start: '09:00', end: '12:20' }] }] as never),
      slotMinutes: 20,
      startsAt: day,
      endsAt: new Date(day.getTime() + SLOTS * 20 * 60_000),
      createdBy: staffId,
    });
    const slotIds = Array.from({ length: SLOTS }, () => randomUUID());
    const tableIds = Array.from({ length: TABLES }, () => randomUUID());
    for (const [s, id] of slotIds.entries())
      slots.push({
        id,
        eventId,
        position: s + 1,
        startsAt: new Date(day.getTime() + s * 20 * 60_000),
        endsAt: new Date(day.getTime() + (s + 1) * 20 * 60_000),
      });
    for (const [k, id] of tableIds.entries())
      tables.push({ id, eventId, position: k + 1, name: String(k + 1) });
    const buyerSeats = Array.from({ length: TABLES }, (_, k) => {
      const id = randomUUID();
      participants.push({
        id,
        eventId,
        organizationId: buyers[(e * 7 + k) % BUYERS]!.id,
        name: `Wakil ${k + 1}`,
        status: 'approved',
      });
      return id;
    });
    const supplierSeats = Array.from({ length: SLOTS * TABLES }, (_, j) => {
      const id = randomUUID();
      participants.push({
        id,
        eventId,
        organizationId: suppliers[(e * 101 + j * 13) % suppliers.length]!,
        name: `Pemilik ${j + 1}`,
        status: 'approved',
      });
      return id;
    });
    for (let s = 0; s < SLOTS; s++)
      for (let k = 0; k < TABLES; k++) {
        const requestId = randomUUID();
        const meetingId = randomUUID();
        requests.push({
          id: requestId,
          eventId,
          fromParticipantId: buyerSeats[k]!,
          toParticipantId: supplierSeats[s * TABLES + k]!,
          priority: 2,
          status: 'accepted',
        });
        const roll = rng.next();
        const attendance =
          roll < 0.04 ? 'no_show_b' : roll < 0.06 ? 'no_show_a' : roll < 0.07 ? null : 'held';
        meetings.push({
          id: meetingId,
          kind: 'event',
          eventId,
          requestId,
          slotId: slotIds[s]!,
          tableId: tableIds[k]!,
          status: 'scheduled',
          startsAt: new Date(day.getTime() + s * 20 * 60_000),
          endsAt: new Date(day.getTime() + (s + 1) * 20 * 60_000),
          timezone: 'Asia/Jakarta',
          attendance,
        });
        if (attendance !== 'held') continue;
        const status = rng.pickWeighted(
          ['deal', 'mou', 'follow_up', 'no_deal', 'pending'],
          [15, 8, 30, 25, 22],
        );
        if (status === 'pending') continue;
        const value = status === 'deal' || status === 'mou' ? String(rng.int(5, 2000) * 5_000_000) : null;
        const base = {
          meetingId,
          status,
          valueIdr: value,
          followUpOn: status === 'follow_up' ? date : null,
          noDealReason: status === 'no_deal' ? 'price' : null,
          channel: 'seed',
          reportedBy: null,
        };
        const ids = [randomUUID(), randomUUID(), randomUUID()];
        versions.push({ ...base, id: ids[0], version: 1, side: 'buyer', shareNames: false });
        versions.push({ ...base, id: ids[1], version: 2, side: 'supplier', shareNames: rng.chance(0.3) });
        const reconciled = rng.chance(0.85);
        if (reconciled)
          versions.push({
            ...base,
            id: ids[2],
            version: 3,
            side: 'official',
            shareNames: null,
            reportedBy: staffId,
          });
        heads.push({
          meetingId,
          buyerId: ids[0],
          supplierId: ids[1],
          officialId: reconciled ? ids[2] : null,
          needsReconciliation: !reconciled,
        });
      }
    for (let k = 0; k < TABLES; k++)
      for (const s of [0, 1])
        requests.push({
          id: randomUUID(),
          eventId,
          fromParticipantId: buyerSeats[k]!,
          toParticipantId: supplierSeats[s * TABLES + ((k + 1) % TABLES)]!,
          priority: 1,
          status: s === 0 ? 'declined' : 'pending',
        });
  }
  for (const [table, rows] of [
    ['events', events],
    ['event_slots', slots],
    ['event_tables', tables],
    ['event_participants', participants],
    ['meeting_requests', requests],
    ['meetings', meetings],
    ['outcome_versions', versions],
    ['meeting_outcomes', heads],
  ] as const) {
    const t = performance.now();
    await insertAll(sql, table, rows, table === 'meetings' ? 1000 : 2000);
    log(`  ${table}: ${rows.length} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  return { meetings: meetings.length, events: events.map((e) => e.id as string) };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pasok-bench-reports-'));
  fs.chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: dir });
  const db = connectDb(pg.url, { max: 10 });
  try {
    await migrate(db.sql);
    await syncReferenceData(db.sql);
    let t = performance.now();
    await loadSupplierSeeds(db.sql, syntheticSuppliers(SUPPLIERS));
    log(`suppliers: ${SUPPLIERS} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    await db.sql`insert into organizations (name, kind) values ('Dinas Perindustrian Bench', 'facilitator'), ('Balai Bench', 'facilitator')`;
    const staff = await registerUser(db.sql, {
      email: 'bench@pasok.test',
      name: 'Bench',
      password: 'bench-password-1',
      platformRole: 'facilitator',
      org: { name: 'Disperin Bench', kind: 'facilitator' },
    });
    t = performance.now();
    const seeded = await seedMeetings(db.sql, staff.id);
    await db.sql`analyze`;
    log(`meetings: ${seeded.meetings} in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: pg.url,
      LOG_LEVEL: 'silent',
      SEED: 'none',
      APP_ORIGIN: ORIGIN,
      DATA_DIR: dir,
    });
    const logger = createLogger('silent');
    const app = createApp({
      sql: db.sql,
      config,
      logger,
      lucia: createLucia(db.authSql, config),
      clock: () => new Date('2026-11-22T03:00:00Z'),
      jobs: null,
      mailer: createMailer({ from: config.mailFrom, sql: db.sql, logger }),
    });
    const login = await app.request('/login', {
      method: 'POST',
      body: new URLSearchParams({ email: 'bench@pasok.test', password: 'bench-password-1' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    if (login.status !== 303 || !cookie) throw new Error(`login failed: ${login.status}`);

    const [meeting] = await db.sql<{ id: string }[]>`select meeting_id as id from meeting_outcomes limit 1`;
    const [supplier] = await db.sql<{ id: string }[]>`
      select p.organization_id as id from event_participants p join suppliers s on s.organization_id = p.organization_id
      where s.status = 'verified' group by 1 order by count(*) desc limit 1`;
    const variants: [string, string][] = [
      ['outcome page (1 meeting)', `/outcomes/meetings/${meeting!.id}`],
      ['supplier profile + track', `/suppliers/${supplier!.id}`],
      ['page, no filter', '/reports'],
      ['page, province + sector', '/reports?province=32&sector=automotive'],
      ['page, one event', `/reports?event=${seeded.events[42]}`],
      ['page, date range', '/reports?from=2025-03-01&to=2025-09-30'],
      ['csv export', '/reports/export.csv'],
      ['xlsx export', '/reports/export.xlsx'],
    ];
    const results: string[] = [];
    for (const [name, url] of variants) {
      const rounds = name.includes('export') ? Math.max(5, Math.floor(ROUNDS / 3)) : ROUNDS;
      const ms: number[] = [];
      for (let i = -3; i < rounds; i++) {
        const s = performance.now();
        const res = await app.request(url, { headers: { cookie } });
        const body = await res.arrayBuffer();
        const took = performance.now() - s;
        if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
        if (i === 0) log(`  ${name}: ${(body.byteLength / 1024).toFixed(0)} KB`);
        if (i >= 0) ms.push(took);
      }
      results.push(
        `| ${name.padEnd(24)} | ${String(ms.length).padStart(6)} | ${pct(ms, 50).toFixed(1).padStart(8)} | ${pct(ms, 95).toFixed(1).padStart(8)} | ${Math.max(
          ...ms,
        )
          .toFixed(1)
          .padStart(8)} |`,
      );
    }
    console.log(
      `\nReports at ${seeded.meetings} meetings (${EVENTS} events, ${SUPPLIERS} suppliers), app.request(), ms:\n`,
    );
    console.log('| variant                  | rounds |      p50 |      p95 |      max |');
    console.log('|--------------------------|--------|----------|----------|----------|');
    for (const r of results) console.log(r);
  } finally {
    await db.close();
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
