import { type Context, Hono } from 'hono';
import { LoginPage } from '../../views/auth/LoginPage.js';
import { RegisterPage } from '../../views/auth/RegisterPage.js';
import type { AppEnv } from '../context.js';
import { clientIp } from '../http/client-ip.js';
import { setFlash } from '../http/flash.js';
import { redirectAfterPost } from '../http/htmx.js';
import { rememberLocale } from '../http/i18n.js';
import { render } from '../http/render.js';
import { parseForm } from '../http/validate.js';
import { requestAccount } from './registration.js';
import { updateUserLocale } from './repo.js';
import { LangForm, LoginForm, RegisterForm, safeNext } from './schema.js';
import { authenticate } from './service.js';
import { loginDevice, rememberDevice, startSession } from './session.js';
import { checkPasswordStrength, weakPasswordMessage } from './strength.js';

/** Login, registration, logout and the language switch. */
export const authRoutes = new Hono<AppEnv>();

authRoutes.get('/login', (c) => {
  if (c.get('user')) return c.redirect('/', 303);
  return render(c, <LoginPage t={c.get('t')} values={{ next: c.req.query('next') ?? '' }} />, {
    title: c.get('t')('auth.login.title'),
  });
});

/** The login form again, with what was typed and why it failed (422). */
function loginFailed(
  c: Context<AppEnv>,
  values: Record<string, string>,
  failure: { errors?: Record<string, string>; formError?: string },
) {
  const t = c.get('t');
  return render(c, <LoginPage t={t} values={values} {...failure} />, {
    title: t('auth.login.title'),
    status: 422,
  });
}

authRoutes.post('/login', async (c) => {
  const form = await parseForm(c, LoginForm);
  if (!form.ok) return loginFailed(c, form.values, { errors: form.errors });
  const { sql, clock } = c.get('deps');
  const device = loginDevice(c);
  const user = await authenticate(sql, { ...form.data, ip: clientIp(c), now: clock(), device });
  if (!user) return loginFailed(c, form.values, { formError: c.get('t')('auth.login.failed') });
  if (user.deactivatedAt)
    return loginFailed(c, form.values, { formError: c.get('t')('auth.login.deactivated') });
  await startSession(c, user.id);
  rememberDevice(c, device);
  rememberLocale(c, user.locale);
  return redirectAfterPost(c, safeNext(form.data.next));
});

authRoutes.get('/register', (c) => {
  if (c.get('user')) return c.redirect('/', 303);
  return render(c, <RegisterPage t={c.get('t')} values={{ next: c.req.query('next') ?? '' }} />, {
    title: c.get('t')('auth.register.title'),
  });
});

/**
 * Known and unknown e-mails get the same 303 to the login page and the same flash; the
 * account (or, for a known address, a notice to its owner) arrives by e-mail.
 */
authRoutes.post('/register', async (c) => {
  const t = c.get('t');
  const form = await parseForm(c, RegisterForm);
  const fail = (errors: Record<string, string>) =>
    render(c, <RegisterPage t={t} values={form.values} errors={errors} />, {
      title: t('auth.register.title'),
      status: 422,
    });
  if (!form.ok) return fail(form.errors);
  const d = form.data;
  const weak = await checkPasswordStrength(d.password, [d.email, d.name, d.org_name]);
  if (weak) return fail({ password: weakPasswordMessage(t, weak) });
  const { sql, jobs, config } = c.get('deps');
  const org = d.org_kind ? { name: d.org_name, kind: d.org_kind } : null;
  await requestAccount(sql, jobs, { ...d, locale: c.get('locale'), org }, config.appOrigin);
  setFlash(c, 'auth.register.check_mail');
  const next = safeNext(d.next, '');
  return redirectAfterPost(c, next ? `/login?next=${encodeURIComponent(next)}` : '/login');
});

authRoutes.post('/logout', async (c) => {
  const { lucia } = c.get('deps');
  const session = c.get('session');
  if (session) await lucia.invalidateSession(session.id);
  c.header('Set-Cookie', lucia.createBlankSessionCookie().serialize(), { append: true });
  setFlash(c, 'auth.logged_out');
  return redirectAfterPost(c, '/login');
});

authRoutes.post('/lang', async (c) => {
  const form = await parseForm(c, LangForm);
  const lang = form.ok ? form.data.lang : 'id';
  rememberLocale(c, lang);
  const user = c.get('user');
  if (user) await updateUserLocale(c.get('deps').sql, user.id, lang);
  return c.redirect(safeNext(form.ok ? form.data.next : undefined), 303);
});
