import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { AuditPage } from '../../views/suppliers/AuditPage.js';
import { EditPage } from '../../views/suppliers/EditPage.js';
import { NewSupplierPage } from '../../views/suppliers/NewSupplierPage.js';
import { ProfilePage } from '../../views/suppliers/ProfilePage.js';
import { ReviewQueuePage } from '../../views/suppliers/ReviewQueuePage.js';
import { listAudit } from '../audit/service.js';
import type { AppEnv } from '../context.js';
import { NotFound } from '../errors.js';
import { setFlash } from '../http/flash.js';
import { fieldRefusal } from '../http/form-refusal.js';
import { currentActor, requireRole, requireUser } from '../http/guards.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { fieldErrors, parseQuery, readBody } from '../http/validate.js';
import { zoneOfProvince } from '../i18n/time-zones.js';
import { listMembershipsForUser } from '../orgs/repo.js';
import { cachedTaxonomy } from '../taxonomy/cache.js';
import type { TermKind } from '../taxonomy/dictionary.js';
import { type Actor, isFacilitator, requireEdit, requireView } from './access.js';
import { SECTIONS, type Section, sectionToBody } from './form.js';
import { loadEditPage, loadProfilePage, loadReviewQueue } from './pages.js';
import { loadProfile } from './profile.js';
import { listProvinceOptions, listRegencyOptions } from './regions.js';
import { findSupplierByNib } from './repo.js';
import { Nib, STATUSES, SupplierCreateBody, SupplierPatchBody } from './schema.js';
import { createSupplierProfile, profilelessSupplierOrgs, updateSupplierProfile } from './service.js';
import { decide, submitForReview } from './verification.js';

/** Supplier profile pages: view, create, edit by section, submit, facilitator decisions, audit, review queue. */
export const supplierRoutes = new Hono<AppEnv>();

const actorOrNull = (c: Context<AppEnv>): Actor | null => (c.get('user') ? currentActor(c) : null);

async function formBody(c: Context<AppEnv>) {
  return (await readBody(c, { all: true, dot: false })) as Record<string, unknown>;
}

supplierRoutes.get('/my/profile', requireUser(), async (c) => {
  const { sql } = c.get('deps');
  const orgs = (await listMembershipsForUser(sql, currentActor(c).userId)).filter(
    (m) => m.kind === 'supplier',
  );
  for (const o of orgs) if (await loadProfile(sql, o.id)) return c.redirect(`/suppliers/${o.id}`, 303);
  return c.redirect('/suppliers/new', 303);
});

async function newPage(
  c: Context<AppEnv>,
  extra: { status?: number; values?: Record<string, unknown>; errors?: Record<string, string> } = {},
) {
  const { sql } = c.get('deps');
  const actor = currentActor(c);
  const [orgs, regencies, provinces] = await Promise.all([
    profilelessSupplierOrgs(sql, actor.userId),
    listRegencyOptions(sql),
    listProvinceOptions(sql),
  ]);
  const t = c.get('t');
  return render(
    c,
    <NewSupplierPage
      t={t}
      orgs={orgs}
      facilitator={isFacilitator(actor)}
      regencies={regencies}
      provinces={provinces}
      values={extra.values ?? c.req.query()}
      errors={extra.errors ?? {}}
    />,
    { title: t('suppliers.new_title'), status: extra.status ?? 200 },
  );
}

supplierRoutes.get('/suppliers/new', requireUser(), (c) => newPage(c));

/** A new profile's form: the identity and location sections, and the organisation it is for. */
const createBody = (raw: Record<string, unknown>) => ({
  ...sectionToBody('identity', raw),
  ...sectionToBody('location', raw),
  ...(raw.organization_id ? { organization_id: String(raw.organization_id) } : {}),
});

supplierRoutes.post('/suppliers/new', requireUser(), async (c) => {
  const raw = await formBody(c);
  const parsed = SupplierCreateBody.safeParse(createBody(raw));
  if (!parsed.success)
    return newPage(c, { status: 422, values: raw, errors: fieldErrors(parsed.error, c.get('t')) });
  try {
    const s = await createSupplierProfile(c.get('deps').sql, currentActor(c), parsed.data);
    return redirectAfterPost(c, `/suppliers/${s.organizationId}/edit`);
  } catch (err) {
    return newPage(c, { status: 422, values: raw, errors: fieldRefusal(c, err) });
  }
});

supplierRoutes.get('/suppliers/:id', async (c) => {
  const { sql, clock } = c.get('deps');
  const page = await loadProfilePage(sql, actorOrNull(c), c.req.param('id'), clock(), c.get('locale'));
  return render(c, <ProfilePage t={c.get('t')} locale={c.get('locale')} {...page} />, {
    title: page.profile.supplier.legalName,
  });
});

