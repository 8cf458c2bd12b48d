import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { AgendaPage, CheckInPage, SheetsPage, TableSheetPage } from '../../views/scheduling/DayPages.js';
import type { AppEnv } from '../context.js';
import { isUuid } from '../db/ids.js';
import { NotFound } from '../errors.js';
import { requireEvent, requireStaff } from '../events/access.js';
import { requireOwnParticipant } from '../events/participants.js';
import { findTable, listSlots, listTables } from '../events/repo.js';
import { toCsv } from '../exports/csv.js';
import { setFlash } from '../http/flash.js';
import { currentActor, requireUser } from '../http/guards.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { parseForm } from '../http/validate.js';
import { agendaIcs, loadAgenda } from './agenda.js';
import { loadAgendaWithBadge } from './checkin.js';
import { scheduleRows, toXlsx } from './export.js';
import { recordAttendance } from './placement.js';
import { listEventMeetings } from './repo.js';

/** Agendas (HTML and .ics), table sheets, check-in and exports (mounted under /events). */
export const dayRoutes = new Hono<AppEnv>();
dayRoutes.use('*', requireUser());

async function ownAgenda(c: Context<AppEnv>) {
  const { sql } = c.get('deps');
  const event = await requireEvent(sql, c.req.param('id'));
  const participant = await requireOwnParticipant(sql, currentActor(c), event.id, c.req.param('pid'));
  return { event, participant, entries: await loadAgenda(sql, event.id, participant.id) };
}

dayRoutes.get('/:id/participants/:pid/agenda', async (c) => {
  const { sql, config } = c.get('deps');
  const { event, participant, entries, badge } = await loadAgendaWithBadge(
    sql,
    currentActor(c),
    config.appOrigin,
    c.req.param('id'),
    c.req.param('pid'),
  );
  const t = c.get('t');
  const page = (
    <AgendaPage
      t={t}
      locale={c.get('locale')}
      event={event}
      participant={participant}
      entries={entries}
      badge={badge}
    />
  );
  return render(c, page, { title: t('events.agenda_of', { name: participant.name }) });
});

dayRoutes.get('/:id/participants/:pid/agenda.ics', async (c) => {
  const { event, participant, entries } = await ownAgenda(c);
  const ics = agendaIcs(c.get('t'), event, participant, entries, c.get('deps').clock());
  return c.body(ics, 200, {
    'content-type': 'text/calendar; charset=utf-8',
    'content-disposition': `attachment; filename="agenda-${participant.id}.ics"`,
  });
});

async function staffTable(c: Context<AppEnv>) {
  requireStaff(currentActor(c));
  const { sql } = c.get('deps');
  const event = await requireEvent(sql, c.req.param('id'));
  const tid = c.req.param('tid');
  const table = isUuid(tid) ? await findTable(sql, event.id, tid) : null;
  if (!table) throw new NotFound();
  const meetings = (await listEventMeetings(sql, event.id)).filter((m) => m.tableId === table.id);
  return { event, table, meetings };
}

dayRoutes.get('/:id/sheets', async (c) => {
  requireStaff(currentActor(c));
  const { sql } = c.get('deps');
  const event = await requireEvent(sql, c.req.param('id'));
  const tables = await listTables(sql, event.id);
  const t = c.get('t');
  return render(c, <SheetsPage t={t} locale={c.get('locale')} event={event} tables={tables} />, {
    title: t('events.sheets'),
  });
});

dayRoutes.get('/:id/tables/:tid', async (c) => {
  const { event, table, meetings } = await staffTable(c);
  const slots = await listSlots(c.get('deps').sql, event.id);
  const t = c.get('t');
  return render(
    c,
    <TableSheetPage
      t={t}
      locale={c.get('locale')}
      event={event}
      table={table}
      slots={slots}
      meetings={meetings}
    />,
    { title: `${table.name} · ${event.name}` },
  );
});

dayRoutes.get('/:id/tables/:tid/check-in', async (c) => {
  const { event, table, meetings } = await staffTable(c);
  const t = c.get('t');
  return render(
    c,
    <CheckInPage t={t} locale={c.get('locale')} event={event} table={table} meetings={meetings} />,
    {
      title: t('events.checkin'),
    },
  );
});

const CheckInForm = z.object({
  meeting_id: z.uuid(),
  attendance: z.enum(['', 'held', 'no_show_a', 'no_show_b', 'no_show_both']),
});

dayRoutes.post('/:id/tables/:tid/check-in', async (c) => {
  const { event, table, meetings } = await staffTable(c);
  const form = await parseForm(c, CheckInForm);
  if (!form.ok || !meetings.some((m) => m.id === form.data.meeting_id)) throw new NotFound();
  const { sql, jobs, config, clock } = c.get('deps');
  const m = await recordAttendance(
    { sql, jobs, origin: config.appOrigin, now: clock() },
    currentActor(c),
    event.id,
    form.data.meeting_id,
    form.data.attendance || null,
  );
  setFlash(c, 'events.checkin.saved');
  return redirectAfterPost(c, `/events/${event.id}/tables/${table.id}/check-in#m-${m.id}`);
});

async function exportRows(c: Context<AppEnv>) {
  requireStaff(currentActor(c));
  const { sql } = c.get('deps');
  const event = await requireEvent(sql, c.req.param('id'));
  const meetings = await listEventMeetings(sql, event.id);
  return { event, rows: scheduleRows(c.get('t'), event, meetings) };
}

const filename = (name: string, ext: string) =>
  `${
    name
      .replace(/[^A-Za-z0-9-]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'jadwal'
  }.${ext}`;

dayRoutes.get('/:id/export.csv', async (c) => {
  const { event, rows } = await exportRows(c);
  return c.body(toCsv(rows), 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename(event.name, 'csv')}"`,
  });
});

dayRoutes.get('/:id/export.xlsx', async (c) => {
  const { event, rows } = await exportRows(c);
  const buffer = await toXlsx(rows, c.get('t')('events.export.sheet'));
  return c.body(new Uint8Array(buffer), 200, {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': `attachment; filename="${filename(event.name, 'xlsx')}"`,
  });
});
