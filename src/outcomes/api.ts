import { Hono } from 'hono';
import { describeRoutes } from '../api/openapi-registry.js';
import type { AppEnv } from '../context.js';
import { currentActor } from '../http/guards.js';
import { parseJson, parseQuery } from '../http/validate.js';
import { pageCount } from './history.js';
import { outcomeToJson, versionToJson } from './json.js';
import { findHeads } from './repo.js';
import { outcomeCtx } from './routes.js';
import { HistoryApiQuery, OutcomeBody } from './schema.js';
import { loadOutcome, recordOutcome } from './service.js';

/**
 * `/api/v1/meetings/:id/outcome`: the same rules as the pages. A party's token writes its own
 * side's report, a facilitator's the official record; every PUT is a new version.
 */
export const outcomeApi = new Hono<AppEnv>();

outcomeApi.put('/meetings/:id/outcome', async (c) => {
  const input = await parseJson(c, OutcomeBody);
  const ctx = outcomeCtx(c);
  const saved = await recordOutcome(ctx, currentActor(c), c.req.param('id'), input, { channel: 'api' });
  const heads = await findHeads(ctx.sql, c.req.param('id'));
  return c.json(versionToJson(heads[saved.side]!));
});

outcomeApi.get('/meetings/:id/outcome', async (c) => {
  const view = await loadOutcome(c.get('deps').sql, currentActor(c), c.req.param('id'));
  return c.json(outcomeToJson(view.meeting, view.heads));
});

/** The history, newest first, a page at a time (`page`, `per_page` up to 50, the default). */
outcomeApi.get('/meetings/:id/outcome/history', async (c) => {
  const q = parseQuery(c, HistoryApiQuery);
  const paging = { page: q.page, perPage: q.per_page };
  const view = await loadOutcome(c.get('deps').sql, currentActor(c), c.req.param('id'), paging);
  return c.json({
    meeting_id: view.meeting.id,
    versions: view.history.map(versionToJson),
    page: q.page,
    per_page: q.per_page,
    total: view.historyTotal,
    pages: pageCount(view.historyTotal, q.per_page),
  });
});

describeRoutes('outcomes', [
  {
    method: 'put',
    path: '/meetings/:id/outcome',
    summary: "Record a meeting's outcome: a party its own side, a facilitator the official record.",
    body: OutcomeBody,
    errors: [403, 409],
    response: { status: 200, description: 'The new version.' },
  },
  {
    method: 'get',
    path: '/meetings/:id/outcome',
    summary: "A meeting's outcome: each side's latest report.",
    errors: [403],
    response: { status: 200, description: 'The outcome.' },
  },
  {
    method: 'get',
    path: '/meetings/:id/outcome/history',
    summary: 'Every version of the outcome, newest first, a page at a time.',
    query: HistoryApiQuery,
    errors: [403],
    response: { status: 200, description: '`versions`, page, per_page, total and pages.' },
  },
]);
