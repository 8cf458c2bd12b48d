import { addMonths, localDateOf } from '../outcomes/reminders.js';
import type { NoDealReason, OutcomeInput, OutcomeStatus, Side, SurveyWave } from '../outcomes/schema.js';
import type { Attendance } from '../scheduling/repo.js';
import { type DemoBuyer, NEXT_STEPS, VOLUMES } from './demo-outcomes-data.js';
import type { Rng } from './random.js';

const DAY_MS = 86_400_000;

export interface PlannedVersion {
  side: Side;
  channel: 'seed' | 'survey' | 'reconcile';
  survey: SurveyWave | null;
  basedOn: 'buyer' | 'supplier' | null;
  input: OutcomeInput;
  at: Date;
}

export interface OutcomePlan {
  /** Check-in as a/b: "a" is the buyer's seat (buyers asked), "b" the supplier's. */
  checkin: Attendance | null;
  versions: PlannedVersion[];
}

const REASONS: readonly NoDealReason[] = [
  'price',
  'capability',
  'capacity',
  'quality',
  'certification',
  'delivery',
  'distance',
  'no_need',
];
const REASON_WEIGHTS = [30, 15, 15, 10, 15, 5, 5, 5];

/** Log-uniform millions, rounded to 5 juta: small deals are common, big ones rare. */
function rupiah(rng: Rng, [min, max]: readonly [number, number]): bigint {
  const juta = Math.exp(rng.float(Math.log(min), Math.log(max)));
  return BigInt(Math.max(5, Math.round(juta / 5) * 5)) * 1_000_000n;
}

function blank(status: OutcomeStatus): OutcomeInput {
  return {
    attendance: null,
    status,
    valueIdr: null,
    products: null,
    volume: null,
    nextSteps: null,
    notes: null,
    followUpOn: null,
    noDealReason: null,
    shareNames: false,
  };
}

function truthFor(rng: Rng, buyer: DemoBuyer, status: OutcomeStatus, eventStart: Date): OutcomeInput {
  const base = blank(status);
  const products = rng.pick(buyer.products);
  switch (status) {
    case 'deal':
      return { ...base, valueIdr: rupiah(rng, buyer.dealJuta), products, volume: rng.pick(VOLUMES) };
    case 'mou':
      return {
        ...base,
        valueIdr: rupiah(rng, buyer.mouJuta),
        products,
        volume: 'kontrak 1 tahun',
        nextSteps: 'Penandatanganan kontrak pasokan',
      };
    case 'follow_up': {
      const date = localDateOf(new Date(eventStart.getTime() + rng.int(14, 45) * DAY_MS), 'Asia/Jakarta');
      return {
        ...base,
        products,
        followUpOn: date,
        nextSteps: rng.pick(NEXT_STEPS),
        valueIdr: rng.chance(0.5) ? rupiah(rng, buyer.dealJuta) : null,
      };
    }
    case 'no_deal':
      return { ...base, products, noDealReason: rng.pickWeighted(REASONS, REASON_WEIGHTS) };
    default:
      return base;
  }
}

const after = (start: Date, days: number) => new Date(start.getTime() + days * DAY_MS + 3_600_000);

/**
 * What happened at one demo meeting and who reported it when: check-in, then each side's report
 * (sometimes lagging behind the other), a facilitator's reconciliation for most, and for events
 * more than three months old the survey answers that moved follow-ups on.
 */
export function planOutcome(
  rng: Rng,
  ctx: { buyer: DemoBuyer; eventStart: Date; now: Date; demoPair: boolean },
): OutcomePlan {
  if (ctx.demoPair) return { checkin: 'held', versions: [] };
  const roll = rng.next();
  const checkin: Attendance | null =
    roll < 0.02
      ? null
      : roll < 0.05
        ? 'no_show_b'
        : roll < 0.075
          ? 'no_show_a'
          : roll < 0.085
            ? 'no_show_both'
            : 'held';
  const versions: PlannedVersion[] = [];
  if (checkin && checkin !== 'held') {
    if (rng.chance(0.65))
      versions.push({
        side: 'official',
        channel: 'seed',
        survey: null,
        basedOn: null,
        input: { ...blank('no_deal'), noDealReason: 'no_show' },
        at: after(ctx.eventStart, 2),
      });
    return { checkin, versions };
  }
  const status = rng.pickWeighted<OutcomeStatus>(
    ['deal', 'mou', 'follow_up', 'no_deal', 'pending'],
    [15, 8, 34, 23, 20],
  );
  if (status === 'pending') return { checkin, versions };
  const truth = truthFor(rng, ctx.buyer, status, ctx.eventStart);
  const closed = status === 'deal' || status === 'mou';
  const bothShare = closed && rng.chance(0.45);
  const sides: ('buyer' | 'supplier')[] = [];
  if (rng.chance(0.7)) sides.push('buyer');
  if (rng.chance(0.8) || sides.length === 0) sides.push('supplier');
  for (const side of sides) {
    const lagging = side === 'buyer' && status === 'deal' && rng.chance(0.2);
    const input = lagging
      ? {
          ...truth,
          status: 'follow_up' as const,
          followUpOn: localDateOf(after(ctx.eventStart, 21), 'Asia/Jakarta'),
        }
      : truth;
    versions.push({
      side,
      channel: 'seed',
      survey: null,
      basedOn: null,
      input: { ...input, shareNames: bothShare || rng.chance(0.3) },
      at: after(ctx.eventStart, rng.int(1, 6)),
    });
  }
  if (rng.chance(0.8)) {
    const from = sides.includes('supplier') ? 'supplier' : 'buyer';
    const source = versions.find((v) => v.side === from)!;
    versions.push({
      side: 'official',
      channel: 'reconcile',
      survey: null,
      basedOn: from,
      input: { ...source.input, shareNames: false },
      at: after(ctx.eventStart, rng.int(7, 12)),
    });
  }
  const surveyDay = new Date(`${addMonths(localDateOf(ctx.eventStart, 'Asia/Jakarta'), 3)}T02:00:00Z`);
  if (status === 'follow_up' && surveyDay.getTime() + 3 * DAY_MS < ctx.now.getTime()) {
    const r = rng.next();
    if (r < 0.55) {
      const moved: OutcomeInput =
        r < 0.4
          ? {
              ...truth,
              status: 'deal',
              followUpOn: null,
              valueIdr: rupiah(rng, ctx.buyer.dealJuta),
              volume: rng.pick(VOLUMES),
              shareNames: rng.chance(0.5),
            }
          : { ...truth, status: 'no_deal', followUpOn: null, noDealReason: 'price', shareNames: false };
      versions.push({
        side: 'supplier',
        channel: 'survey',
        survey: '3m',
        basedOn: null,
        input: moved,
        at: after(surveyDay, 1),
      });
      if (rng.chance(0.7))
        versions.push({
          side: 'official',
          channel: 'reconcile',
          survey: null,
          basedOn: 'supplier',
          input: { ...moved, shareNames: false },
          at: after(surveyDay, 3),
        });
    }
  }
  return { checkin, versions: versions.sort((a, b) => a.at.getTime() - b.at.getTime()) };
}
