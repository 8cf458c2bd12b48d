import type { MatchListProps } from '../../views/matching/MatchList.js';
import type { CompareColumn } from '../../views/needs/ComparePage.js';
import type { NeedPageProps, OwnSupplier } from '../../views/needs/NeedPage.js';
import { listAudit } from '../audit/service.js';
import { formatIdr, formatNumber, formatPercent } from '../i18n/format.js';
import type { Locale, T } from '../i18n/index.js';
import { loadFacts } from '../matching/candidate-repo.js';
import { bestTkdn, hasValidCert } from '../matching/certificates.js';
import { renderReasons } from '../matching/reasons.js';
import { loadVocabulary } from '../matching/vocabulary.js';
import { todayIso } from '../suppliers/normalize.js';
import { matchStatusesFor, type NeedAccess, type NeedViewer } from './access.js';
import { explainSupplier, listMatches, type MatchingDeps, reasonContext } from './matches.js';
import { meetingRequestTarget } from './meetings.js';
import type { NeedRow } from './repo.js';
import { needTitle } from './responses.js';
import { listInvitations, listResponses, shortlistedIds } from './responses-repo.js';

export interface PageCtx {
  deps: MatchingDeps;
  t: T;
  locale: Locale;
}

/** A taxonomy label function in the reader's language. */
export async function labeler(ctx: PageCtx) {
  const v = await loadVocabulary(ctx.deps.sql);
  return (kind: Parameters<typeof v.label>[0], slug: string) => v.label(kind, slug, ctx.locale);
}

async function matchesFor(ctx: PageCtx, need: NeedRow, viewer: NeedViewer, buyer: boolean, limit: number) {
  const rctx = await reasonContext(ctx.deps.sql, ctx.t, ctx.locale);
  const list = await listMatches(ctx.deps, need, matchStatusesFor(viewer), { limit });
  const invited =
    need.visibility === 'invited'
      ? new Set((await listInvitations(ctx.deps.sql, need.id)).map((i) => i.supplierId))
      : null;
  const props: Omit<MatchListProps, 't' | 'locale' | 'needId'> = {
    rows: list.matches.map((m) => ({
      supplierId: m.supplierId,
      name: m.card.legalName,
      place: m.card.regencyName,
      verified: m.card.status === 'verified',
      score: m.score,
      distanceKm: m.distanceKm,
      crossesSea: m.crossesSea,
      coverage: m.coverage,
      reasons: renderReasons(m.criteria, rctx),
    })),
    total: list.total,
    excluded: list.excluded,
    invited,
    canInvite: buyer && need.status !== 'closed',
  };
  return props;
}

/** Everything the need page shows this viewer, by what their access allows. */
export async function needPageData(
  ctx: PageCtx,
  need: NeedRow,
  access: NeedAccess,
  viewer: NeedViewer,
  limit: number,
): Promise<Omit<NeedPageProps, 't' | 'locale' | 'values' | 'errors'>> {
  const { sql } = ctx.deps;
  const label = await labeler(ctx);
  const rctx = await reasonContext(sql, ctx.t, ctx.locale);
  const admin = viewer.actor.platformRole === 'admin';
  const [matches, responses, invitations, audit] = await Promise.all([
    access.matches ? matchesFor(ctx, need, viewer, access.buyer, limit) : null,
    access.buyer || access.staff
      ? listResponses(sql, need.id)
      : listResponses(sql, need.id, access.supplierIds),
    need.visibility === 'invited' && (access.buyer || admin) ? listInvitations(sql, need.id) : null,
    access.buyer || admin ? listAudit(sql, { entity: 'need', entityId: need.id, limit: 50 }) : null,
  ]);
  const own: OwnSupplier[] = [];
  for (const supplierId of access.supplierIds) {
    const e = await explainSupplier(ctx.deps, need, supplierId, ['verified', 'submitted']);
    if (!e) continue;
    own.push({
      supplierId,
      supplierName: e.card.legalName,
      score: e.score,
      reasons: e.score === null ? [] : renderReasons(e.criteria, rctx),
      response: responses.find((r) => r.supplierId === supplierId) ?? null,
    });
  }
  return { need, label, buyer: access.buyer, matches, responses, own, invitations, audit };
}

/** The shortlisted suppliers' key facts side by side, and where to propose a meeting to each. */
export async function compareColumns(ctx: PageCtx, need: NeedRow): Promise<CompareColumn[]> {
  const { sql } = ctx.deps;
  const { t, locale } = ctx;
  const ids = await shortlistedIds(sql, need.id);
  const [facts, responses, label] = await Promise.all([
    loadFacts(sql, ids),
    listResponses(sql, need.id, ids),
    labeler(ctx),
  ]);
  const today = todayIso(ctx.deps.clock());
  const columns: CompareColumn[] = [];
  for (const id of ids) {
    const f = facts.get(id);
    const e = await explainSupplier(ctx.deps, need, id, ['verified', 'submitted']);
    if (!f || !e) continue;
    const r = responses.find((x) => x.supplierId === id);
    const crit = (code: string) => e.criteria.find((c) => c.code === code);
    const covered = (code: 'processes' | 'materials') => {
      const c = crit(code);
      return c && (c.code === 'processes' || c.code === 'materials')
        ? `${c.covered.length}/${c.covered.length + c.missing.length}`
        : '—';
    };
    const km = crit('distance');
    const tkdn = bestTkdn(f, today);
    const certs = [...new Set(f.certTypes)].filter((c) => hasValidCert(f, c, today));
    columns.push({
      supplierId: id,
      name: e.card.legalName,
      meeting: meetingRequestTarget(need.buyerOrgId, id),
      cells: {
        score: e.score === null ? t(`match.verdict_short.${e.verdict}`) : formatNumber(e.score, locale, 1),
        distance:
          km?.code === 'distance' && km.km !== null ? `${formatNumber(Math.round(km.km), locale)} km` : '—',
        place: [e.card.regencyName, e.card.provinceName].filter(Boolean).join(', ') || '—',
        status: t(`suppliers.status.${e.card.status}`),
        processes: need.processes.length
          ? covered('processes')
          : f.processes.map((p) => label('process', p)).join(', '),
        materials: need.materials.length
          ? covered('materials')
          : f.materials.map((m) => label('material', m)).join(', '),
        certs: certs.map((c) => label('certification', c)).join(', ') || '—',
        tkdn: tkdn === null ? '—' : formatPercent(tkdn, locale),
        capacity:
          e.card.capacityAmount === null
            ? '—'
            : `${formatNumber(e.card.capacityAmount, locale)} ${e.card.capacityUnit ?? ''}`,
        employees: e.card.employees === null ? '—' : formatNumber(e.card.employees, locale),
        founded: e.card.yearFounded === null ? '—' : String(e.card.yearFounded),
        price: r?.indicativePriceIdr ? formatIdr(BigInt(r.indicativePriceIdr), locale) : '—',
        message: r?.message ?? '—',
      },
    });
  }
  return columns;
}

/** The default note of a meeting proposed from the compare page. */
export function meetingNote(t: T, need: NeedRow, locale: Locale): string {
  return t('needs.meeting.default_message', { need: needTitle(need, locale) });
}
