import { type Context, Hono } from 'hono';
import { WhyNotPage } from '../../views/matching/WhyNotPage.js';
import { ComparePage } from '../../views/needs/ComparePage.js';
import type { FormValues } from '../../views/needs/fields.js';
import { InboxPage } from '../../views/needs/InboxPage.js';
import { NeedPage } from '../../views/needs/NeedPage.js';
import type { AppEnv } from '../context.js';
import { DomainError, NotFound } from '../errors.js';
import { setFlash } from '../http/flash.js';
import { currentActor } from '../http/guards.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { fieldErrors, parseForm, readBody } from '../http/validate.js';
import { isFacilitator } from '../suppliers/access.js';
import { requireNeed } from './access.js';
import { loadComparePage, loadInbox, loadWhyNotPage } from './detail-pages.js';
import { needDeps, translate, viewerOf } from './http.js';
import { needPageData, type PageCtx } from './pages.js';
import { findSupplierRef } from './repo.js';
import { inviteSupplier, needTitle, respondToNeed, setShortlisted } from './responses.js';
import { CloseForm, MatchesQuery, ResponseForm } from './schema.js';
import { closeNeed, openNeed } from './service.js';

/** `/needs/inbox` and `/needs/:id/...`: the need page, its status actions, answers, shortlist, compare, why-not. */
export const needDetailRoutes = new Hono<AppEnv>();

/** Matches shown on the need page at first; `?matches=N` shows more. */
const PAGE_MATCHES = 20;

const pageCtx = (c: Context<AppEnv>): PageCtx => ({
  deps: c.get('deps'),
  t: c.get('t'),
  locale: c.get('locale'),
});

needDetailRoutes.get('/inbox', async (c) => {
  const ctx = pageCtx(c);
  const page = await loadInbox(ctx, await viewerOf(c));
  return render(c, <InboxPage t={ctx.t} locale={ctx.locale} {...page} />, {
    title: ctx.t('needs.inbox_title'),
  });
});

async function needPage(
  c: Context<AppEnv>,
  values: FormValues = {},
  errors: Record<string, string> = {},
  status = 200,
) {
  const viewer = await viewerOf(c);
  const { need, access } = await requireNeed(c.get('deps').sql, c.req.param('id') ?? '', viewer);
  const limit =
    MatchesQuery.safeParse({ limit: c.req.query('matches') ?? PAGE_MATCHES }).data?.limit ?? PAGE_MATCHES;
  const data = await needPageData(pageCtx(c), need, access, viewer, limit);
  const t = c.get('t');
  return render(c, <NeedPage t={t} locale={c.get('locale')} {...data} values={values} errors={errors} />, {
    title: needTitle(need, c.get('locale')),
    status,
  });
}

needDetailRoutes.get('/:id', (c) => needPage(c));

needDetailRoutes.post('/:id/open', async (c) => {
  try {
    await openNeed(needDeps(c), await viewerOf(c), c.req.param('id'));
  } catch (err) {
    if (!(err instanceof DomainError && err.fields)) throw err;
    setFlash(c, 'needs.open_failed');
    return redirectAfterPost(c, `/needs/${c.req.param('id')}/edit`);
  }
  setFlash(c, 'needs.opened');
  return redirectAfterPost(c, `/needs/${c.req.param('id')}`);
});

needDetailRoutes.post('/:id/close', async (c) => {
  const form = await parseForm(c, CloseForm);
  if (!form.ok) throw new NotFound();
  await closeNeed(needDeps(c), await viewerOf(c), c.req.param('id'), form.data.reason);
  setFlash(c, 'needs.closed');
  return redirectAfterPost(c, `/needs/${c.req.param('id')}`);
});

needDetailRoutes.post('/:id/respond', async (c) => {
  const body = (await readBody(c)) as Record<string, string>;
  const parsed = ResponseForm.safeParse(body);
  if (!parsed.success) return needPage(c, body, fieldErrors(parsed.error, c.get('t')), 422);
  try {
    await respondToNeed(needDeps(c), await viewerOf(c), c.req.param('id'), parsed.data);
  } catch (err) {
    if (err instanceof DomainError && err.fields) return needPage(c, body, translate(c, err.fields), 422);
    throw err;
  }
  setFlash(c, parsed.data.interested ? 'needs.interest_sent' : 'needs.decline_sent');
  return redirectAfterPost(c, `/needs/${c.req.param('id')}#respond`);
});

needDetailRoutes.post('/:id/invite', async (c) => {
  const body = (await readBody(c)) as Record<string, string>;
  await inviteSupplier(needDeps(c), await viewerOf(c), c.req.param('id'), String(body.supplier_id ?? ''));
  setFlash(c, 'needs.invite_sent');
  return redirectAfterPost(c, `/needs/${c.req.param('id')}#matches`);
});

for (const [path, on] of [
  ['/:id/shortlist/:supplierId', true],
  ['/:id/shortlist/:supplierId/remove', false],
] as const)
  needDetailRoutes.post(path, async (c) => {
    const { id, supplierId } = c.req.param() as { id: string; supplierId: string };
    await setShortlisted(needDeps(c), await viewerOf(c), id, supplierId, on);
    setFlash(c, on ? 'needs.shortlist_added' : 'needs.shortlist_removed');
    return redirectAfterPost(c, `/needs/${id}#response-${supplierId}`);
  });

needDetailRoutes.get('/:id/compare', async (c) => {
  const ctx = pageCtx(c);
  const page = await loadComparePage(ctx, await viewerOf(c), c.req.param('id'));
  return render(c, <ComparePage t={ctx.t} {...page} />, { title: ctx.t('needs.compare_title') });
});

/** `?supplier=` takes an id or (part of) a name, so a facilitator can ask about any IKM. */
needDetailRoutes.get('/:id/why-not', async (c) => {
  const q = (c.req.query('supplier') ?? '').trim();
  const ref = q ? await findSupplierRef(c.get('deps').sql, q, !isFacilitator(currentActor(c))) : null;
  if (!ref) throw new NotFound();
  return c.redirect(`/needs/${c.req.param('id')}/why-not/${ref.id}`, 303);
});

needDetailRoutes.get('/:id/why-not/:supplierId', async (c) => {
  const ctx = pageCtx(c);
  const { id, supplierId } = c.req.param();
  const page = await loadWhyNotPage(ctx, await viewerOf(c), id, supplierId);
  return render(c, <WhyNotPage t={ctx.t} locale={ctx.locale} {...page} />, {
    title: ctx.t('match.why_title', { supplier: page.supplierName }),
  });
});
