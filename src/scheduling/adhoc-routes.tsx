import { type Context, Hono } from 'hono';
import { AdhocPage } from '../../views/scheduling/AdhocPage.js';
import type { AppEnv } from '../context.js';
import { DomainError } from '../errors.js';
import { setFlash } from '../http/flash.js';
import { currentActor, requireUser } from '../http/guards.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { parseForm } from '../http/validate.js';
import { listMembershipsForUser } from '../orgs/repo.js';
import { answerAdhoc, cancelAdhoc, proposeAdhoc } from './adhoc.js';
import { listAdhocOfUser, listOrgsForAdhoc } from './adhoc-repo.js';
import { AdhocForm } from './schema.js';

/** `/meetings`: meetings outside events, proposed to another organisation and accepted by it. */
export const adhocRoutes = new Hono<AppEnv>();
adhocRoutes.use('*', requireUser());

async function page(
  c: Context<AppEnv>,
  state: { values?: Record<string, string>; errors?: Record<string, string>; status?: number } = {},
) {
  const { sql } = c.get('deps');
  const actor = currentActor(c);
  const [meetings, myOrgs, orgs] = await Promise.all([
    listAdhocOfUser(sql, actor.userId),
    listMembershipsForUser(sql, actor.userId),
    listOrgsForAdhoc(sql),
  ]);
  const t = c.get('t');
  return render(
    c,
    <AdhocPage
      t={t}
      locale={c.get('locale')}
      meetings={meetings}
      myOrgs={myOrgs}
      orgs={orgs}
      values={state.values ?? {}}
      errors={state.errors ?? {}}
    />,
    { title: t('events.adhoc.title'), status: state.status ?? 200 },
  );
}

adhocRoutes.get('/', (c) => page(c));

adhocRoutes.post('/', async (c) => {
  const form = await parseForm(c, AdhocForm);
  if (!form.ok) return page(c, { values: form.values, errors: form.errors, status: 422 });
  const { sql, clock } = c.get('deps');
  try {
    await proposeAdhoc(sql, currentActor(c), form.data, clock());
  } catch (err) {
    if (!(err instanceof DomainError) || !err.fields) throw err;
    const t = c.get('t');
    const errors = Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k, t(v)]));
    return page(c, { values: form.values, errors, status: 422 });
  }
  setFlash(c, 'events.adhoc.proposed');
  return redirectAfterPost(c, '/meetings');
});

for (const [path, flash] of [
  ['accept', 'events.adhoc.accepted'],
  ['decline', 'events.adhoc.declined'],
  ['cancel', 'events.adhoc.cancelled'],
] as const) {
  adhocRoutes.post(`/:id/${path}`, async (c) => {
    const { sql, clock } = c.get('deps');
    const actor = currentActor(c);
    const id = c.req.param('id');
    if (path === 'cancel') await cancelAdhoc(sql, actor, id, clock());
    else await answerAdhoc(sql, actor, id, path === 'accept' ? 'scheduled' : 'declined', clock());
    setFlash(c, flash);
    return redirectAfterPost(c, '/meetings');
  });
}
