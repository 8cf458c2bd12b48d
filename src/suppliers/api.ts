import { type Context, Hono } from 'hono';
import { describeRoutes } from '../api/openapi-registry.js';
import type { AppEnv } from '../context.js';
import { isUuid } from '../db/ids.js';
import { NotFound } from '../errors.js';
import { currentActor as actorOf } from '../http/guards.js';
import { parseJson } from '../http/validate.js';
import { requireView } from './access.js';
import { todayIso } from './normalize.js';
import { loadProfile, profileToJson } from './profile.js';
import { SupplierCreateBody, SupplierPatchBody } from './schema.js';
import { createSupplierProfile, updateSupplierProfile } from './service.js';

/** `/api/v1/suppliers`: create, read and patch full profiles (snake_case JSON). */
export const supplierApi = new Hono<AppEnv>();

async function respond(c: Context<AppEnv>, orgId: string, status: 200 | 201) {
  const { sql, clock } = c.get('deps');
  const actor = actorOf(c);
  const profile = await loadProfile(sql, orgId);
  const access = await requireView(sql, actor, profile?.supplier ?? null);
  return c.json(
    profileToJson(profile!, { today: todayIso(clock()), private: access.private, contactDetails: true }),
    status,
  );
}

supplierApi.post('/suppliers', async (c) => {
  const body = await parseJson(c, SupplierCreateBody);
  const s = await createSupplierProfile(c.get('deps').sql, actorOf(c), body);
  c.header('Location', `/api/v1/suppliers/${s.organizationId}`);
  return respond(c, s.organizationId, 201);
});

supplierApi.get('/suppliers/:id', async (c) => {
  const id = c.req.param('id');
  if (!isUuid(id)) throw new NotFound();
  return respond(c, id, 200);
});

supplierApi.patch('/suppliers/:id', async (c) => {
  const id = c.req.param('id');
  if (!isUuid(id)) throw new NotFound();
  const body = await parseJson(c, SupplierPatchBody);
  await updateSupplierProfile(c.get('deps').sql, actorOf(c), id, body);
  return respond(c, id, 200);
});

describeRoutes('suppliers', [
  {
    method: 'post',
    path: '/suppliers',
    summary: 'Create a supplier organisation with its full profile.',
    body: SupplierCreateBody,
    errors: [403, 409],
    response: { status: 201, description: 'The profile; `Location` names it.' },
  },
  {
    method: 'get',
    path: '/suppliers/:id',
    summary: 'A supplier profile; private fields only for its members and staff.',
    response: { status: 200, description: 'The profile.' },
  },
  {
    method: 'patch',
    path: '/suppliers/:id',
    summary: 'Change some fields of a supplier profile (members and facilitators).',
    body: SupplierPatchBody,
    errors: [403, 409],
    response: { status: 200, description: 'The profile after the change.' },
  },
]);
