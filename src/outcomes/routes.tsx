import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { OutcomeListPage } from '../../views/outcomes/OutcomeListPage.js';
import { OutcomePage } from '../../views/outcomes/OutcomePage.js';
import type { AppEnv } from '../context.js';
import { isUuid } from '../db/ids.js';
import { NotFound } from '../errors.js';
import { extensionFor, isInlineType } from '../files/content-type.js';
import { contentDisposition, downloadFilename } from '../files/filename.js';
import { MAX_UPLOAD_BYTES } from '../files/limits.js';
import { setFlash } from '../http/flash.js';
import { fieldRefusal } from '../http/form-refusal.js';
import { currentActor, requireUser } from '../http/guards.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { parseForm, parseQuery, readBody } from '../http/validate.js';
import { requireMeetingAccess } from './access.js';
import { valuesFromVersion } from './form-values.js';
import { openMouFile } from './mou.js';
import { loadOutcomeList, loadOutcomePage } from './pages.js';
import { HistoryPageQuery, OutcomeForm, OutcomeListQuery, ReconcileForm, SURVEYS } from './schema.js';
import { type OutcomeCtx, reconcileOutcome, recordOutcome } from './service.js';

/** `/outcomes`: reporting what came of meetings, reconciling reports, and the private MoU files. */
export const outcomeRoutes = new Hono<AppEnv>();
outcomeRoutes.use('*', requireUser());

/** The form's multipart overhead on top of the largest allowed MoU document. */
const FORM_LIMIT = MAX_UPLOAD_BYTES + 64 * 1024;

/** The service context from the request's deps; the API uses it too, so both share one clock. */
export const outcomeCtx = (c: Context<AppEnv>): OutcomeCtx => {
  const { sql, jobs, clock, config } = c.get('deps');
  return { sql, jobs, now: clock(), origin: config.appOrigin, dataDir: config.dataDir };
};

const surveyOf = (v: string | undefined) => ((SURVEYS as readonly string[]).includes(v ?? '') ? v! : null);

outcomeRoutes.get('/', async (c) => {
  const filter = parseQuery(c, OutcomeListQuery);
  const page = await loadOutcomeList(c.get('deps').sql, currentActor(c), filter, c.get('deps').clock());
  const t = c.get('t');
  return render(c, <OutcomeListPage t={t} locale={c.get('locale')} {...page} />, {
    title: t('outcomes.title'),
  });
});

async function outcomePage(
  c: Context<AppEnv>,
  state: { values?: Record<string, string>; errors?: Record<string, string>; status?: number } = {},
) {
  const { sql, clock } = c.get('deps');
  const { page } = HistoryPageQuery.parse(c.req.query());
  const { view, reportable, pipeline } = await loadOutcomePage(
    sql,
    currentActor(c),
    c.req.param('id'),
    page,
    clock(),
  );
  const t = c.get('t');
  return render(
    c,
    <OutcomePage
      t={t}
      locale={c.get('locale')}
      view={view}
      reportable={reportable}
      pipeline={pipeline}
      values={state.values ?? valuesFromVersion(view.heads[view.role], c.get('locale'))}
      errors={state.errors ?? {}}
      survey={surveyOf(state.values?.survey ?? c.req.query('survey'))}
    />,
    { title: t('outcomes.page_title'), status: state.status ?? 200 },
  );
}

/** The MoU document attached to the form, if one was chosen. */
async function attachedMou(c: Context<AppEnv>) {
  const part = (await readBody(c, { all: true })).mou_file;
  const file = part instanceof File && part.size > 0 ? part : null;
  return file ? { filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
}

outcomeRoutes.get('/meetings/:id', (c) => outcomePage(c));

outcomeRoutes.post('/meetings/:id', bodyLimit({ maxSize: FORM_LIMIT }), async (c) => {
  const form = await parseForm(c, OutcomeForm);
  if (!form.ok) return outcomePage(c, { values: form.values, errors: form.errors, status: 422 });
  const { survey, ...input } = form.data;
  const file = await attachedMou(c);
  try {
    await recordOutcome(outcomeCtx(c), currentActor(c), c.req.param('id'), input, {
      channel: 'web',
      survey,
      file,
    });
  } catch (err) {
    return outcomePage(c, { values: form.values, errors: fieldRefusal(c, err), status: 422 });
  }
  setFlash(c, 'outcomes.saved');
  return redirectAfterPost(c, `/outcomes/meetings/${c.req.param('id')}`);
});

outcomeRoutes.post('/meetings/:id/reconcile', bodyLimit({ maxSize: 16 * 1024 }), async (c) => {
  const form = await parseForm(c, ReconcileForm);
  if (!form.ok) throw new NotFound();
  await reconcileOutcome(outcomeCtx(c), currentActor(c), c.req.param('id'), form.data.from);
  setFlash(c, 'outcomes.reconciled');
  return redirectAfterPost(c, `/outcomes/meetings/${c.req.param('id')}`);
});

outcomeRoutes.get('/meetings/:id/files/:fid', async (c) => {
  const { sql } = c.get('deps');
  const access = await requireMeetingAccess(sql, currentActor(c), c.req.param('id'));
  const fid = c.req.param('fid');
  if (!isUuid(fid)) throw new NotFound();
  const f = await openMouFile(sql, access.meeting.id, fid, access.visibleSides);
  const name = downloadFilename(f.filename, extensionFor(f.mime));
  return c.body(new Uint8Array(f.bytes), 200, {
    'content-type': f.mime,
    'content-disposition': contentDisposition(isInlineType(f.mime) ? 'inline' : 'attachment', name),
    'cache-control': 'private, no-store',
    'content-security-policy': "default-src 'none'; sandbox",
    'x-content-type-options': 'nosniff',
  });
});
