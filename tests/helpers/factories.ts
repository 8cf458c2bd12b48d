import { randomBytes } from 'node:crypto';
import { registerUser } from '../../src/auth/service.js';
import type { Sql } from '../../src/db/client.js';
import type { OrgKind } from '../../src/orgs/repo.js';
import { createApiToken } from '../../src/tokens/service.js';

export const PASSWORD = 'correct horse battery';

/** A user (optionally owning an organisation) with a known password. */
export async function makeUser(
  sql: Sql,
  o: {
    email?: string;
    name?: string;
    platformRole?: 'admin' | 'facilitator';
    org?: { name: string; kind: OrgKind };
  } = {},
) {
  const email = o.email ?? `u-${randomBytes(4).toString('hex')}@example.test`;
  const user = await registerUser(sql, {
    email,
    name: o.name ?? 'Test User',
    password: PASSWORD,
    platformRole: o.platformRole ?? null,
    org: o.org ?? null,
  });
  const [org] = o.org
    ? await sql<{ id: string }[]>`select organization_id as id from memberships where user_id = ${user.id}`
    : [];
  return { user, email, password: PASSWORD, orgId: org?.id ?? null };
}

/** A user plus a personal API token. */
export async function makeUserWithToken(sql: Sql, o: Parameters<typeof makeUser>[1] = {}) {
  const u = await makeUser(sql, o);
  const { token, id } = await createApiToken(sql, u.user.id, 'test');
  return { ...u, token, tokenId: id };
}
