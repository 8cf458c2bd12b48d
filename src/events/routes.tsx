import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { EventFormPage } from '../../views/events/EventFormPage.js';
import { EventListPage } from '../../views/events/EventListPage.js';
import { EventPage } from '../../views/events/EventPage.js';
import { RegisterPage } from '../../views/events/RegisterPage.js';
import type { AppEnv } from '../context.js';
import { setFlash } from '../http/flash.js';
import { formRefusal } from '../http/form-refusal.js';
import { currentActor, currentUser, requireUser } from '../http/guards.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { parseForm, readBody } from '../http/validate.js';
import { isFacilitator, requireEvent, requireStaff } from './access.js';
import { loadEventPage, loadRegisterForm } from './event-pages.js';
import { dayRowsFor, eventFormValues, NEW_EVENT_VALUES, readEventForm, stringValues } from './form.js';
import { participantRoutes } from './participant-routes.js';
import { registerFromForm } from './participants.js';
import * as repo from './repo.js';
import { ParticipantForm } from './schema.js';
import { createEvent, loadEvent, updateEvent } from './service.js';

/** Events for people: list, create and edit (facilitators), the event page, registration. */
export const eventRoutes = new Hono<AppEnv>();
eventRoutes.use('*', requireUser());

eventRoutes.get('/', async (c) => {
  const events = await repo.listEvents(c.get('deps').sql);
  const t = c.get('t');
  return render(
    c,
    <EventListPage t={t} locale={c.get('locale')} events={events} staff={isFacilitator(currentActor(c))} />,
    { title: t('events.title') },
  );
});

async function formPage(
  c: Context<AppEnv>,
  eventId: string | null,
  state: { values: Record<string, string>; errors?: Record<string, string>; status?: number; rows?: number },
) {
  const { sql } = c.get('deps');
  const [organizers, estates] = await Promise.all([
    repo.listFacilitatorOrgsOf(sql, currentUser(c).id),
    repo.listEstateOptions(sql),
  ]);
  const t = c.get('t');
  const rows = z.coerce.number().int().min(1).max(14).safeParse(state.rows);
  return render(
    c,
    <EventFormPage
      t={t}
      eventId={eventId}
      organizers={organizers}
      estates={estates}
      values={state.values}
      errors={state.errors ?? {}}
      dayRows={dayRowsFor(state.values, rows.success ? rows.data : undefined)}
    />,
    { title: eventId ? t('events.edit') : t('events.new'), status: state.status ?? 200 },
  );
}

/** Service errors with field keys re-render the form (422); anything else propagates. */
async function submitEvent(c: Context<AppEnv>, eventId: string | null) {
  const raw = (await readBody(c, { all: false })) as Record<string, unknown>;
  if (raw.add_day) {
    // "Add a day row" re-renders what was typed with one more row; nothing is saved.
    return formPage(c, eventId, { values: stringValues(raw), rows: Number(raw.rows ?? 3) + 1 });
  }
  const form = readEventForm(raw, c.get('t'));
  if (!form.ok) return formPage(c, eventId, { values: form.values, errors: form.errors, status: 422 });
  const { sql, clock } = c.get('deps');
  try {
    let id = eventId;
    if (id) await updateEvent(sql, currentActor(c), id, form.input, clock());
    else id = await createEvent(sql, currentActor(c), form.input);
    setFlash(c, eventId ? 'events.saved' : 'events.created');
    return redirectAfterPost(c, `/events/${id}`);
  } catch (err) {
    return formPage(c, eventId, { values: stringValues(raw), ...formRefusal(c, err) });
  }
}

eventRoutes.get('/new', (c) => {
  requireStaff(currentActor(c));
  return formPage(c, null, { values: NEW_EVENT_VALUES });
});
eventRoutes.post('/new', (c) => {
  requireStaff(currentActor(c));
  return submitEvent(c, null);
});

eventRoutes.get('/:id/edit', async (c) => {
  requireStaff(currentActor(c));
  const { event, tables } = await loadEvent(c.get('deps').sql, c.req.param('id'));
  return formPage(c, event.id, { values: eventFormValues(event, tables) });
});
eventRoutes.post('/:id/edit', async (c) => {
  requireStaff(currentActor(c));
  const event = await requireEvent(c.get('deps').sql, c.req.param('id'));
  return submitEvent(c, event.id);
});

eventRoutes.get('/:id', async (c) => {
  const { sql, clock } = c.get('deps');
  const page = await loadEventPage(sql, currentActor(c), c.req.param('id'), clock());
  return render(c, <EventPage t={c.get('t')} locale={c.get('locale')} {...page} />, {
    title: page.loaded.event.name,
  });
});

async function registerPage(
  c: Context<AppEnv>,
  state: { values?: Record<string, string>; errors?: Record<string, string>; status?: number } = {},
) {
  const page = await loadRegisterForm(c.get('deps').sql, currentActor(c), c.req.param('id'));
  const values = state.values ?? (page.staff ? {} : { name: currentUser(c).name, represent_self: 'on' });
  const t = c.get('t');
  return render(c, <RegisterPage t={t} {...page} values={values} errors={state.errors ?? {}} />, {
    title: t('events.register_title'),
    status: state.status ?? 200,
  });
}

eventRoutes.get('/:id/register', (c) => registerPage(c));

eventRoutes.post('/:id/register', async (c) => {
  const form = await parseForm(c, ParticipantForm);
  if (!form.ok) return registerPage(c, { values: form.values, errors: form.errors, status: 422 });
  const { sql, clock } = c.get('deps');
  try {
    const p = await registerFromForm(sql, currentActor(c), c.req.param('id'), form.data, clock());
    setFlash(c, 'events.registered');
    return redirectAfterPost(c, `/events/${p.eventId}/participants/${p.id}`);
  } catch (err) {
    return registerPage(c, { values: form.values, ...formRefusal(c, err) });
  }
});

eventRoutes.route('/', participantRoutes);
