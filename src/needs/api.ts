import { type Context, Hono } from 'hono';
import { describeRoutes } from '../api/openapi-registry.js';
import type { AppEnv } from '../context.js';
import { isUuid } from '../db/ids.js';
import { Forbidden, NotFound } from '../errors.js';
import { parseJson, parseQuery } from '../http/validate.js';
import { renderReasons } from '../matching/reasons.js';
import { canExplain, matchStatusesFor, requireNeed } from './access.js';
import { needDeps, viewerOf } from './http.js';
import { supplierInbox } from './inbox.js';
import { explainSupplier, explanationToJson, listMatches, matchToJson, reasonContext } from './matches.js';
import type { NeedRow } from './repo.js';
import { respondToNeed } from './responses.js';
import { listResponses, type ResponseRow } from './responses-repo.js';
import { rfqApi } from './rfq-api.js';
import {
  CloseForm,
  MatchesQuery,
  NeedCreateBody,
  NeedPatchBody,
  patchToInput,
  ResponseForm,
} from './schema.js';
import { closeNeed, createNeed, editNeed, openNeed } from './service.js';

/** `/api/v1/needs…` and `/api/v1/suppliers/me/matching-needs` (bearer token; snake_case JSON). */
export const needsApi = new Hono<AppEnv>();

const num = (x: string | null) => (x === null ? null : Number(x));

/** The API representation of a need. */
export function needToJson(n: NeedRow) {
  return {
    id: n.id,
    buyer_org_id: n.buyerOrgId,
    buyer_name: n.buyerName,
    status: n.status,
    close_reason: n.closeReason,
    title_id: n.titleId,
    title_en: n.titleEn,
    description_id: n.descriptionId,
    description_en: n.descriptionEn,
    sector: n.sector,
    product_category: n.productCategory,
    processes: n.processes,
    materials: n.materials,
    required_certs: n.requiredCerts,
    preferred_certs: n.preferredCerts,
    min_tkdn: n.minTkdn,
    quantity: n.quantity,
    unit: n.unit,
    frequency: n.frequency,
    target_price_idr: num(n.targetPriceIdr),
    estate: n.estateSlug,
    location:
      n.estateLat !== null
        ? { lat: n.estateLat, lon: n.estateLon }
        : n.deliveryLat !== null
          ? { lat: n.deliveryLat, lon: n.deliveryLon }
          : null,
    max_distance_km: n.maxDistanceKm,
    response_deadline: n.responseDeadline,
    visibility: n.visibility,
    created_at: n.createdAt,
    updated_at: n.updatedAt,
    opened_at: n.openedAt,
    closed_at: n.closedAt,
  };
}

function responseToJson(r: ResponseRow) {
  return {
    id: r.id,
    need_id: r.needId,
    supplier_id: r.supplierId,
    supplier_name: r.supplierName,
    interested: r.interested,
    message: r.message,
    indicative_price_idr: num(r.indicativePriceIdr),
    reason: r.reason,
    shortlisted: r.shortlisted,
    created_at: r.createdAt,
  };
}

async function needJson(c: Context<AppEnv>, id: string, status: 200 | 201 = 200) {
  const { need } = await requireNeed(c.get('deps').sql, id, await viewerOf(c));
  if (status === 201) c.header('Location', `/api/v1/needs/${id}`);
  return c.json(needToJson(need), status);
}

needsApi.post('/needs', async (c) => {
  const body = await parseJson(c, NeedCreateBody);
  const id = await createNeed(needDeps(c), await viewerOf(c), body);
  return needJson(c, id, 201);
});

needsApi.get('/needs/:id', (c) => needJson(c, c.req.param('id')));

needsApi.patch('/needs/:id', async (c) => {
  const body = await parseJson(c, NeedPatchBody);
  await editNeed(needDeps(c), await viewerOf(c), c.req.param('id'), patchToInput(body));
  return needJson(c, c.req.param('id'));
});

needsApi.post('/needs/:id/open', async (c) => {
  await openNeed(needDeps(c), await viewerOf(c), c.req.param('id'));
  return needJson(c, c.req.param('id'));
});

needsApi.post('/needs/:id/close', async (c) => {
  const body = await parseJson(c, CloseForm);
  await closeNeed(needDeps(c), await viewerOf(c), c.req.param('id'), body.reason);
  return needJson(c, c.req.param('id'));
});

needsApi.get('/needs/:id/matches', async (c) => {
  const { limit } = parseQuery(c, MatchesQuery);
  const viewer = await viewerOf(c);
  const { need, access } = await requireNeed(c.get('deps').sql, c.req.param('id'), viewer);
  if (!access.matches) throw new Forbidden();
  const list = await listMatches(c.get('deps'), need, matchStatusesFor(viewer), { limit });
  const ctx = await reasonContext(c.get('deps').sql, c.get('t'), c.get('locale'));
  c.header('Cache-Control', 'no-store');
  return c.json({
    matches: list.matches.map((m) => matchToJson(m, ctx)),
    excluded: list.excluded,
    total: list.total,
  });
});

