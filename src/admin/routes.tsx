import { type Context, Hono } from 'hono';
import { EstateEditPage, EstateListPage } from '../../views/admin/EstatePages.js';
import { MailListPage } from '../../views/admin/MailPages.js';
import { TaxonomyPage, TermEditPage } from '../../views/admin/TaxonomyPages.js';
import type { AppEnv } from '../context.js';
import { NotFound } from '../errors.js';
import { setFlash } from '../http/flash.js';
import { currentActor, requireRole, requireUser } from '../http/guards.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { parseForm } from '../http/validate.js';
import { listMailFiles } from '../mail/mailer.js';
import type { TermKind } from '../taxonomy/dictionary.js';
import { mailViewerRoutes } from './mail-routes.js';
import { EstateForm, TenantForm, TermForm, TermKindParam } from './schema.js';
import * as admin from './service.js';

/** Platform administration: the taxonomy (labels and synonyms search relies on) and industrial estates. */
export const adminRoutes = new Hono<AppEnv>();
adminRoutes.use('*', requireUser(), requireRole('admin'));

type Failed = { values: Record<string, string>; errors: Record<string, string> };

function kindParam(c: Context<AppEnv>): TermKind {
  const parsed = TermKindParam.safeParse(c.req.param('kind'));
  if (!parsed.success) throw new NotFound();
  return parsed.data as TermKind;
}

/** Field → i18n key from the service, in the reader's language. */
const translated = (c: Context<AppEnv>, errors: Record<string, string>) =>
  Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, c.get('t')(v)]));

adminRoutes.get('/mail', async (c) => {
  const { sql, mailer } = c.get('deps');
  const files = await listMailFiles(sql);
  const t = c.get('t');
  return render(c, <MailListPage t={t} locale={c.get('locale')} files={files} target={mailer.target} />, {
    title: t('admin.mail'),
  });
});

adminRoutes.route('/mail', mailViewerRoutes);

adminRoutes.get('/taxonomy', (c) => c.redirect('/admin/taxonomy/process', 303));

adminRoutes.get('/taxonomy/:kind', async (c) => {
  const kind = kindParam(c);
  const q = (c.req.query('q') ?? '').trim().toLowerCase().slice(0, 100);
  const terms = await admin.listTermsOfKind(c.get('deps').sql, kind, q);
  const t = c.get('t');
  return render(c, <TaxonomyPage t={t} kind={kind} terms={terms} q={q} />, { title: t('admin.taxonomy') });
});

async function termPage(c: Context<AppEnv>, kind: TermKind, slug: string | null, failed?: Failed) {
  const term = await admin.termToEdit(c.get('deps').sql, kind, slug);
  const t = c.get('t');
  const page = (
    <TermEditPage
      t={t}
      kind={kind}
      term={term}
      values={failed?.values ?? null}
      errors={failed?.errors ?? {}}
    />
  );
  return render(c, page, { title: t('admin.taxonomy'), status: failed ? 422 : 200 });
}

adminRoutes.get('/taxonomy/:kind/new', (c) => termPage(c, kindParam(c), null));
adminRoutes.get('/taxonomy/:kind/:slug', (c) => termPage(c, kindParam(c), c.req.param('slug')));

adminRoutes.post('/taxonomy/:kind', async (c) => {
  const kind = kindParam(c);
  const form = await parseForm(c, TermForm);
  const existing = c.req.query('slug') ?? null;
  if (!form.ok) return termPage(c, kind, existing, form);
  const saved = await admin.saveTerm(c.get('deps').sql, currentActor(c), kind, existing, form.data);
  if (!saved.ok) return termPage(c, kind, null, { values: form.values, errors: translated(c, saved.errors) });
  setFlash(c, 'admin.saved');
  return redirectAfterPost(c, `/admin/taxonomy/${kind}`);
});

adminRoutes.get('/estates', async (c) => {
  const estates = await admin.listEstates(c.get('deps').sql);
  const t = c.get('t');
  return render(c, <EstateListPage t={t} estates={estates} />, { title: t('admin.estates') });
});

async function estatePage(c: Context<AppEnv>, slug: string | null, failed?: Failed) {
  const data = await admin.estateToEdit(c.get('deps').sql, slug);
  const t = c.get('t');
  const page = (
    <EstateEditPage t={t} {...data} values={failed?.values ?? null} errors={failed?.errors ?? {}} />
  );
  return render(c, page, { title: t('admin.estates'), status: failed ? 422 : 200 });
}

adminRoutes.get('/estates/new', (c) => estatePage(c, null));
adminRoutes.get('/estates/:slug', (c) => estatePage(c, c.req.param('slug')));

adminRoutes.post('/estates', async (c) => {
  const slug = c.req.query('slug') ?? null;
  const form = await parseForm(c, EstateForm);
  if (!form.ok) return estatePage(c, slug, form);
  const saved = await admin.saveEstate(c.get('deps').sql, currentActor(c), slug, form.data);
  if (!saved.ok) return estatePage(c, slug, { values: form.values, errors: translated(c, saved.errors) });
  setFlash(c, 'admin.saved');
  return redirectAfterPost(c, `/admin/estates/${saved.slug}`);
});

adminRoutes.post('/estates/:slug/tenants', async (c) => {
  const { sql } = c.get('deps');
  const estate = await admin.estateBySlug(sql, c.req.param('slug'));
  const form = await parseForm(c, TenantForm);
  if (!form.ok) return estatePage(c, estate.slug, { values: {}, errors: form.errors });
  await admin.changeTenant(sql, estate.id, form.data.organization_id, c.req.query('remove') === '1');
  setFlash(c, 'admin.saved');
  return redirectAfterPost(c, `/admin/estates/${estate.slug}`);
});
