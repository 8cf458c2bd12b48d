import { createHash } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { EstateEditPage, EstateListPage } from '../../views/admin/EstatePages.js';
import { MailListPage } from '../../views/admin/MailPages.js';
import { TaxonomyPage, TermEditPage } from '../../views/admin/TaxonomyPages.js';
import { recordAudit } from '../audit/service.js';
import type { AppEnv } from '../context.js';
import { isPgError } from '../db/client.js';
import { NotFound } from '../errors.js';
import { setFlash } from '../http/flash.js';
import { currentActor, requireRole, requireUser } from '../http/guards.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { parseForm } from '../http/validate.js';
import { listMailFiles, readMailFile } from '../mail/mailer.js';
import { listRegencyOptions } from '../suppliers/regions.js';
import type { TermKind } from '../taxonomy/dictionary.js';
import { findTerm, listTerms, upsertTerm } from '../taxonomy/repo.js';
import * as repo from './repo.js';
import { EstateForm, TenantForm, TermForm, TermKindParam } from './schema.js';

/** Platform administration: the taxonomy (labels and synonyms search relies on) and industrial estates. */
export const adminRoutes = new Hono<AppEnv>();
adminRoutes.use('*', requireUser(), requireRole('admin'));

/**
 * URL-safe slug from a name in any script: "KIH Safe and Lock" → "kih-safe-and-lock",
 * "Kawasan Industri Ñusa" → "kawasan-industri-nusa". A name with no Latin letters left
 * ("工业园区") gets `estate-` and a short hash of the name, so the slug check constraint always holds.
 */
