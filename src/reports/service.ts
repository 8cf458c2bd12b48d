import type { Db } from '../db/client.js';
import { queryAwardTotals } from './awards-repo.js';
import { type GroupRow, queryReport, type TotalsRow } from './repo.js';
import type { ReportFilter } from './schema.js';

export const FUNNEL_STEPS = ['matches', 'requests', 'accepted', 'scheduled', 'held', 'deal_mou'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];
export const BREAKDOWNS = ['province', 'sector', 'estate', 'buyer'] as const;
export type BreakdownKind = (typeof BREAKDOWNS)[number];

export interface Group {
  key: string | null;
  labelId: string | null;
  labelEn: string | null;
  meetings: number;
  held: number;
  deals: number;
  mous: number;
  valueIdr: bigint;
}

export interface Report {
  filter: ReportFilter;
  scheduled: number;
  held: number;
  noShows: { buyer: number; supplier: number; both: number; total: number };
  /** No-shows over meetings whose attendance is known (held or a no-show); null when none is. */
  noShowRate: number | null;
  statuses: { deal: number; mou: number; follow_up: number; no_deal: number; pending: number };
  /** Official deal and MoU values: sum, how many carried a value, and their median. */
  value: { total: bigint; count: number; median: bigint | null };
  suppliersWithDeal: number;
  awaitingReconciliation: number;
  /**
   * IKM (suppliers) that held at least one meeting in scope and are verified, or hold a
   * certificate valid on the meeting's day: what an office's "IKM verified/certified" targets count.
   */
  ikm: { verified: number; certified: number };
  /** Meeting requests (event requests and ad-hoc proposals) and how many were accepted. */
  requests: { total: number; accepted: number };
  /** Buyer × supplier pairs reaching each step (each step a subset of the one before). */
  funnel: { step: FunnelStep; count: number }[];
  breakdowns: Record<BreakdownKind, Group[]>;
  /** First and last meeting day in scope (for the printed period when no dates were given). */
  span: { first: string | null; last: string | null };
  /** Deals made by awarding an RFQ quote (no meeting record): how many, and their value. */
  rfqAwards?: { count: number; value: bigint };
}

const toGroup = (g: GroupRow): Group => ({ ...g, valueIdr: BigInt(g.valueIdr) });

function fromTotals(t: TotalsRow) {
  const noShowTotal = t.noShowBuyer + t.noShowSupplier + t.noShowBoth;
  const known = t.held + noShowTotal;
  return {
    scheduled: t.scheduled,
    held: t.held,
    noShows: { buyer: t.noShowBuyer, supplier: t.noShowSupplier, both: t.noShowBoth, total: noShowTotal },
    noShowRate: known > 0 ? noShowTotal / known : null,
    statuses: { deal: t.deal, mou: t.mou, follow_up: t.followUp, no_deal: t.noDeal, pending: t.pending },
    value: {
      total: BigInt(t.valueTotal),
      count: t.valueCount,
      median: t.valueMedian === null ? null : BigInt(t.valueMedian),
    },
    suppliersWithDeal: t.suppliersWithDeal,
    awaitingReconciliation: t.awaitingReconciliation,
    ikm: { verified: t.ikmVerified, certified: t.ikmCertified },
    requests: { total: t.requests, accepted: t.accepted },
    funnel: [
      { step: 'matches' as const, count: t.matches },
      { step: 'requests' as const, count: t.pairsRequested },
      { step: 'accepted' as const, count: t.pairsAccepted },
      { step: 'scheduled' as const, count: t.pairsScheduled },
      { step: 'held' as const, count: t.pairsHeld },
      { step: 'deal_mou' as const, count: t.pairsClosed },
    ],
    span: { first: t.firstDay, last: t.lastDay },
  };
}

/**
 * The impact report for a filter: the figures an office sends up to its head and the ministry.
 * Counts come from the official (reconciled) records only; a meeting whose reports still wait
 * for a facilitator counts as pending, and `awaitingReconciliation` says how many those are.
 */
export async function buildReport(db: Db, filter: ReportFilter): Promise<Report> {
  const [rows, awards] = await Promise.all([queryReport(db, filter), queryAwardTotals(db, filter)]);
  return {
    filter,
    rfqAwards: { count: awards.count, value: BigInt(awards.valueIdr) },
    ...fromTotals(rows.totals),
    breakdowns: {
      province: rows.province.map(toGroup),
      sector: rows.sector.map(toGroup),
      estate: rows.estate.map(toGroup),
      buyer: rows.buyer.map(toGroup),
    },
  };
}

const groupToJson = (g: Group) => ({
  key: g.key,
  label: { id: g.labelId, en: g.labelEn },
  meetings: g.meetings,
  held: g.held,
  deals: g.deals,
  mous: g.mous,
  value_idr: g.valueIdr.toString(),
});

/** `GET /api/v1/reports/summary`: the page's figures, snake_case, money as digit strings. */
export function reportToJson(r: Report) {
  return {
    filters: r.filter,
    meetings: { scheduled: r.scheduled, held: r.held },
    no_shows: r.noShows,
    no_show_rate: r.noShowRate,
    outcomes: r.statuses,
    deals: r.statuses.deal,
    mous: r.statuses.mou,
    value_idr: {
      total: r.value.total.toString(),
      median: r.value.median === null ? null : r.value.median.toString(),
      count: r.value.count,
    },
    suppliers_with_deal: r.suppliersWithDeal,
    awaiting_reconciliation: r.awaitingReconciliation,
    ikm: r.ikm,
    requests: r.requests,
    funnel: r.funnel,
    breakdowns: {
      province: r.breakdowns.province.map(groupToJson),
      sector: r.breakdowns.sector.map(groupToJson),
      estate: r.breakdowns.estate.map(groupToJson),
      buyer: r.breakdowns.buyer.map(groupToJson),
    },
    period: { first_meeting_on: r.span.first, last_meeting_on: r.span.last },
    rfq_awards: r.rfqAwards ? { count: r.rfqAwards.count, value_idr: r.rfqAwards.value.toString() } : null,
  };
}
