import { Hono } from 'hono';
import { describeRoutes } from '../api/openapi-registry.js';
import type { AppEnv } from '../context.js';
import { currentActor, currentUser, requireRole } from '../http/guards.js';
import { parseJson, parseQuery } from '../http/validate.js';
import { DecisionForm, ErasureRequestForm, QueueQuery } from './schema.js';
import { decideRequest, exportPersonalData, listQueue, requestErasure, requestToJson } from './service.js';

/** `/api/v1`: the caller's own data and erasure request, and the reviewers' queue. */
export const privacyApi = new Hono<AppEnv>();

privacyApi.get('/me/data', async (c) => {
  const { sql, clock } = c.get('deps');
  return c.json(await exportPersonalData(sql, currentUser(c).id, clock()));
});

privacyApi.post('/me/erasure-request', async (c) => {
  const body = await parseJson(c, ErasureRequestForm);
  const { sql, clock } = c.get('deps');
  const id = await requestErasure(sql, currentUser(c).id, body.reason, clock());
  return c.json({ id, status: 'pending' }, 201);
});

privacyApi.get('/privacy/requests', requireRole('facilitator'), async (c) => {
  const q = parseQuery(c, QueueQuery);
  const rows = await listQueue(c.get('deps').sql, currentActor(c), q.status === 'all' ? null : q.status);
  return c.json({ requests: rows.map(requestToJson) });
});

privacyApi.post('/privacy/requests/:id/decide', requireRole('facilitator'), async (c) => {
  const body = await parseJson(c, DecisionForm);
  const { sql, clock } = c.get('deps');
  const d = { erase: body.decision === 'erase', note: body.note };
  await decideRequest(sql, currentActor(c), c.req.param('id'), d, clock());
  return c.json({ id: c.req.param('id'), status: d.erase ? 'erased' : 'rejected' });
});

describeRoutes('privacy', [
  {
    method: 'get',
    path: '/me/data',
    summary:
      "The caller's personal data as JSON (UU 27/2022): account, memberships, profiles, needs, meetings, outcomes.",
    response: { status: 200, description: 'The export.' },
  },
  {
    method: 'post',
    path: '/me/erasure-request',
    summary: 'Ask for erasure of the caller’s personal data; a facilitator or admin reviews it.',
    body: ErasureRequestForm,
    errors: [409],
    response: { status: 201, description: 'The open request.' },
  },
  {
    method: 'get',
    path: '/privacy/requests',
    summary: 'Erasure requests the caller may review (facilitators of the office, admins).',
    query: QueueQuery,
    errors: [403],
    response: { status: 200, description: 'The queue.' },
  },
  {
    method: 'post',
    path: '/privacy/requests/:id/decide',
    summary: 'Erase (anonymise personal fields; report totals stay true) or reject with a note.',
    body: DecisionForm,
    errors: [403, 409],
    response: { status: 200, description: 'The decided request.' },
  },
]);
