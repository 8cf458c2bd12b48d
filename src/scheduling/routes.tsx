import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { GridPage } from '../../views/scheduling/GridPage.js';
import { RunPage } from '../../views/scheduling/RunPage.js';
import type { AppEnv } from '../context.js';
import { isUuid } from '../db/ids.js';
import { DomainError } from '../errors.js';
import { requireEvent, requireStaff } from '../events/access.js';
import { type EventRow, listSlots, listTables } from '../events/repo.js';
import { listRequestsOfEvent } from '../events/requests-repo.js';
import { setFlash } from '../http/flash.js';
import { currentActor, requireUser } from '../http/guards.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { parseForm } from '../http/validate.js';
import { dayRoutes } from './day-routes.js';
import { GridModel, type Selection } from './grid.js';
import * as placement from './placement.js';
import * as repo from './repo.js';
import { previewRun, publishRun, runSchedule } from './runs.js';

/** The facilitator's grid (place, move, swap, lock, remove) and scheduler runs (mounted under /events). */
export const schedulingRoutes = new Hono<AppEnv>();
schedulingRoutes.use('*', requireUser());
schedulingRoutes.use('/:id/grid/*', async (c, next) => {
  requireStaff(currentActor(c));
  return next();
});
schedulingRoutes.use('/:id/schedule/*', async (c, next) => {
  requireStaff(currentActor(c));
  return next();
});

const ctxOf = (c: Context<AppEnv>): placement.ChangeContext => {
  const { sql, jobs, config, clock } = c.get('deps');
  return { sql, jobs, origin: config.appOrigin, now: clock() };
};

async function loadGrid(c: Context<AppEnv>, event: EventRow, select: string | null, place: string | null) {
  const { sql } = c.get('deps');
  const [slots, tables, meetings, blocked, unscheduled] = await Promise.all([
    listSlots(sql, event.id),
    listTables(sql, event.id),
    repo.listEventMeetings(sql, event.id),
    repo.listBlockedSlots(sql, event.id),
    repo.listUnscheduledRequests(sql, event.id),
  ]);
  const grid = new GridModel(slots, tables, meetings, blocked, unscheduled);
  const meeting = select ? meetings.find((m) => m.id === select) : undefined;
  const request = place ? unscheduled.find((r) => r.id === place) : undefined;
  const selection: Selection = meeting
    ? { kind: 'meeting', meeting }
    : request
      ? { kind: 'request', request }
      : null;
  return { grid, selection };
}

async function gridPage(
  c: Context<AppEnv>,
  event: EventRow,
  opts: {
    select?: string | null;
    place?: string | null;
    notice?: { kind: 'ok' | 'error'; text: string };
    status?: number;
  },
) {
  const { grid, selection } = await loadGrid(c, event, opts.select ?? null, opts.place ?? null);
  const runs = await repo.listRuns(c.get('deps').sql, event.id);
  const t = c.get('t');
  return render(
    c,
    <GridPage
      t={t}
      locale={c.get('locale')}
      event={event}
      grid={grid}
      selection={selection}
      notice={opts.notice ?? null}
      runs={runs}
    />,
    { title: `${t('events.grid')} · ${event.name}`, status: opts.status ?? 200 },
  );
}

schedulingRoutes.get('/:id/grid', async (c) => {
  requireStaff(currentActor(c));
  const event = await requireEvent(c.get('deps').sql, c.req.param('id'));
  const q = (name: string) => {
    const v = c.req.query(name);
    return isUuid(v) ? v : null;
  };
  return gridPage(c, event, { select: q('select'), place: q('place') });
});

const id = z.uuid('v.invalid');
const ACTIONS = {
  place: z.object({ request_id: id, slot_id: id, table_id: id }),
  move: z.object({ meeting_id: id, slot_id: id, table_id: id }),
  swap: z.object({ meeting_id: id, other_id: id }),
  lock: z.object({ meeting_id: id }),
  unlock: z.object({ meeting_id: id }),
  remove: z.object({ meeting_id: id }),
};
type Action = keyof typeof ACTIONS;

