import { type Context, Hono } from 'hono';
import { TargetsPage } from '../../views/reports/TargetsPage.js';
import type { AppEnv } from '../context.js';
import { csvOptionsFor, toCsv } from '../exports/csv.js';
import { setFlash } from '../http/flash.js';
import { fieldRefusal } from '../http/form-refusal.js';
import { currentActor, requireRole, requireUser } from '../http/guards.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { parseForm } from '../http/validate.js';
import { loadTargetsPage, setTarget, targetsTable } from './targets.js';
import { TargetForm } from './targets-schema.js';

/** `/reports/targets`: an office's targets per event and per year, with realisation against them. */
export const targetRoutes = new Hono<AppEnv>();
targetRoutes.use('*', requireUser(), requireRole('facilitator'));

async function targetsPage(
  c: Context<AppEnv>,
  state: { values?: Record<string, string>; errors?: Record<string, string> } = {},
) {
  const page = await loadTargetsPage(c.get('deps').sql, currentActor(c));
  const t = c.get('t');
  const values = state.values ?? {
    year: String(c.get('deps').clock().getUTCFullYear()),
    office_id: page.offices[0]?.id ?? '',
  };
  return render(
    c,
    <TargetsPage t={t} locale={c.get('locale')} {...page} values={values} errors={state.errors ?? {}} />,
    {
      title: t('impact.targets.title'),
      status: state.errors ? 422 : 200,
    },
  );
}

targetRoutes.get('/', (c) => targetsPage(c));

targetRoutes.post('/', async (c) => {
  const form = await parseForm(c, TargetForm);
  if (!form.ok) return targetsPage(c, { values: form.values, errors: form.errors });
  try {
    await setTarget(c.get('deps').sql, currentActor(c), form.data, c.get('deps').clock());
  } catch (err) {
    return targetsPage(c, { values: form.values, errors: fieldRefusal(c, err) });
  }
  setFlash(c, 'impact.targets.saved');
  return redirectAfterPost(c, '/reports/targets');
});

targetRoutes.get('/export.csv', async (c) => {
  const page = await loadTargetsPage(c.get('deps').sql, currentActor(c));
  const opts = csvOptionsFor(c.req.query('sep'), c.get('locale'));
  return c.body(toCsv(targetsTable(page.targets, c.get('t')), opts), 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': 'attachment; filename="target-realisasi.csv"',
  });
});