async function editPage(
  c: Context<AppEnv>,
  failed: { section: Section; raw: Record<string, unknown>; errors: Record<string, string> } | null = null,
) {
  const page = await loadEditPage(c.get('deps').sql, currentActor(c), c.req.param('id') ?? '');
  const t = c.get('t');
  const province = c.req.query('province') ?? '';
  return render(
    c,
    <EditPage t={t} locale={c.get('locale')} {...page} province={province} failed={failed} />,
    {
      title: t('suppliers.edit_title'),
      status: failed ? 422 : 200,
    },
  );
}

supplierRoutes.get('/suppliers/:id/edit', requireUser(), (c) => editPage(c));

supplierRoutes.post('/suppliers/:id/edit/:section', requireUser(), async (c) => {
  const section = c.req.param('section') as Section;
  if (!SECTIONS.includes(section)) throw new NotFound();
  const raw = await formBody(c);
  const parsed = SupplierPatchBody.safeParse(sectionToBody(section, raw));
  if (!parsed.success) return editPage(c, { section, raw, errors: fieldErrors(parsed.error, c.get('t')) });
  try {
    await updateSupplierProfile(c.get('deps').sql, currentActor(c), c.req.param('id'), parsed.data);
  } catch (err) {
    return editPage(c, { section, raw, errors: fieldRefusal(c, err) });
  }
  setFlash(c, 'suppliers.saved');
  return redirectAfterPost(c, `/suppliers/${c.req.param('id')}/edit#${section}`);
});

/** Live NIB check while typing (htmx): format, then whether another supplier already uses it. */
supplierRoutes.post('/suppliers/:id/validate/nib', requireUser(), async (c) => {
  const t = c.get('t');
  const raw = await formBody(c);
  const parsed = Nib.safeParse(String(raw.nib ?? ''));
  if (!parsed.success) return c.html(<small class="field-error">{t('v.nib')}</small>);
  const id = c.req.param('id');
  const { sql } = c.get('deps');
  // Only editors of this profile may probe NIBs: the answer reveals whether some supplier uses one.
  const profile = await loadProfile(sql, id);
  await requireEdit(sql, currentActor(c), profile?.supplier ?? null);
  const other = await findSupplierByNib(sql, parsed.data);
  if (other && other.organizationId !== id)
    return c.html(<small class="field-error">{t('v.nib_taken')}</small>);
  return c.html(<small class="ok">✓ {t('suppliers.nib_ok')}</small>);
});

supplierRoutes.post('/suppliers/:id/submit', requireUser(), async (c) => {
  await submitForReview(c.get('deps').sql, currentActor(c), c.req.param('id'));
  setFlash(c, 'suppliers.submitted');
  return redirectAfterPost(c, `/suppliers/${c.req.param('id')}`);
});

const DecisionForm = z.object({
  decision: z.enum(['verify', 'reject', 'suspend', 'reinstate']),
  reason: z.string().trim().max(500).optional(),
});

supplierRoutes.post('/suppliers/:id/decision', requireUser(), requireRole('facilitator'), async (c) => {
  const parsed = DecisionForm.safeParse(await formBody(c));
  if (!parsed.success) throw new NotFound();
  const { sql, clock } = c.get('deps');
  await decide(
    sql,
    currentActor(c),
    c.req.param('id'),
    parsed.data.decision,
    parsed.data.reason || null,
    clock(),
  );
  setFlash(c, 'suppliers.decision.saved');
  return redirectAfterPost(c, `/suppliers/${c.req.param('id')}`);
});

supplierRoutes.get('/suppliers/:id/audit', requireUser(), async (c) => {
  const { sql } = c.get('deps');
  const profile = await loadProfile(sql, c.req.param('id'));
  const access = await requireView(sql, currentActor(c), profile?.supplier ?? null);
  if (!access.private) throw new NotFound();
  const entries = await listAudit(sql, { organizationId: profile!.supplier.organizationId, limit: 200 });
  const [t, locale, taxonomy] = [c.get('t'), c.get('locale'), await cachedTaxonomy(sql)];
  const tz = zoneOfProvince(profile!.supplier.provinceCode);
  const term = (kind: TermKind, slug: string) => taxonomy.label(kind, slug, locale);
  const page = <AuditPage t={t} locale={locale} profile={profile!} entries={entries} tz={tz} term={term} />;
  return render(c, page, { title: t('suppliers.audit') });
});

const QueueQuery = z.object({
  status: z.enum([...STATUSES, 'review']).optional(),
  province: z
    .string()
    .regex(/^[0-9]{2}$/)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  q: z.string().trim().max(100).optional(),
});

supplierRoutes.get('/review', requireUser(), requireRole('facilitator'), async (c) => {
  const f = parseQuery(c, QueueQuery);
  const { rows, provinces } = await loadReviewQueue(c.get('deps').sql, f);
  const t = c.get('t');
  return render(
    c,
    <ReviewQueuePage t={t} locale={c.get('locale')} rows={rows} filters={f} provinces={provinces} />,
    {
      title: t('suppliers.review_title'),
    },
  );
});
