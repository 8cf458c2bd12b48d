import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { OutcomeListPage } from '../../views/outcomes/OutcomeListPage.js';
import { OutcomePage } from '../../views/outcomes/OutcomePage.js';
import type { AppEnv } from '../context.js';
import { isUuid } from '../db/ids.js';
import { DomainError, LimitExceeded, NotFound } from '../errors.js';
import { extensionFor, isInlineType } from '../files/content-type.js';
import { contentDisposition, downloadFilename } from '../files/filename.js';
import { MAX_UPLOAD_BYTES } from '../files/limits.js';
import { setFlash } from '../http/flash.js';
import { currentActor, requireUser } from '../http/guards.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { parseForm, parseQuery, readBody } from '../http/validate.js';
import { isFacilitator } from '../suppliers/access.js';
import { requireMeetingAccess } from './access.js';
import { valuesFromVersion } from './form-values.js';
import { HISTORY_PAGE_SIZE } from './history.js';
import { listEventProgress, listMeetingsForStaff, listMeetingsOfUser } from './list-repo.js';
import { openMouFile } from './mou.js';
import { HistoryPageQuery, OutcomeForm, OutcomeListQuery, ReconcileForm, SURVEYS } from './schema.js';
import { loadOutcome, type OutcomeCtx, reconcileOutcome, recordOutcome } from './service.js';

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
  const { sql, clock } = c.get('deps');
  const actor = currentActor(c);
  const filter = parseQuery(c, OutcomeListQuery);
  const staff = isFacilitator(actor);
  const now = clock();
  const [rows, events] = await Promise.all([
    staff
      ? filter.event || filter.queue
        ? listMeetingsForStaff(sql, now, { eventId: filter.event, queue: !!filter.queue })
        : Promise.resolve([])
      : listMeetingsOfUser(sql, actor.userId, now, { eventId: filter.event }),
    staff ? listEventProgress(sql, now) : Promise.resolve([]),
  ]);
  const t = c.get('t');
  return render(
    c,
    <OutcomeListPage
      t={t}
      locale={c.get('locale')}
      staff={staff}
      rows={rows}
      events={events}
      filter={filter}
    />,
    { title: t('outcomes.title') },
  );
});

async function outcomePage(
  c: Context<AppEnv>,
  state: { values?: Record<string, string>; errors?: Record<string, string>; status?: number } = {},
) {
  const { sql, clock } = c.get('deps');
  const { page } = HistoryPageQuery.parse(c.req.query());
  const paging = { page, perPage: HISTORY_PAGE_SIZE };
  const view = await loadOutcome(sql, currentActor(c), c.req.param('id'), paging);
  const now = clock();
  const reportable =
    view.meeting.status !== 'scheduled' ? 'not_scheduled' : view.meeting.startsAt > now ? 'not_yet' : 'ok';
  const own = view.heads[view.role];
  const t = c.get('t');
  return render(
    c,
    <OutcomePage
      t={t}
      locale={c.get('locale')}
      view={view}
      reportable={reportable}
      values={state.values ?? valuesFromVersion(own, c.get('locale'))}
      errors={state.errors ?? {}}
      survey={surveyOf(state.values?.survey ?? c.req.query('survey'))}
    />,
    { title: t('outcomes.page_title'), status: state.status ?? 200 },
  );
}

outcomeRoutes.get('/meetings/:id', (c) => outcomePage(c));

outcomeRoutes.post('/meetings/:id', bodyLimit({ maxSize: FORM_LIMIT }), async (c) => {
  const form = await parseForm(c, OutcomeForm);
  const t = c.get('t');
  if (!form.ok) return outcomePage(c, { values: form.values, errors: form.errors, status: 422 });
  const body = await readBody(c, { all: true });
  const part = body.mou_file;
  const file = part instanceof File && part.size > 0 ? part : null;
  const { survey, ...input } = form.data;
  try {
    await recordOutcome(outcomeCtx(c), currentActor(c), c.req.param('id'), input, {
      channel: 'web',
      survey,
      file: file ? { filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null,
    });
  } catch (err) {
    if (!(err instanceof DomainError) || !err.fields) throw err;
    const params = err instanceof LimitExceeded ? err.params : undefined;
    const errors = Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k, t(v, params)]));
    return outcomePage(c, { values: form.values, errors, status: 422 });
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
  const { sql, config } = c.get('deps');
  const access = await requireMeetingAccess(sql, currentActor(c), c.req.param('id'));
  const fid = c.req.param('fid');
  if (!isUuid(fid)) throw new NotFound();
  const f = await openMouFile(sql, config.dataDir, access.meeting.id, fid, access.visibleSides);
  const name = downloadFilename(f.filename, extensionFor(f.mime));
  return c.body(new Uint8Array(f.bytes), 200, {
    'content-type': f.mime,
    'content-disposition': contentDisposition(isInlineType(f.mime) ? 'inline' : 'attachment', name),
    'cache-control': 'private, no-store',
    'content-security-policy': "default-src 'none'; sandbox",
    'x-content-type-options': 'nosniff',
  });
});
