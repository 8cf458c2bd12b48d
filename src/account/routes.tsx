import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { AccountPage } from '../../views/account/AccountPage.js';
import { deleteOtherSessions, deleteUserSession, listUserSessions, updateUserProfile } from '../auth/repo.js';
import { ChangePasswordForm, ProfileForm } from '../auth/schema.js';
import { changePassword } from '../auth/service.js';
import { sessionHandle } from '../auth/session.js';
import { checkPasswordStrength, weakPasswordMessage } from '../auth/strength.js';
import type { AppEnv } from '../context.js';
import { Invalid, NotFound } from '../errors.js';
import { setFlash } from '../http/flash.js';
import { currentUser, requireUser } from '../http/guards.js';
import { redirectAfterPost } from '../http/htmx.js';
import { rememberLocale } from '../http/i18n.js';
import { render } from '../http/render.js';
import { parseForm } from '../http/validate.js';
import { ErasureRequestForm } from '../privacy/schema.js';
import { exportPersonalData, listOwnRequests, requestErasure } from '../privacy/service.js';
import { createApiToken, listApiTokens, revokeAllApiTokens, revokeApiToken } from '../tokens/service.js';

const TokenForm = z.object({ token_name: z.string().trim().min(1, 'v.required').max(80) });

/** The user's own account: profile, password, sessions and API tokens. */
export const accountRoutes = new Hono<AppEnv>();
accountRoutes.use('*', requireUser());

async function page(
  c: Context<AppEnv>,
  extra: {
    status?: number;
    newToken?: string;
    values?: Record<string, string>;
    errors?: Record<string, string>;
  } = {},
) {
  const user = currentUser(c);
  const { sql, clock } = c.get('deps');
  const [sessions, tokens, erasure] = await Promise.all([
    listUserSessions(sql, user.id, clock()),
    listApiTokens(sql, user.id),
    listOwnRequests(sql, user.id),
  ]);
  const t = c.get('t');
  return render(
    c,
    <AccountPage
      t={t}
      locale={c.get('locale')}
      user={user}
      sessions={sessions}
      currentSessionId={c.get('session')?.id ?? null}
      tokens={tokens}
      erasureRequests={erasure}
      newToken={extra.newToken ?? null}
      values={extra.values ?? {}}
      errors={extra.errors ?? {}}
    />,
    { title: t('account.title'), status: extra.status ?? 200 },
  );
}

accountRoutes.get('/', (c) => page(c));

accountRoutes.post('/profile', async (c) => {
  const form = await parseForm(c, ProfileForm);
  if (!form.ok) return page(c, { status: 422, values: form.values, errors: form.errors });
  await updateUserProfile(c.get('deps').sql, currentUser(c).id, form.data);
  rememberLocale(c, form.data.locale);
  setFlash(c, 'account.saved');
  return redirectAfterPost(c, '/account');
});

accountRoutes.post('/password', async (c) => {
  const form = await parseForm(c, ChangePasswordForm);
  if (!form.ok) return page(c, { status: 422, errors: form.errors });
  const user = currentUser(c);
  const weak = await checkPasswordStrength(form.data.new_password, [user.email, user.name]);
  if (weak) return page(c, { status: 422, errors: { new_password: weakPasswordMessage(c.get('t'), weak) } });
  const { sql, clock } = c.get('deps');
  try {
    await changePassword(sql, user.id, form.data.current_password, form.data.new_password, clock());
  } catch (err) {
    if (err instanceof Invalid)
      return page(c, { status: 422, errors: { current_password: c.get('t')('account.password.wrong') } });
    throw err;
  }
  const session = c.get('session');
  if (session) await deleteOtherSessions(sql, user.id, session.id);
  setFlash(c, 'account.password.changed');
  return redirectAfterPost(c, '/account');
});

accountRoutes.post('/sessions/revoke-all', async (c) => {
  const { lucia, sql, clock } = c.get('deps');
  const userId = currentUser(c).id;
  await lucia.invalidateUserSessions(userId);
  await revokeAllApiTokens(sql, userId, clock());
  c.header('Set-Cookie', lucia.createBlankSessionCookie().serialize(), { append: true });
  setFlash(c, 'account.sessions.logged_out_all');
  return redirectAfterPost(c, '/login');
});

accountRoutes.post('/sessions/:handle/revoke', async (c) => {
  const user = currentUser(c);
  const { sql, clock } = c.get('deps');
  const handle = c.req.param('handle');
  const target = (await listUserSessions(sql, user.id, clock())).find((s) => sessionHandle(s.id) === handle);
  if (!target || !(await deleteUserSession(sql, user.id, target.id))) throw new NotFound();
  setFlash(c, 'account.sessions.revoked');
  return redirectAfterPost(c, '/account');
});

accountRoutes.post('/tokens', async (c) => {
  const form = await parseForm(c, TokenForm);
  if (!form.ok) return page(c, { status: 422, errors: form.errors });
  const { token } = await createApiToken(c.get('deps').sql, currentUser(c).id, form.data.token_name);
  return page(c, { status: 201, newToken: token });
});

accountRoutes.post('/tokens/:id/revoke', async (c) => {
  const { sql, clock } = c.get('deps');
  await revokeApiToken(sql, currentUser(c).id, c.req.param('id'), clock());
  setFlash(c, 'account.tokens.revoked');
  return redirectAfterPost(c, '/account');
});

/** The right of access: everything Pasok holds about the caller, as a JSON download. */
accountRoutes.get('/data.json', async (c) => {
  const { sql, clock } = c.get('deps');
  const data = await exportPersonalData(sql, currentUser(c).id, clock());
  c.header('Content-Disposition', 'attachment; filename="pasok-data-saya.json"');
  return c.json(data);
});

/** The right to erasure: opens a request a facilitator or admin reviews. */
accountRoutes.post('/erasure', async (c) => {
  const form = await parseForm(c, ErasureRequestForm);
  if (!form.ok) return page(c, { status: 422, values: form.values, errors: form.errors });
  const { sql, clock } = c.get('deps');
  await requestErasure(sql, currentUser(c).id, form.data.reason, clock());
  setFlash(c, 'privacy.request.sent');
  return redirectAfterPost(c, '/account');
});