export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  return base || `estate-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}

function kindParam(c: Context<AppEnv>): TermKind {
  const parsed = TermKindParam.safeParse(c.req.param('kind'));
  if (!parsed.success) throw new NotFound();
  return parsed.data as TermKind;
}

adminRoutes.get('/mail', async (c) => {
  const { config, mailer } = c.get('deps');
  const files = await listMailFiles(config.dataDir);
  const t = c.get('t');
  return render(c, <MailListPage t={t} locale={c.get('locale')} files={files} target={mailer.target} />, {
    title: t('admin.mail'),
  });
});

/** One .eml as plain text (never rendered as HTML: it is untrusted content). */
adminRoutes.get('/mail/:name', async (c) => {
  const raw = await readMailFile(c.get('deps').config.dataDir, c.req.param('name'));
  if (raw === null) throw new NotFound();
  return c.body(raw, 200, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Security-Policy': "default-src 'none'; sandbox",
  });
});

adminRoutes.get('/taxonomy', (c) => c.redirect('/admin/taxonomy/process', 303));

adminRoutes.get('/taxonomy/:kind', async (c) => {
  const kind = kindParam(c);
  const q = (c.req.query('q') ?? '').trim().toLowerCase().slice(0, 100);
  const terms = (await listTerms(c.get('deps').sql)).filter(
    (t) =>
      t.kind === kind &&
      (!q ||
        [t.slug, t.labelId, t.labelEn, ...t.synonymsId, ...t.synonymsEn].some((s) =>
          s.toLowerCase().includes(q),
        )),
  );
  const t = c.get('t');
  return render(c, <TaxonomyPage t={t} kind={kind} terms={terms} q={q} />, { title: t('admin.taxonomy') });
});

async function termPage(
  c: Context<AppEnv>,
  kind: TermKind,
  slug: string | null,
  failed?: { values: Record<string, string>; errors: Record<string, string> },
) {
  const term = slug ? await findTerm(c.get('deps').sql, kind, slug) : null;
  if (slug && !term) throw new NotFound();
  const t = c.get('t');
  return render(
    c,
    <TermEditPage
      t={t}
      kind={kind}
      term={term}
      values={failed?.values ?? null}
      errors={failed?.errors ?? {}}
    />,
    {
      title: t('admin.taxonomy'),
      status: failed ? 422 : 200,
    },
  );
}

adminRoutes.get('/taxonomy/:kind/new', (c) => termPage(c, kindParam(c), null));
adminRoutes.get('/taxonomy/:kind/:slug', (c) => termPage(c, kindParam(c), c.req.param('slug')));

adminRoutes.post('/taxonomy/:kind', async (c) => {
  const kind = kindParam(c);
  const form = await parseForm(c, TermForm);
  const existing = c.req.query('slug') ?? null;
  if (!form.ok) return termPage(c, kind, existing, { values: form.values, errors: form.errors });
  const d = form.data;
  if (existing && existing !== d.slug) throw new NotFound();
  const { sql } = c.get('deps');
  const before = await findTerm(sql, kind, d.slug);
  if (!existing && before) {
    return termPage(c, kind, null, { values: form.values, errors: { slug: c.get('t')('v.slug_taken') } });
  }
  const term = {
    kind,
    slug: d.slug,
    labelId: d.label_id,
    labelEn: d.label_en,
    synonymsId: d.synonyms_id,
    synonymsEn: d.synonyms_en,
    parentSlug: d.parent_slug,
    active: existing ? d.active : true,
  };
  await sql.begin(async (tx) => {
    await upsertTerm(tx, term);
    await recordAudit(tx, {
      actorUserId: currentActor(c).userId,
      organizationId: null,
      entity: 'taxonomy_term',
      entityId: `${kind}:${d.slug}`,
      action: before ? 'update' : 'create',
      changes: { before: before ?? null, after: term },
    });
  });
  setFlash(c, 'admin.saved');
  return redirectAfterPost(c, `/admin/taxonomy/${kind}`);
});

adminRoutes.get('/estates', async (c) => {
  const estates = await repo.listEstates(c.get('deps').sql);
  const t = c.get('t');
  return render(c, <EstateListPage t={t} estates={estates} />, { title: t('admin.estates') });
});

async function estatePage(
  c: Context<AppEnv>,
  slug: string | null,
  failed?: { values: Record<string, string>; errors: Record<string, string> },
) {
  const { sql } = c.get('deps');
  const estate = slug ? await repo.findEstateBySlug(sql, slug) : null;
  if (slug && !estate) throw new NotFound();
  const [regencies, tenants, buyers] = await Promise.all([
    listRegencyOptions(sql),
    estate ? repo.listTenants(sql, estate.id) : Promise.resolve([]),
    repo.listBuyerOrgs(sql),
  ]);
  const t = c.get('t');
  return render(
    c,
    <EstateEditPage
      t={t}
      estate={estate}
      regencies={regencies}
      tenants={tenants}
      buyers={buyers}
      values={failed?.values ?? null}
      errors={failed?.errors ?? {}}
    />,
    { title: t('admin.estates'), status: failed ? 422 : 200 },
  );
}

adminRoutes.get('/estates/new', (c) => estatePage(c, null));
adminRoutes.get('/estates/:slug', (c) => estatePage(c, c.req.param('slug')));

adminRoutes.post('/estates', async (c) => {
  const slug = c.req.query('slug') ?? null;
  const form = await parseForm(c, EstateForm);
  if (!form.ok) return estatePage(c, slug, { values: form.values, errors: form.errors });
  const d = form.data;
  const e = {
    name: d.name,
    regencyCode: d.regency_code,
    lat: d.lat,
    lon: d.lon,
    descriptionId: d.description_id || null,
    descriptionEn: d.description_en || null,
  };
  const { sql } = c.get('deps');
  const target = slug ?? slugify(d.name);
  try {
    await sql.begin(async (tx) => {
      if (slug) {
        if (!(await repo.findEstateBySlug(tx, slug))) throw new NotFound();
        await repo.updateEstate(tx, slug, e);
      } else {
        await repo.insertEstate(tx, { slug: target, ...e });
      }
      await recordAudit(tx, {
        actorUserId: currentActor(c).userId,
        organizationId: null,
        entity: 'estate',
        entityId: target,
        action: slug ? 'update' : 'create',
        changes: e,
      });
    });
  } catch (err) {
    if (isPgError(err, '23503'))
      return estatePage(c, slug, { values: form.values, errors: { regency_code: c.get('t')('v.regency') } });
    if (isPgError(err, '23505'))
      return estatePage(c, slug, { values: form.values, errors: { name: c.get('t')('v.slug_taken') } });
    throw err;
  }
  setFlash(c, 'admin.saved');
  return redirectAfterPost(c, `/admin/estates/${target}`);
});

adminRoutes.post('/estates/:slug/tenants', async (c) => {
  const { sql } = c.get('deps');
  const estate = await repo.findEstateBySlug(sql, c.req.param('slug'));
  if (!estate) throw new NotFound();
  const form = await parseForm(c, TenantForm);
  if (!form.ok) return estatePage(c, estate.slug, { values: {}, errors: form.errors });
  const remove = c.req.query('remove') === '1';
  try {
    if (remove) await repo.removeTenant(sql, estate.id, form.data.organization_id);
    else await repo.addTenant(sql, estate.id, form.data.organization_id);
  } catch (err) {
    if (isPgError(err, '23503')) throw new NotFound();
    throw err;
  }
  setFlash(c, 'admin.saved');
  return redirectAfterPost(c, `/admin/estates/${estate.slug}`);
});