async function perform(c: Context<AppEnv>, event: EventRow, action: Action, body: Record<string, string>) {
  const ctx = ctxOf(c);
  const actor = currentActor(c);
  switch (action) {
    case 'place':
      await placement.placeRequest(ctx, actor, event.id, {
        requestId: body.request_id!,
        slotId: body.slot_id!,
        tableId: body.table_id!,
      });
      return;
    case 'move':
      await placement.moveMeeting(ctx, actor, event.id, body.meeting_id, {
        slotId: body.slot_id!,
        tableId: body.table_id!,
      });
      return;
    case 'swap':
      await placement.swapMeetings(ctx, actor, event.id, body.meeting_id, body.other_id);
      return;
    case 'lock':
    case 'unlock':
      await placement.setMeetingLocked(ctx, actor, event.id, body.meeting_id, action === 'lock');
      return;
    case 'remove':
      await placement.removeMeeting(ctx, actor, event.id, body.meeting_id);
      return;
  }
}

/**
 * Every grid action is a plain form POST. Without JavaScript: 303 back to the grid, or the grid
 * page with the reason and the error's status (409 for a conflict). With htmx: the grid itself,
 * swapped in place; a refused change comes back as 422 so htmx swaps it in and shows the reason.
 */
for (const action of Object.keys(ACTIONS) as Action[]) {
  schedulingRoutes.post(`/:id/grid/${action}`, async (c) => {
    const event = await requireEvent(c.get('deps').sql, c.req.param('id'));
    const t = c.get('t');
    const htmx = c.req.header('hx-request') === 'true';
    const form = await parseForm(c, ACTIONS[action]);
    try {
      if (!form.ok) throw new DomainError(422, 'invalid', 'errors.invalid');
      await perform(c, event, action, form.values);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      const notice = { kind: 'error' as const, text: t(err.message) };
      return gridPage(c, event, { notice, status: htmx ? 422 : err.status });
    }
    if (!htmx) {
      setFlash(c, 'events.grid.saved');
      return redirectAfterPost(c, `/events/${event.id}/grid`);
    }
    c.header('HX-Push-Url', `/events/${event.id}/grid`);
    return gridPage(c, event, { notice: { kind: 'ok', text: t('events.grid.saved') } });
  });
}

schedulingRoutes.post('/:id/schedule/run', async (c) => {
  const event = await requireEvent(c.get('deps').sql, c.req.param('id'));
  try {
    const run = await runSchedule(ctxOf(c), currentActor(c), event.id);
    return redirectAfterPost(c, `/events/${event.id}/schedule/runs/${run.id}`);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const details = err.fields?.locks ? ` (${err.fields.locks})` : '';
    return gridPage(c, event, {
      notice: { kind: 'error', text: `${c.get('t')(err.message)}${details}` },
      status: err.status,
    });
  }
});

async function runPage(c: Context<AppEnv>, event: EventRow, status = 200) {
  const { sql, clock } = c.get('deps');
  const { run, diff, stale } = await previewRun(sql, currentActor(c), event.id, c.req.param('runId'));
  const [slots, tables, requests] = await Promise.all([
    listSlots(sql, event.id),
    listTables(sql, event.id),
    listRequestsOfEvent(sql, event.id, clock(), 'accepted'),
  ]);
  const pairs = new Map(
    requests.map((r) => [r.id, `${r.fromName} (${r.fromOrgName}) – ${r.toName} (${r.toOrgName})`]),
  );
  const t = c.get('t');
  return render(
    c,
    <RunPage
      t={t}
      locale={c.get('locale')}
      event={event}
      run={run}
      diff={diff}
      stale={stale}
      slots={slots}
      tables={tables}
      pairs={pairs}
    />,
    { title: t('events.run.title'), status },
  );
}

schedulingRoutes.get('/:id/schedule/runs/:runId', async (c) => {
  const event = await requireEvent(c.get('deps').sql, c.req.param('id'));
  return runPage(c, event);
});

schedulingRoutes.post('/:id/schedule/runs/:runId/publish', async (c) => {
  const event = await requireEvent(c.get('deps').sql, c.req.param('id'));
  await publishRun(ctxOf(c), currentActor(c), event.id, c.req.param('runId'));
  setFlash(c, 'events.run.published');
  return redirectAfterPost(c, `/events/${event.id}/grid`);
});

schedulingRoutes.route('/', dayRoutes);
