import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { InvitePage, OrgListPage, OrgPage } from '../../views/orgs/OrgPages.js';
import { OrgKind } from '../auth/schema.js';
import type { AppEnv } from '../context.js';
import { NotFound } from '../errors.js';
import { setFlash } from '../http/flash.js';
import { currentUser, requireOrgMember, requireUser } from '../http/guards.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { parseForm } from '../http/validate.js';
import * as repo from './repo.js';
import { acceptInvite, createInvite, createOrganization, peekInvite } from './service.js';

const OrgForm = z.object({ name: z.string().trim().min(2).max(160), kind: OrgKind });
const InviteForm = z.object({ role: z.enum(['owner', 'member']).default('member') });

/** Organisations: list and create, members, invite links. */
export const orgRoutes = new Hono<AppEnv>();
orgRoutes.use('*', requireUser());

async function listPage(
  c: Context<AppEnv>,
  extra: { status?: number; values?: Record<string, string>; errors?: Record<string, string> } = {},
) {
  const orgs = await repo.listMembershipsForUser(c.get('deps').sql, currentUser(c).id);
  const t = c.get('t');
  return render(
    c,
    <OrgListPage t={t} orgs={orgs} values={extra.values ?? {}} errors={extra.errors ?? {}} />,
    {
      title: t('orgs.title'),
      status: extra.status ?? 200,
    },
  );
}

orgRoutes.get('/', (c) => listPage(c));
orgRoutes.get('/new', (c) => listPage(c));

orgRoutes.post('/', async (c) => {
  const form = await parseForm(c, OrgForm);
  if (!form.ok) return listPage(c, { status: 422, values: form.values, errors: form.errors });
  const org = await createOrganization(c.get('deps').sql, { ...form.data, ownerId: currentUser(c).id });
  return redirectAfterPost(c, `/orgs/${org.id}`);
});

async function orgPage(c: Context<AppEnv>, inviteLink: string | null = null) {
  const { sql } = c.get('deps');
  const membership = c.get('membership');
  const [org, members] = await Promise.all([
    repo.findOrganizationById(sql, membership.id),
    repo.listMembers(sql, membership.id),
  ]);
  if (!org) throw new NotFound();
  return render(
    c,
    <OrgPage t={c.get('t')} org={org} role={membership.role} members={members} inviteLink={inviteLink} />,
    {
      title: org.name,
      status: inviteLink ? 201 : 200,
    },
  );
}

orgRoutes.get('/:orgId', requireOrgMember(), (c) => orgPage(c));

orgRoutes.post('/:orgId/invites', requireOrgMember(), async (c) => {
  const form = await parseForm(c, InviteForm);
  const { sql, clock, config } = c.get('deps');
  const token = await createInvite(sql, {
    orgId: c.get('membership').id,
    userId: currentUser(c).id,
    role: form.ok ? form.data.role : 'member',
    now: clock(),
  });
  return orgPage(c, `${config.appOrigin}/invites/${token}`);
});

/** Invite links are public to view (the token is the secret); accepting needs a login. */
export const inviteRoutes = new Hono<AppEnv>();

inviteRoutes.get('/:token', async (c) => {
  const { sql, clock } = c.get('deps');
  const token = c.req.param('token');
  const invite = await peekInvite(sql, token, clock());
  if (!invite) throw new NotFound('orgs.invite.invalid');
  const t = c.get('t');
  return render(
    c,
    <InvitePage t={t} token={token} orgName={invite.orgName} role={invite.role} loggedIn={!!c.get('user')} />,
    { title: t('orgs.invite.accept_title') },
  );
});

inviteRoutes.post('/:token', requireUser(), async (c) => {
  const { sql, clock } = c.get('deps');
  const invite = await acceptInvite(sql, c.req.param('token'), currentUser(c).id, clock());
  setFlash(c, 'orgs.invite.accepted');
  return redirectAfterPost(c, `/orgs/${invite.organizationId}`);
});
