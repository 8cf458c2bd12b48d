import { Hono } from 'hono';
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
