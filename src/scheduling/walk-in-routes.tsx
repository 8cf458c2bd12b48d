import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { RefillPage, WalkInDeskPage, WalkInPlacePage } from '../../views/scheduling/WalkInPages.js';
import type { AppEnv } from '../context.js';
import { setFlash } from '../http/flash.js';
import { currentActor, requireUser } from '../http/guards.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { parseForm } from '../http/validate.js';
import type { ChangeContext } from './placement.js';
import { loadRefill, refillSlot } from './refill.js';
import { WalkInForm } from './walk-in-schema.js';
import { loadWalkInDesk, loadWalkInPlacement, placeWalkIn, registerWalkIn } from './walk-ins.js';

/** Walk-ins on the spot and no-show refills (mounted under /events). Facilitators only. */
export const walkInRoutes = new Hono<AppEnv>();
walkInRoutes.use('*', requireUser());

const ctxOf = (c: Context<AppEnv>): ChangeContext => {
  const { sql, jobs, config, clock } = c.get('deps');
  return { sql, jobs, origin: config.appOrigin, now: clock() };
};

const PlaceForm = z.object({ counterpart_id: z.uuid(), slot_id: z.uuid(), table_id: z.uuid() });
const RefillForm = z.object({
  request_id: z.uuid().optional(),
  participant_id: z.uuid().optional(),
});

async function desk(c: Context<AppEnv>, values: Record<string, string>, errors: Record<string, string>) {
  const { event, walkIns } = await loadWalkInDesk(c.get('deps').sql, currentActor(c), c.req.param('id'));
  const t = c.get('t');
  const page = (
    <WalkInDeskPage
      t={t}
      locale={c.get('locale')}
      event={event}
      walkIns={walkIns}
      values={values}
      errors={errors}
    />
  );
  return render(c, page, { title: t('events.walkin'), status: Object.keys(errors).length ? 422 : 200 });
}

walkInRoutes.get('/:id/walk-ins', (c) => desk(c, {}, {}));

walkInRoutes.post('/:id/walk-ins', async (c) => {
  const form = await parseForm(c, WalkInForm);
  if (!form.ok) return desk(c, form.values, form.errors);
  const { sql, clock } = c.get('deps');
  const input = {
    name: form.data.name,
    organizationName: form.data.organization_name,
    kind: form.data.kind,
    whatsapp: form.data.whatsapp,
  };
  const id = await registerWalkIn({ sql, now: clock() }, currentActor(c), c.req.param('id'), input);
  setFlash(c, 'events.walkin.registered');
  return redirectAfterPost(c, `/events/${c.req.param('id')}/walk-ins/${id}`);
});

walkInRoutes.get('/:id/walk-ins/:pid', async (c) => {
  const { sql, clock } = c.get('deps');
  const { event, walkIn, options } = await loadWalkInPlacement(
    sql,
    currentActor(c),
    c.req.param('id'),
    c.req.param('pid'),
    clock(),
  );
  const t = c.get('t');
  const page = (
    <WalkInPlacePage t={t} locale={c.get('locale')} event={event} walkIn={walkIn} options={options} />
  );
  return render(c, page, { title: t('events.walkin.place_title', { name: walkIn.name }) });
});

walkInRoutes.post('/:id/walk-ins/:pid/place', async (c) => {
  const form = await parseForm(c, PlaceForm);
  const target = form.ok
    ? { counterpartId: form.data.counterpart_id, slotId: form.data.slot_id, tableId: form.data.table_id }
    : { counterpartId: '', slotId: '', tableId: '' };
  const m = await placeWalkIn(ctxOf(c), currentActor(c), c.req.param('id'), c.req.param('pid'), target);
  setFlash(c, 'events.walkin.placed');
  return redirectAfterPost(c, `/events/${c.req.param('id')}/grid?select=${m.id}`);
});

walkInRoutes.get('/:id/meetings/:mid/refill', async (c) => {
  const { sql } = c.get('deps');
  const r = await loadRefill(sql, currentActor(c), c.req.param('id'), c.req.param('mid'));
  const t = c.get('t');
  const page = (
    <RefillPage
      t={t}
      locale={c.get('locale')}
      event={r.event}
      meeting={r.meeting}
      present={r.present}
      candidates={r.candidates}
    />
  );
  return render(c, page, { title: t('events.refill') });
});

walkInRoutes.post('/:id/meetings/:mid/refill', async (c) => {
  const form = await parseForm(c, RefillForm);
  const pick = form.ok ? { requestId: form.data.request_id, participantId: form.data.participant_id } : {};
  const m = await refillSlot(ctxOf(c), currentActor(c), c.req.param('id'), c.req.param('mid'), pick);
  setFlash(c, 'events.refill.placed');
  return redirectAfterPost(c, `/events/${c.req.param('id')}/tables/${m.tableId}/check-in#m-${m.id}`);
});
