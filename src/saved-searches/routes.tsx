import { type Context, Hono } from 'hono';
import { SavedSearchesPage } from '../../views/needs/SavedSearchesPage.js';
import type { AppEnv } from '../context.js';
import { DomainError } from '../errors.js';
import { setFlash } from '../http/flash.js';
import { currentUser, requireUser } from '../http/guards.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { parseForm } from '../http/validate.js';
import { translate } from '../needs/http.js';
import { listSavedSearches } from './repo.js';
import { SavedSearchForm } from './schema.js';
import { ensureDigestScheduled, removeSearch, saveSearch } from './service.js';

/** `/saved-searches`: saved supplier searches and their daily digest of newly verified suppliers. */
export const savedSearchRoutes = new Hono<AppEnv>();
savedSearchRoutes.use('*', requireUser());

async function page(
  c: Context<AppEnv>,
  form: { query: string; name: string; errors: Record<string, string> },
  status = 200,
) {
  const { sql } = c.get('deps');
  const rows = await listSavedSearches(sql, currentUser(c).id);
  const t = c.get('t');
  return render(c, <SavedSearchesPage t={t} locale={c.get('locale')} rows={rows} {...form} />, {
    title: t('saved.title'),
    status,
  });
}

savedSearchRoutes.get('/', async (c) => {
  const { sql, jobs, clock, config } = c.get('deps');
  await ensureDigestScheduled(sql, jobs, clock(), config.appOrigin);
  return page(c, { query: (c.req.query('query') ?? '').slice(0, 2000), name: '', errors: {} });
});

savedSearchRoutes.post('/', async (c) => {
  const form = await parseForm(c, SavedSearchForm);
  const values = { query: form.values.query ?? '', name: form.values.name ?? '' };
  if (!form.ok) return page(c, { ...values, errors: form.errors }, 422);
  const { sql, jobs, clock, config } = c.get('deps');
  try {
    await saveSearch({ sql, jobs, clock, origin: config.appOrigin }, currentUser(c).id, form.data);
  } catch (err) {
    if (err instanceof DomainError && err.fields)
      return page(c, { ...values, errors: translate(c, err.fields) }, 422);
    throw err;
  }
  setFlash(c, 'saved.saved');
  return redirectAfterPost(c, '/saved-searches');
});

savedSearchRoutes.post('/:id/delete', async (c) => {
  await removeSearch(c.get('deps').sql, currentUser(c).id, c.req.param('id'));
  setFlash(c, 'saved.deleted');
  return redirectAfterPost(c, '/saved-searches');
});
