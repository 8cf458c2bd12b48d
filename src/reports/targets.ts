import { diff, recordAudit } from '../audit/service.js';
import type { Db, Sql } from '../db/client.js';
import { Forbidden, Invalid } from '../errors.js';
import type { T } from '../i18n/index.js';
import type { Actor } from '../suppliers/access.js';
import { listFilterOptions } from './lookups-repo.js';
import type { ReportFilter } from './schema.js';
import { buildReport, type Report } from './service.js';
import * as repo from './targets-repo.js';
import type { TargetInput } from './targets-schema.js';

export const TARGET_METRICS = [
  'meetingsHeld',
  'deals',
  'mous',
  'valueIdr',
  'ikmVerified',
  'ikmCertified',
] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

/** One figure against its target: `percent` is null where no target was set (or it is zero). */
export interface Progress {
  metric: TargetMetric;
  target: bigint | null;
  realised: bigint;
  percent: number | null;
}

/**
 * What a report realised, in target terms. Taken from the report itself (buildReport), so the
 * realisation can never disagree with the figures printed next to it.
 */
export function realisationOf(r: Report): Record<TargetMetric, bigint> {
  return {
    meetingsHeld: BigInt(r.held),
    deals: BigInt(r.statuses.deal),
    mous: BigInt(r.statuses.mou),
    valueIdr: r.value.total,
    ikmVerified: BigInt(r.ikm.verified),
    ikmCertified: BigInt(r.ikm.certified),
  };
}

/** Realisation against targets, metric by metric (percent rounded down to a tenth). */
export function progressOf(target: repo.TargetFigures, realised: Record<TargetMetric, bigint>): Progress[] {
  return TARGET_METRICS.map((metric) => {
    const raw = target[metric];
    const t = raw === null ? null : BigInt(raw);
    const percent = t === null || t === 0n ? null : Number((realised[metric] * 1000n) / t) / 10;
    return { metric, target: t, realised: realised[metric], percent };
  });
}

/** The report filter a target is measured with: its event, or its office over the calendar year. */
export function targetFilter(t: {
  officeId: string;
  eventId: string | null;
  year: number | null;
}): ReportFilter {
  return t.eventId
    ? { event: t.eventId }
    : { office: t.officeId, from: `${t.year}-01-01`, to: `${t.year}-12-31` };
}

const figuresOf = (row: repo.TargetRow): repo.TargetFigures => ({
  ...row,
  valueIdr: row.valueIdr === null ? null : BigInt(row.valueIdr),
});

/** The offices an actor may set targets for: their own, or all of them for admins. */
function officesOf(db: Db, actor: Actor) {
  return actor.platformRole === 'admin' ? repo.listAllOffices(db) : repo.listUserOffices(db, actor.userId);
}

/** The targets page: the actor's offices' targets, each with its realisation. */
export async function loadTargets(db: Db, actor: Actor) {
  const offices = await officesOf(db, actor);
  const rows = await repo.listTargets(
    db,
    offices.map((o) => o.id),
  );
  const targets = await Promise.all(
    rows.map(async (row) => {
      const report = await buildReport(db, targetFilter(row));
      return { ...row, progress: progressOf(figuresOf(row), realisationOf(report)) };
    }),
  );
  return { offices, targets };
}

/**
 * Sets an office's targets for an event or a year. Only the office's own facilitators (and
 * admins) may: another office's targets are Forbidden. Audited with the figures that changed.
 */
export async function setTarget(sql: Sql, actor: Actor, input: TargetInput, now: Date): Promise<string> {
  const offices = await officesOf(sql, actor);
  if (!offices.some((o) => o.id === input.officeId)) throw new Forbidden();
  if (input.eventId && !(await repo.eventExists(sql, input.eventId)))
    throw new Invalid({ event_id: 'v.invalid' });
  return sql.begin(async (tx) => {
    const { id, before } = await repo.upsertTarget(tx, { ...input, userId: actor.userId, now });
    const shape = (f: repo.TargetFigures | null) =>
      Object.fromEntries(
        TARGET_METRICS.map((m) => [m, f?.[m] === null || f?.[m] === undefined ? null : String(f[m])]),
      );
    const fields = diff(shape(before ? figuresOf(before) : null), shape(input));
    // Saving the same figures again is no change: the trail records none.
    if (before && Object.keys(fields).length === 0) return id;
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organizationId: input.officeId,
      entity: 'office_target',
      entityId: id,
      action: before ? 'update' : 'create',
      changes: { fields },
    });
    return id;
  });
}

/** The targets page: targets with realisation, plus the form's choices (offices and events). */
export async function loadTargetsPage(db: Db, actor: Actor) {
  const [{ offices, targets }, options] = await Promise.all([
    loadTargets(db, actor),
    listFilterOptions(db, undefined),
  ]);
  return { offices, targets, events: options.events };
}

/** The targets as a CSV table: one row per target and metric, labelled, with the percent. */
export function targetsTable(
  targets: (repo.TargetRow & { progress: Progress[] })[],
  t: T,
): (string | bigint | number | null)[][] {
  const header = ['office', 'scope', 'metric', 'target', 'realised', 'percent'].map((k) =>
    t(`impact.targets.col.${k}`),
  );
  const rows = targets.flatMap((x) =>
    x.progress.map((p) => [
      x.officeName,
      x.eventName ?? String(x.year ?? ''),
      t(`impact.metric.${p.metric}`),
      p.target,
      p.realised,
      p.percent,
    ]),
  );
  return [header, ...rows];
}
