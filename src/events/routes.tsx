import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { EventFormPage } from '../../views/events/EventFormPage.js';
import { EventListPage } from '../../views/events/EventListPage.js';
import { EventPage } from '../../views/events/EventPage.js';
import { RegisterPage } from '../../views/events/RegisterPage.js';
import type { AppEnv } from '../context.js';
import { DomainError } from '../errors.js';
import { setFlash } from '../http/flash.js';
import { currentActor, currentUser, requireUser } from '../http/guards.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { parseForm, readBody } from '../http/validate.js';
import { isFacilitator, requireEvent, requireStaff } from './access.js';
import { dayRowsFor, eventFormValues, NEW_EVENT_VALUES, readEventForm, stringValues } from './form.js';
import { participantRoutes } from './participant-routes.js';
import { registerParticipant } from './participants.js';
import { listParticipantsOfUser, listRegistrableOrgs } from './participants-repo.js';
import * as repo from './repo.js';
import { ParticipantForm } from './schema.js';
import { createEvent, loadEvent, registrationOpen, updateEvent } from './service.js';

/** Events for people: list, create and edit (facilitators), the event page, registration. */
export const eventRoutes = new Hono<AppEnv>();
eventRoutes.use('*', requireUser());

const translate = (c: Context<AppEnv>, errors: Record<string, string>) =>
  Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, c.get('t')(v)]));

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
    if (err instanceof DomainError && (err.fields || err.status === 409)) {
      const errors = err.fields ? translate(c, err.fields) : { _: err.message };
      return formPage(c, eventId, {
        values: stringValues(raw),
        errors,
        status: err.status === 409 ? 409 : 422,
      });
    }
    throw err;
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
  const loaded = await loadEvent(sql, c.req.param('id'));
  const actor = currentActor(c);
  const staff = isFacilitator(actor);
  const [own, orgs] = await Promise.all([
    listParticipantsOfUser(sql, loaded.event.id, actor.userId),
    listRegistrableOrgs(sql, actor.userId),
  ]);
  const open = registrationOpen(loaded.event, clock());
  const t = c.get('t');
  return render(
    c,
    <EventPage
      t={t}
      locale={c.get('locale')}
      loaded={loaded}
      staff={staff}
      registrationOpen={open}
      own={own}
      canRegister={staff || (open && orgs.length > 0)}
    />,
    { title: loaded.event.name },
  );
});

async function registerPage(
  c: Context<AppEnv>,
  state: { values?: Record<string, string>; errors?: Record<string, string>; status?: number } = {},
) {
  const { sql } = c.get('deps');
  const event = await requireEvent(sql, c.req.param('id'));
  const actor = currentActor(c);
  const staff = isFacilitator(actor);
  const orgs = await listRegistrableOrgs(sql, staff ? null : actor.userId);
  const t = c.get('t');
  return render(
    c,
    <RegisterPage
      t={t}
      event={event}
      orgs={orgs}
      staff={staff}
      values={state.values ?? (staff ? {} : { name: currentUser(c).name, represent_self: 'on' })}
      errors={state.errors ?? {}}
    />,
    { title: t('events.register_title'), status: state.status ?? 200 },
  );
}

eventRoutes.get('/:id/register', (c) => registerPage(c));

eventRoutes.post('/:id/register', async (c) => {
  const form = await parseForm(c, ParticipantForm);
  if (!form.ok) return registerPage(c, { values: form.values, errors: form.errors, status: 422 });
  const { sql, clock } = c.get('deps');
  const event = await requireEvent(sql, c.req.param('id'));
  const actor = currentActor(c);
  try {
    const p = await registerParticipant(
      sql,
      actor,
      event.id,
      {
        organizationId: form.data.organization_id,
        name: form.data.name,
        userId: form.data.represent_self && !isFacilitator(actor) ? actor.userId : null,
        unavailableSlots: [],
      },
      clock(),
    );
    setFlash(c, 'events.registered');
    return redirectAfterPost(c, `/events/${event.id}/participants/${p.id}`);
  } catch (err) {
    if (err instanceof DomainError && (err.fields || err.status === 409)) {
      const errors = err.fields ? translate(c, err.fields) : { _: err.message };
      return registerPage(c, { values: form.values, errors, status: err.status === 409 ? 409 : 422 });
    }
    throw err;
  }
});

eventRoutes.route('/', participantRoutes);
