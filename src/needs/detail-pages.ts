import { isUuid } from '../db/ids.js';
import { loadBuyerContext, whatsappLinks } from '../directory/buyer-actions.js';
import { NotFound } from '../errors.js';
import { renderReasons } from '../matching/reasons.js';
import { SUPPLIER_THRESHOLD } from '../matching/weights.js';
import { canExplain, matchStatusesFor, type NeedViewer, requireBuyer, requireNeed } from './access.js';
import { supplierInbox } from './inbox.js';
import { explainSupplier, explanationToJson, reasonContext } from './matches.js';
import { compareColumns, meetingNote, type PageCtx } from './pages.js';
import { needTitle } from './responses.js';

/** A supplier's inbox: open needs that fit their organisations, each with its reasons in words. */
export async function loadInbox(ctx: PageCtx, viewer: NeedViewer) {
  const items = await supplierInbox(ctx.deps, viewer);
  const rctx = await reasonContext(ctx.deps.sql, ctx.t, ctx.locale);
  return {
    items: items.map((i) => ({ ...i, reasons: i.score === null ? [] : renderReasons(i.criteria, rctx) })),
    threshold: SUPPLIER_THRESHOLD,
  };
}

/** The buyer's comparison of their shortlist, with the default note for a meeting proposal. */
export async function loadComparePage(ctx: PageCtx, viewer: NeedViewer, needId: string) {
  const { need, access } = await requireNeed(ctx.deps.sql, needId, viewer);
  requireBuyer(access);
  const columns = await compareColumns(ctx, need);
  const buyerCtx = await loadBuyerContext(ctx.deps, viewer.actor, ctx.locale);
  const whatsapp = await whatsappLinks(
    ctx.deps.sql,
    buyerCtx,
    columns.map((c) => ({ id: c.supplierId, name: c.name })),
  );
  return {
    needId: need.id,
    needTitle: needTitle(need, ctx.locale),
    columns,
    defaultMessage: meetingNote(ctx.t, need, ctx.locale),
    buyer: buyerCtx ? { ctx: buyerCtx, whatsapp } : null,
  };
}

/**
 * Why a supplier does (not) match a need, criterion by criterion. Suppliers the viewer may not
 * ask about are NotFound, as if they did not exist.
 */
export async function loadWhyNotPage(ctx: PageCtx, viewer: NeedViewer, needId: string, supplierId: string) {
  const { need, access } = await requireNeed(ctx.deps.sql, needId, viewer);
  if (!isUuid(supplierId)) throw new NotFound();
  const e = await explainSupplier(ctx.deps, need, supplierId, matchStatusesFor(viewer));
  if (!e || !canExplain(viewer, access, supplierId, e.card.status)) throw new NotFound();
  const json = explanationToJson(e, await reasonContext(ctx.deps.sql, ctx.t, ctx.locale));
  return {
    needId: need.id,
    needTitle: needTitle(need, ctx.locale),
    supplierId,
    supplierName: e.card.legalName,
    verdict: e.verdict,
    score: e.score,
    criteria: json.criteria,
  };
}
