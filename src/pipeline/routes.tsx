import { type Context, Hono } from 'hono';
import { BoardPage, BoardPicker } from '../../views/pipeline/BoardPage.js';
import { ItemPage } from '../../views/pipeline/ItemPage.js';
import type { AppEnv } from '../context.js';
import { Conflict } from '../errors.js';
import { currentActor, requireRole, requireUser } from '../http/guards.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { parseForm, parseQuery } from '../http/validate.js';
import { BoardQuery, MoveForm } from './schema.js';
import { loadBoard, loadItem, loadPicker, moveItem } from './service.js';

/** `/pipeline`: the follow-up boards (facilitators) and each meeting's item (its parties too). */
export const pipelineRoutes = new Hono<AppEnv>();
pipelineRoutes.use('*', requireUser());

pipelineRoutes.get('/', requireRole('facilitator'), async (c) => {
  const q = parseQuery(c, BoardQuery);
  const { sql, clock } = c.get('deps');
  const scope = q.event ? { eventId: q.event } : q.office ? { officeId: q.office } : {};
  const board = await loadBoard(sql, scope, clock());
  const t = c.get('t');
  if (!board)
    return render(c, <BoardPicker t={t} {...(await loadPicker(sql))} />, {
      title: t('impact.pipeline.title'),
    });
  const back = q.event ? `/pipeline?event=${q.event}` : `/pipeline?office=${q.office}`;
  return render(c, <BoardPage t={t} locale={c.get('locale')} {...board} back={back} />, {
    title: t('impact.pipeline.title'),
  });
});

async function itemPage(c: Context<AppEnv>, error: string | null = null, status = 200) {
  const { sql, clock } = c.get('deps');
  const v = await loadItem(sql, currentActor(c), c.req.param('id'), clock());
  const t = c.get('t');
  return render(
    c,
    <ItemPage
      t={t}
      locale={c.get('locale')}
      meeting={v.meeting}
      stage={v.item?.stage ?? null}
      revision={v.item?.revision ?? 0}
      overdue={v.overdue}
      moves={v.moves}
      error={error}
    />,
    { title: t('impact.pipeline.item_title'), status },
  );
}

pipelineRoutes.get('/meetings/:id', (c) => itemPage(c));

pipelineRoutes.post('/meetings/:id/move', async (c) => {
  const form = await parseForm(c, MoveForm);
  if (!form.ok) return itemPage(c, c.get('t')('errors.invalid'), 422);
  try {
    await moveItem(c.get('deps').sql, currentActor(c), c.req.param('id'), form.data, c.get('deps').clock());
  } catch (err) {
    if (err instanceof Conflict) return itemPage(c, c.get('t')(err.message), 409);
    throw err;
  }
  return redirectAfterPost(c, form.data.back ?? `/pipeline/meetings/${c.req.param('id')}`);
});
