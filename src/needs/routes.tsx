import { type Context, Hono } from 'hono';
import type { FormValues } from '../../views/needs/fields.js';
import { LiveErrors, NeedFormPage } from '../../views/needs/NeedFormPage.js';
import { NeedListPage } from '../../views/needs/NeedListPage.js';
import type { AppEnv } from '../context.js';
import { DomainError, Forbidden } from '../errors.js';
import { setFlash } from '../http/flash.js';
import { requireUser } from '../http/guards.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { fieldErrors, readBody } from '../http/validate.js';
import { isFacilitator } from '../suppliers/access.js';
import { todayIso } from '../suppliers/normalize.js';
import { requireBuyer, requireNeed } from './access.js';
import { needDetailRoutes } from './detail-routes.js';
import { formOptions, valuesOf } from './form.js';
import { needDeps, translate, viewerOf } from './http.js';
import { listNeedsOfOrgs, listOpenNeeds } from './repo.js';
import { rfqRoutes } from './rfq-routes.js';
import { NeedForm } from './schema.js';
import { checkNeed, createNeed, editNeed } from './service.js';

/** `/needs`: list, create and edit needs (with live validation); the rest is in detail-routes. */
export const needRoutes = new Hono<AppEnv>();
needRoutes.use('*', requireUser());

/** Reads the form with every value of repeated names (checkbox lists) and validates its shape. */
async function readForm(c: Context<AppEnv>) {
  const body = await readBody(c, { all: true });
  const values: FormValues = {};
  for (const [k, v] of Object.entries(body))
    if (typeof v === 'string' || Array.isArray(v)) values[k] = Array.isArray(v) ? v.map(String) : v;
  return { values, parsed: NeedForm.safeParse(values) };
}

async function formPage(
  c: Context<AppEnv>,
  needId: string | null,
  values: FormValues,
  errors: Record<string, string> = {},
  status = 200,
) {
  const t = c.get('t');
  const viewer = await viewerOf(c);
  const options = await formOptions(c.get('deps').sql, viewer, c.get('locale'));
  return render(c, <NeedFormPage t={t} needId={needId} {...options} values={values} errors={errors} />, {
    title: needId ? t('needs.edit_title') : t('needs.new_title'),
    status,
  });
}

needRoutes.get('/', async (c) => {
  const { sql, clock } = c.get('deps');
  const viewer = await viewerOf(c);
  const buyerIds = viewer.orgs.filter((o) => o.kind === 'buyer').map((o) => o.id);
  const [own, open] = await Promise.all([
    listNeedsOfOrgs(sql, buyerIds),
    isFacilitator(viewer.actor) ? listOpenNeeds(sql, { publicOnly: true, today: todayIso(clock()) }) : [],
  ]);
  const isSupplier = viewer.orgs.some((o) => o.kind === 'supplier');
  const page = { own, open, canCreate: buyerIds.length > 0, isSupplier };
  return render(c, <NeedListPage t={c.get('t')} locale={c.get('locale')} {...page} />, {
    title: c.get('t')('needs.list_title'),
  });
});

needRoutes.get('/new', async (c) => {
  if (!(await viewerOf(c)).orgs.some((o) => o.kind === 'buyer')) throw new Forbidden('v.needs.no_buyer_org');
  return formPage(c, null, { delivery: 'estate', visibility: 'public' });
});

/** Saves the form: 422 with the field errors (shape first, then taxonomy and rules) or 303. */
async function save(c: Context<AppEnv>, needId: string | null) {
  const { values, parsed } = await readForm(c);
  if (!parsed.success) return formPage(c, needId, values, fieldErrors(parsed.error, c.get('t')), 422);
  try {
    const viewer = await viewerOf(c);
    const id = needId ?? (await createNeed(needDeps(c), viewer, parsed.data));
    if (needId) await editNeed(needDeps(c), viewer, needId, parsed.data);
    setFlash(c, 'needs.saved');
    return redirectAfterPost(c, `/needs/${id}`);
  } catch (err) {
    if (err instanceof DomainError && err.fields)
      return formPage(c, needId, values, translate(c, err.fields), 422);
    throw err;
  }
}

needRoutes.post('/new', (c) => save(c, null));

/** Live validation (htmx): out-of-band error slots for the fields filled in so far and the one changed. */
needRoutes.post('/validate', async (c) => {
  const { values, parsed } = await readForm(c);
  const errors = parsed.success
    ? await checkNeed(c.get('deps').sql, parsed.data)
    : fieldErrors(parsed.error, c.get('t'));
  const changed = c.req.header('hx-trigger-name') ?? '';
  const shown = Object.fromEntries(
    Object.entries(errors).filter(([k]) => k === changed || [values[k]].flat().some((v) => v?.trim())),
  );
  return c.html(<LiveErrors errors={translate(c, shown)} />);
});

needRoutes.get('/:id/edit', async (c) => {
  const { need, access } = await requireNeed(c.get('deps').sql, c.req.param('id'), await viewerOf(c));
  requireBuyer(access);
  return formPage(c, need.id, valuesOf(need));
});

needRoutes.post('/:id/edit', async (c) => {
  const { need, access } = await requireNeed(c.get('deps').sql, c.req.param('id'), await viewerOf(c));
  requireBuyer(access);
  return save(c, need.id);
});

needRoutes.route('/', rfqRoutes);
needRoutes.route('/', needDetailRoutes);
