import { requestAccount } from '../auth/registration.js';
import { checkPasswordStrength, type WeakPassword } from '../auth/strength.js';
import type { Db, Sql } from '../db/client.js';
import { isPgError } from '../db/client.js';
import { Conflict, NotFound, RateLimited } from '../errors.js';
import { type Actor, requireEvent, requireStaff } from '../events/access.js';
import { insertParticipant } from '../events/participants-repo.js';
import type { EventRow } from '../events/repo.js';
import { registrationOpen } from '../events/service.js';
import { hitRateLimit } from '../http/rate-limit.js';
import { zonedTimeToUtc } from '../i18n/format.js';
import type { Locale, T } from '../i18n/index.js';
import type { Jobs } from '../jobs/queue.js';
import { buildIcs } from '../scheduling/ics.js';
import * as repo from './repo.js';
import type { PublicPageForm, SelfRegisterForm } from './schema.js';

/** Self-registrations per client address per hour: a venue shares one address, so it is generous. */
export const REGISTER_LIMIT = { hits: 30, windowSeconds: 3600 } as const;

export interface PublicEvent {
  event: EventRow;
  orgs: repo.PublicOrgRow[];
  registrationOpen: boolean;
}

async function requireOpenEvent(db: Db, slug: string): Promise<EventRow> {
  const id = await repo.findOpenEventIdBySlug(db, slug);
  if (!id) throw new NotFound();
  return requireEvent(db, id);
}

/** What anyone may see of an event whose page a facilitator opened; anything else is a 404. */
export async function loadPublicEvent(db: Db, slug: string, now: Date): Promise<PublicEvent> {
  const event = await requireOpenEvent(db, slug);
  const orgs = await repo.listVerifiedParticipantOrgs(db, event.id);
  return { event, orgs, registrationOpen: registrationOpen(event, now) };
}

/**
 * Creates an account, its organisation and a pending participant in one transaction, so the
 * registration lands in the facilitator's approval queue like any other. A known e-mail gets the
 * same answer as a new one and its owner an e-mail (no account probing); the client address is
 * rate-limited before any password work. Returns why a password is too weak, if it is.
 */
export async function selfRegister(
  deps: { sql: Sql; jobs: Jobs | null; appOrigin: string },
  slug: string,
  form: SelfRegisterForm,
  who: { ip: string; locale: Locale; now: Date },
): Promise<WeakPassword | null> {
  const event = await requireOpenEvent(deps.sql, slug);
  const hit = await hitRateLimit(
    deps.sql,
    `public-register:${who.ip}`,
    REGISTER_LIMIT.hits,
    REGISTER_LIMIT.windowSeconds,
    who.now,
  );
  if (!hit.allowed) throw new RateLimited(hit.retryAfterSeconds);
  if (!registrationOpen(event, who.now)) throw new Conflict('events.conflict.registration_closed');
  const weak = await checkPasswordStrength(form.password, [form.email, form.name, form.org_name]);
  if (weak) return weak;
  const input = { email: form.email, name: form.name, password: form.password, locale: who.locale };
  const org = { name: form.org_name, kind: form.org_kind };
  await requestAccount(deps.sql, deps.jobs, { ...input, org }, deps.appOrigin, async (tx, created) => {
    await insertParticipant(tx, {
      eventId: event.id,
      organizationId: created.orgId!,
      userId: created.userId,
      name: form.name,
      status: 'pending',
      registeredBy: created.userId,
      now: who.now,
    });
  });
  return null;
}

/** The event's days as calendar entries, one per time window, in the event's zone. */
export async function publicEventIcs(db: Db, t: T, slug: string, now: Date): Promise<string> {
  const event = await requireOpenEvent(db, slug);
  const meetings = event.days.flatMap((day) =>
    day.windows.map((w) => ({
      id: `${event.id}-${day.date}-${w.start}`,
      status: 'scheduled' as const,
      sequence: 0,
      startsAt: zonedTimeToUtc(day.date, w.start, event.timezone),
      endsAt: zonedTimeToUtc(day.date, w.end, event.timezone),
      updatedAt: event.updatedAt,
      summary: event.name,
      location: event.venue,
      description: t('events.public.ics_description', { event: event.name }),
    })),
  );
  return buildIcs({ name: event.name, timezone: event.timezone, now, meetings });
}

/** The page's settings, for facilitators. */
export async function loadPublicPage(db: Db, actor: Actor, eventId: string) {
  requireStaff(actor);
  const event = await requireEvent(db, eventId);
  const page = await repo.findPublicPage(db, event.id);
  return { event, slug: page?.slug ?? '', open: !!page?.publicAt };
}

/**
 * Renames the page or opens/closes it. A slug already in use (the unique index decides, so two
 * facilitators racing for one name cannot both win) comes back as a field error key.
 */
export async function savePublicPage(
  db: Db,
  actor: Actor,
  eventId: string,
  form: PublicPageForm,
  now: Date,
): Promise<{ slug: 'v.events.slug_taken' } | null> {
  requireStaff(actor);
  const event = await requireEvent(db, eventId);
  try {
    await repo.updatePublicPage(db, event.id, { slug: form.slug, open: form.open, now });
    return null;
  } catch (err) {
    if (isPgError(err, '23505')) return { slug: 'v.events.slug_taken' };
    throw err;
  }
}