needsApi.get('/needs/:id/why-not/:supplier_id', async (c) => {
  const viewer = await viewerOf(c);
  const { need, access } = await requireNeed(c.get('deps').sql, c.req.param('id'), viewer);
  const supplierId = c.req.param('supplier_id');
  if (!isUuid(supplierId)) throw new NotFound();
  const e = await explainSupplier(c.get('deps'), need, supplierId, matchStatusesFor(viewer));
  if (!e || !canExplain(viewer, access, supplierId, e.card.status)) throw new NotFound();
  const ctx = await reasonContext(c.get('deps').sql, c.get('t'), c.get('locale'));
  return c.json({ need_id: need.id, ...explanationToJson(e, ctx) });
});

needsApi.post('/needs/:id/interest', async (c) => {
  const body = await parseJson(c, ResponseForm);
  const viewer = await viewerOf(c);
  const id = await respondToNeed(needDeps(c), viewer, c.req.param('id'), body);
  const [row] = (await listResponses(c.get('deps').sql, c.req.param('id'))).filter((r) => r.id === id);
  return c.json(responseToJson(row!), 201);
});

/** Responses: all of them for the buyer organisation and staff, a supplier's own otherwise. */
needsApi.get('/needs/:id/responses', async (c) => {
  const { need, access } = await requireNeed(c.get('deps').sql, c.req.param('id'), await viewerOf(c));
  const all = access.buyer || access.staff;
  const rows = await listResponses(c.get('deps').sql, need.id, all ? undefined : access.supplierIds);
  return c.json({ responses: rows.map(responseToJson) });
});

needsApi.get('/suppliers/me/matching-needs', async (c) => {
  const items = await supplierInbox(c.get('deps'), await viewerOf(c));
  const ctx = await reasonContext(c.get('deps').sql, c.get('t'), c.get('locale'));
  return c.json({
    needs: items.map((i) => ({
      need: needToJson(i.need),
      supplier_id: i.supplierId,
      score: i.score,
      invited: i.invited,
      reasons: i.score === null ? [] : renderReasons(i.criteria, ctx),
      response: i.response ? responseToJson(i.response) : null,
    })),
  });
});

needsApi.route('/', rfqApi);

describeRoutes('needs', [
  {
    method: 'post',
    path: '/needs',
    summary: 'Create a need (a draft) for the buyer organisation.',
    body: NeedCreateBody,
    errors: [403],
    response: { status: 201, description: 'The need; `Location` names it.' },
  },
  {
    method: 'get',
    path: '/needs/:id',
    summary: 'A need.',
    response: { status: 200, description: 'The need.' },
  },
  {
    method: 'patch',
    path: '/needs/:id',
    summary: 'Change some fields of a need (its buyer).',
    body: NeedPatchBody,
    errors: [403, 409],
    response: { status: 200, description: 'The need after the change.' },
  },
  {
    method: 'post',
    path: '/needs/:id/open',
    summary: 'Open a draft need to matching suppliers.',
    errors: [403, 409, 422],
    response: { status: 200, description: 'The open need.' },
  },
  {
    method: 'post',
    path: '/needs/:id/close',
    summary: 'Close a need as awarded or cancelled.',
    body: CloseForm,
    errors: [403, 409],
    response: { status: 200, description: 'The closed need.' },
  },
  {
    method: 'get',
    path: '/needs/:id/matches',
    summary: 'Ranked matching suppliers with their reasons (buyer and staff).',
    query: MatchesQuery,
    errors: [403],
    response: { status: 200, description: '`matches`, `excluded` counts and `total`.' },
  },
  {
    method: 'get',
    path: '/needs/:id/why-not/:supplier_id',
    summary: 'Why a supplier does or does not match the need, criterion by criterion.',
    response: { status: 200, description: 'The explanation.' },
  },
  {
    method: 'post',
    path: '/needs/:id/interest',
    summary: 'A supplier answers a need: interested or not, with a message and price.',
    body: ResponseForm,
    errors: [403, 409],
    response: { status: 201, description: 'The response.' },
  },
  {
    method: 'get',
    path: '/needs/:id/responses',
    summary: 'Responses: all for the buyer and staff, a supplier its own.',
    response: { status: 200, description: '`responses`.' },
  },
  {
    method: 'get',
    path: '/suppliers/me/matching-needs',
    summary: "Open needs that match the token owner's supplier organisations.",
    response: { status: 200, description: '`needs`: need, score, invited, reasons and own response.' },
  },
]);
