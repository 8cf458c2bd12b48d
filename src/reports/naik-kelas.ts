import type { Sql } from '../db/client.js';
import { isUuid } from '../db/ids.js';
import { NotFound } from '../errors.js';
import type { Actor } from '../suppliers/access.js';
import { requireView } from '../suppliers/access.js';
import { findSupplier } from '../suppliers/repo.js';
import { findReportZone } from './lookups-repo.js';
import {
  countMovedUp,
  listSupplierMilestones,
  type MilestoneRow,
  type MovedUpFilter,
  type MovedUpGroupRow,
} from './naik-kelas-repo.js';

export const MILESTONE_KINDS = ['verified', 'certificate', 'first_deal', 'repeat_deal'] as const;

export interface NaikKelasGroup {
  key: string | null;
  labelId: string | null;
  labelEn: string | null;
  ikm: number;
}

export interface NaikKelasReport {
  zone: string;
  total: number;
  byKind: Record<(typeof MILESTONE_KINDS)[number], number>;
  byProvince: NaikKelasGroup[];
  bySector: NaikKelasGroup[];
  byEstate: NaikKelasGroup[];
}

const pick = (rows: MovedUpGroupRow[], d: MovedUpGroupRow['dimension']): NaikKelasGroup[] =>
  rows
    .filter((r) => r.dimension === d)
    .map(({ key, labelId, labelEn, ikm }) => ({ key, labelId, labelEn, ikm }));

/**
 * How many IKM moved up (*naik kelas*) in a period, in total and per kind, province, sector and
 * estate. Days are read in the office's zone (its latest event's), WIB when it has none.
 */
export async function buildNaikKelas(sql: Sql, f: MovedUpFilter): Promise<NaikKelasReport> {
  const zone = await findReportZone(sql, { office: f.office });
  const rows = await countMovedUp(sql, f, zone);
  const kinds = Object.fromEntries(MILESTONE_KINDS.map((k) => [k, 0])) as NaikKelasReport['byKind'];
  for (const r of pick(rows, 'kind')) kinds[r.key as keyof typeof kinds] = r.ikm;
  return {
    zone,
    total: pick(rows, 'total')[0]?.ikm ?? 0,
    byKind: kinds,
    byProvince: pick(rows, 'province'),
    bySector: pick(rows, 'sector'),
    byEstate: pick(rows, 'estate'),
  };
}

/**
 * One IKM's timeline, for its own members and for staff: others get 404 (as for the audit trail),
 * since deals and the tenants behind them are not public.
 */
export async function loadTimeline(
  sql: Sql,
  actor: Actor,
  supplierId: string,
): Promise<{ name: string; id: string; zone: string; milestones: MilestoneRow[] }> {
  if (!isUuid(supplierId)) throw new NotFound();
  const s = await findSupplier(sql, supplierId);
  const access = await requireView(sql, actor, s);
  if (!access.private) throw new NotFound();
  const milestones = await listSupplierMilestones(sql, supplierId);
  return { name: s!.legalName, id: s!.organizationId, zone: zoneOfProvince(s!.provinceCode), milestones };
}

const WITA = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);

/** The zone of a province (Kemendagri code): WIT for Maluku and Papua, WITA for the centre, else WIB. */
export function zoneOfProvince(code: string | null): string {
  if (code === null) return 'Asia/Jakarta';
  if (code.startsWith('8') || code.startsWith('9')) return 'Asia/Jayapura';
  return WITA.has(code) ? 'Asia/Makassar' : 'Asia/Jakarta';
}
